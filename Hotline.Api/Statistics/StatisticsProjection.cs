using Hotline.Api.Quarantine;

namespace Hotline.Api.Statistics;

/// <summary>How far the counters are behind the case-event log.</summary>
public sealed record StatisticsProgress(long CountedThrough, long LastSequence)
{
    public bool UpToDate => CountedThrough >= LastSequence;
}

/// <summary>
/// Keeps the statistics counters in step with the cases by following the case-event log: every case an
/// event touched is recounted from its rows, in the tables of each month still provisional when its earliest event counted
/// happened (one already final then keeps what it counted: <see cref="StatisticsKeys.Final"/>), and the
/// difference from what it was last counted under is added to the counters, in one transaction with the
/// checkpoint. Replaying a batch is therefore harmless, and two instances never count the same batch (the second
/// finds the checkpoint moved and stops).
/// </summary>
public sealed class StatisticsProjection(
    Database database, CaseEventLog events, IndicatorMap indicators, QuarantineStore quarantine, IOptions<StatisticsOptions> options)
{
    public const string CheckpointName = "Statistics";
    public const int BatchSize = 1_000;

    /// <summary>
    /// Counts the next batch of events; returns how many events it covered (0 when there was nothing to do,
    /// or another instance counted it first). Everything is read before the writer is taken, so a batch
    /// holds the single writer only for its changes; the checkpoint's conditional advance, in the same
    /// transaction as those changes, makes sure that nobody counted in between.
    /// </summary>
    public async Task<long> CountNextBatchAsync(CancellationToken cancellationToken)
    {
        long after;
        long? until;
        Recount recount;
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            after = await reader.QuerySingleAsync<long>("StatisticsCheckpoints_Read", new { Name = CheckpointName }, cancellationToken);
            until = await reader.QuerySingleAsync<long?>("CaseEvents_ReadBatchEnd", new { After = after, Take = BatchSize }, cancellationToken);
            if (until is null)
            {
                return 0;
            }

            recount = await RecountAsync(reader, new { After = after, Until = until }, cancellationToken);
        }

        // A case whose stored facts cannot be read is left as it was counted and set aside; the batch goes on.
        foreach (var (caseId, cause) in recount.Unreadable)
        {
            await quarantine.SetAsideAsync(QuarantineSources.StatisticsFacts, caseId.ToString(), UnreadableRow.Reason(cause)!, cause, cancellationToken);
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        if (await session.ExecuteAsync("StatisticsCheckpoints_Advance", new { Name = CheckpointName, After = after, Until = until }, cancellationToken) == 0)
        {
            return 0;
        }

        foreach (var (caseId, keys) in recount.CaseKeys)
        {
            await session.ExecuteAsync("StatisticsCaseFacts_Upsert", new { CaseId = caseId, Keys = keys }, cancellationToken);
        }

        foreach (var ((month, dimension, value), (count, seconds)) in recount.Changes.Where(c => c.Value != (0, 0)))
        {
            await session.ExecuteAsync("StatisticsCounts_Add",
                new { Month = month, Dimension = dimension, Value = value, Count = count, TotalSeconds = seconds }, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return until.Value - after;
    }

    /// <summary>Counts batches until the log is caught up or <paramref name="maxBatches"/> ran, and says where it got to.</summary>
    public async Task<StatisticsProgress> CatchUpAsync(int maxBatches, CancellationToken cancellationToken)
    {
        var progress = await ProgressAsync(cancellationToken);
        for (var i = 0; i < maxBatches && !progress.UpToDate; i++)
        {
            await CountNextBatchAsync(cancellationToken);
            progress = await ProgressAsync(cancellationToken);
        }

        return progress;
    }

    public async Task<StatisticsProgress> ProgressAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return new StatisticsProgress(
            await session.QuerySingleAsync<long>("StatisticsCheckpoints_Read", new { Name = CheckpointName }, cancellationToken),
            await events.ReadLastSequenceAsync(session, cancellationToken));
    }

    /// <summary>
    /// Recounts every case the batch touched from its rows: the keys each case now counts under (only
    /// those that changed) and what that adds to and takes from the counters.
    /// </summary>
    private async Task<Recount> RecountAsync(DbSession reader, object batch, CancellationToken cancellationToken)
    {
        var cases = await reader.QueryAsync<CaseFacts>("Cases_ReadStatisticsFacts", batch, cancellationToken);
        var replies = (await reader.QueryAsync<FirstReply>("Messages_ReadFirstRepliesForStatistics", batch, cancellationToken))
            .ToDictionary(r => r.CaseId, r => r.FirstReplyAt);
        var referrals = (await reader.QueryAsync<ReferralFacts>("Referrals_ReadStatisticsFacts", batch, cancellationToken)).ToLookup(r => r.CaseId);
        var counted = (await reader.QueryAsync<CountedCase>("StatisticsCaseFacts_ReadForBatch", batch, cancellationToken))
            .ToDictionary(f => f.CaseId, f => f.Keys);

        var recount = new Recount();
        foreach (var kase in cases)
        {
            IReadOnlyList<StatisticsKey> keys;
            IReadOnlyList<StatisticsKey> counts;
            var before = counted.GetValueOrDefault(kase.Id);
            try
            {
                counts = before is null ? [] : StatisticsKeys.Deserialize(before);
                keys = StatisticsKeys.Final(counts,
                    StatisticsKeys.For(kase, replies.TryGetValue(kase.Id, out var replied) ? replied : null, referrals[kase.Id], indicators),
                    kase.FirstEventAt, options.Value.FinalAfter);
            }
            catch (Exception ex) when (UnreadableRow.Reason(ex) is not null)
            {
                recount.Unreadable.Add((kase.Id, ex));
                continue;
            }

            var text = StatisticsKeys.Serialize(keys);
            if (before == text)
            {
                continue;
            }

            // Subtract exactly what was added last time, even if the way keys are made has changed since.
            foreach (var key in counts)
            {
                recount.Change(key, -1);
            }

            foreach (var key in keys)
            {
                recount.Change(key, 1);
            }

            recount.CaseKeys.Add((kase.Id, text));
        }

        return recount;
    }

    private sealed class Recount
    {
        public List<(Guid CaseId, string Keys)> CaseKeys { get; } = [];

        public List<(Guid CaseId, Exception Cause)> Unreadable { get; } = [];

        public Dictionary<(string Month, string Dimension, string Value), (long Count, long Seconds)> Changes { get; } = [];

        public void Change(StatisticsKey key, int sign)
        {
            var (count, seconds) = Changes.GetValueOrDefault((key.Month, key.Dimension, key.Value));
            Changes[(key.Month, key.Dimension, key.Value)] = (count + sign, seconds + sign * key.Seconds);
        }
    }

    private sealed record FirstReply
    {
        public Guid CaseId { get; init; }
        public DateTimeOffset FirstReplyAt { get; init; }
    }

    private sealed record CountedCase
    {
        public Guid CaseId { get; init; }
        public string Keys { get; init; } = "";
    }
}
