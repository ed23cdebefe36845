namespace Hotline.Api.Casework;

/// <summary>
/// Counts for the queue header, the supervisor view and the metrics: no case is named, only how many wait and for how long.
/// All of them read one statement, so "waiting" means the same everywhere (docs/casework.md, "Back in the queue after a reply").
/// </summary>
public sealed class QueueStatisticsReader(TimeProvider time)
{
    /// <summary>How long the figures last read are given again to a console that has just connected.</summary>
    public static readonly TimeSpan ReuseForConnecting = TimeSpan.FromSeconds(1);

    private volatile KeptRows? _kept;

    public async Task<QueueStatistics> ReadAsync(DbSession session, long sequence, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var rows = await ReadRowsAsync(session, cancellationToken);
        // Reads finish in any order: an older one finishing last must not replace newer figures given to connecting consoles.
        if (_kept is not { } kept || kept.Sequence <= sequence)
        {
            _kept = new KeptRows(sequence, readAt, rows);
        }

        return Figures(sequence, rows);
    }

    /// <summary>
    /// For a console that has just connected: the figures last read, as of their own sequence, when read within
    /// <see cref="ReuseForConnecting"/>, else read now. Every console reconnecting after a restart would otherwise read every
    /// open case once each; the case-event stream sends anything newer within a second.
    /// </summary>
    public async Task<QueueStatistics> ReadForConnectingAsync(DbSession session, long sequence, CancellationToken cancellationToken) =>
        _kept is { } kept && time.GetUtcNow() - kept.ReadAt < ReuseForConnecting
            ? Figures(kept.Sequence, kept.Rows)
            : await ReadAsync(session, sequence, cancellationToken);

    private QueueStatistics Figures(long sequence, List<Row> rows)
    {
        var queued = rows.Where(r => r.Status == nameof(CaseStatus.Queued)).ToList();
        var taken = rows.Where(r => r.Status == nameof(CaseStatus.Claimed)).ToList();
        return new QueueStatistics(
            sequence,
            (int)queued.Sum(r => r.Waiting),
            (int)taken.Sum(r => r.Cases),
            ByBand(queued, r => r.Waiting),
            OldestWaitingSeconds(queued),
            (int)queued.Sum(r => r.Answered),
            (int)queued.Sum(r => r.Quiet),
            (int)queued.Sum(r => r.OptedOut),
            ByBand(queued, r => r.Quiet + r.OptedOut),
            // A held case's person waits by the same rule: only the caseworker who holds it can answer them.
            new TakenStatistics(
                (int)taken.Sum(r => r.Waiting),
                (int)taken.Sum(r => r.Cases - r.Waiting),
                ByBand(taken, r => r.Waiting),
                OldestWaitingSeconds(taken),
                ByBand(taken, r => r.Quiet + r.OptedOut),
                (int)taken.Sum(r => r.Quiet),
                (int)taken.Sum(r => r.OptedOut)));
    }

    private double OldestWaitingSeconds(List<Row> rows) =>
        rows.Min(r => r.OldestWaitingSince) is { } at ? Math.Max(0, (time.GetUtcNow() - at).TotalSeconds) : 0;

    /// <summary>A count of the rows by band name, bands where it is 0 left out.</summary>
    private static Dictionary<string, int> ByBand(List<Row> rows, Func<Row, long> count) =>
        rows.GroupBy(r => r.Priority)
            .Select(band => (Band: band.Key, Count: band.Sum(count)))
            .Where(band => band.Count > 0)
            .ToDictionary(band => band.Band.ToString(), band => (int)band.Count);

    /// <summary>
    /// For the metrics, from one read: per priority band, every case in the queue, how many of them nobody can write to, and
    /// since when the longest-waiting person there has waited for a reply (null when nobody there does); per language, only
    /// the people waiting for a reply.
    /// </summary>
    public async Task<QueueWaits> ReadWaitsAsync(DbSession session, CancellationToken cancellationToken)
    {
        var queued = (await ReadRowsAsync(session, cancellationToken)).Where(r => r.Status == nameof(CaseStatus.Queued)).ToList();
        return new QueueWaits(
            queued.GroupBy(r => r.Priority)
                .Select(band => new WaitingBand(band.Key, band.Sum(r => r.Cases), band.Sum(r => r.Quiet + r.OptedOut), band.Min(r => r.OldestWaitingSince)))
                .OrderBy(band => band.Band)
                .ToList(),
            queued.Where(r => r.Waiting > 0)
                .GroupBy(r => r.Language, StringComparer.Ordinal)
                .Select(language => new WaitingLanguage(language.Key, language.Sum(r => r.Waiting), language.Min(r => r.OldestWaitingSince!.Value)))
                .OrderBy(language => language.Language, StringComparer.Ordinal)
                .ToList());
    }

    /// <summary>How many cases each caseworker and supervisor holds: the supervisor's view of the load.</summary>
    public async Task<IReadOnlyList<CaseworkEndpoints.Workload>> ReadWorkloadAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync<CaseworkEndpoints.Workload>("Cases_ReadWorkload", null, cancellationToken)).ToList();

    private static async Task<List<Row>> ReadRowsAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Row>("Cases_ReadQueueStatistics", null, cancellationToken)).ToList();

    private sealed record KeptRows(long Sequence, DateTimeOffset ReadAt, List<Row> Rows);

    /// <summary>The open cases of one status, band and language, by what their person waits for.</summary>
    private sealed record Row
    {
        public string Status { get; init; } = "";
        public PriorityBand Priority { get; init; }
        public string Language { get; init; } = "";
        public long Cases { get; init; }
        public long Waiting { get; init; }
        public long Answered { get; init; }
        public long Quiet { get; init; }
        public long OptedOut { get; init; }
        public DateTimeOffset? OldestWaitingSince { get; init; }
    }
}

/// <param name="Cases">Every case in the band's queue, whatever its person waits for: the work there is.</param>
/// <param name="CannotBeWrittenTo">Those of <paramref name="Cases"/> whose person went quiet or opted out: work with no reply to send.</param>
/// <param name="OldestWaitingSince">Since when the longest-waiting person of the band has waited for a reply; null when nobody there does.</param>
public sealed record WaitingBand(PriorityBand Band, long Cases, long CannotBeWrittenTo, DateTimeOffset? OldestWaitingSince);

/// <param name="Cases">The language's cases in the queue whose person waits for a reply.</param>
/// <param name="OldestWaitingSince">Since when the longest-waiting of them has waited.</param>
public sealed record WaitingLanguage(string Language, long Cases, DateTimeOffset OldestWaitingSince);

/// <summary>The queue's waits for the metrics: every band that has a case in the queue, every language that has a person waiting.</summary>
public sealed record QueueWaits(IReadOnlyList<WaitingBand> Bands, IReadOnlyList<WaitingLanguage> Languages);
