using Hotline.Api.Storage;

namespace Hotline.Api.Statistics;

/// <summary>How far the counters are behind the case-event log.</summary>
public sealed record StatisticsProgress(long CountedThrough, long LastSequence)
{
    public bool UpToDate => CountedThrough >= LastSequence;
}

/// <summary>
/// Keeps the statistics counters in step with the cases by following the case-event log: every case an
/// event touched is recounted from its rows, and the difference from what it was last counted under is
/// added to the counters, in one transaction with the checkpoint. Replaying a batch is therefore harmless,
/// and two instances never count the same batch (the second finds the checkpoint moved and stops).
/// </summary>
public sealed class StatisticsProjection(Database database, IndicatorMap indicators)
{
    public const string CheckpointName = "Statistics";
    public const int BatchSize = 1_000;

    /// <summary>Counts the next batch of events; returns how many events it covered (0 when there was nothing to do).</summary>
    public async Task<long> CountNextBatchAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var after = await session.QuerySingleAsync<long>("StatisticsCheckpoints_Read", new { Name = CheckpointName }, cancellationToken);
        var until = await session.QuerySingleAsync<long?>("CaseEvents_ReadBatchEnd", new { After = after, Take = BatchSize }, cancellationToken);
        if (until is null
            || await session.ExecuteAsync("StatisticsCheckpoints_Advance", new { Name = CheckpointName, After = after, Until = until }, cancellationToken) == 0)
        {
            return 0;
        }

        var batch = new { After = after, Until = until };
        var cases = await session.QueryAsync<CaseFacts>("Cases_ReadStatisticsFacts", batch, cancellationToken);
        var replies = (await session.QueryAsync<FirstReply>("Messages_ReadFirstRepliesForStatistics", batch, cancellationToken))
            .ToDictionary(r => r.CaseId, r => r.FirstReplyAt);
        var referrals = (await session.QueryAsync<ReferralFacts>("Referrals_ReadStatisticsFacts", batch, cancellationToken)).ToLookup(r => r.CaseId);
        var counted = (await session.QueryAsync<CountedCase>("StatisticsCaseFacts_ReadForBatch", batch, cancellationToken))
            .ToDictionary(f => f.CaseId, f => f.Keys);

        var changes = new Dictionary<(string Month, string Dimension, string Value), (long Count, long Seconds)>();
        foreach (var kase in cases)
        {
            var keys = StatisticsKeys.For(kase, replies.TryGetValue(kase.Id, out var replied) ? replied : null, referrals[kase.Id], indicators);
            var text = StatisticsKeys.Serialize(keys);
            var before = counted.GetValueOrDefault(kase.Id);
            if (before == text)
            {
                continue;
            }

            // Subtract exactly what was added last time, even if the way keys are made has changed since.
            foreach (var key in before is null ? [] : StatisticsKeys.Deserialize(before))
            {
                Change(changes, key, -1);
            }

            foreach (var key in keys)
            {
                Change(changes, key, 1);
            }

            await session.ExecuteAsync("StatisticsCaseFacts_Upsert", new { CaseId = kase.Id, Keys = text }, cancellationToken);
        }

        foreach (var ((month, dimension, value), (count, seconds)) in changes.Where(c => c.Value != (0, 0)))
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
            await session.QuerySingleAsync<long>("CaseEvents_ReadLastSequence", null, cancellationToken));
    }

    private static void Change(Dictionary<(string, string, string), (long Count, long Seconds)> changes, StatisticsKey key, int sign)
    {
        var (count, seconds) = changes.GetValueOrDefault((key.Month, key.Dimension, key.Value));
        changes[(key.Month, key.Dimension, key.Value)] = (count + sign, seconds + sign * key.Seconds);
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
