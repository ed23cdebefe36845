namespace Hotline.Api.Casework;

/// <summary>Counts for the queue header and the supervisor view: no case is named, only how many wait and for how long.</summary>
public sealed class QueueStatisticsReader(TimeProvider time)
{
    public async Task<QueueStatistics> ReadAsync(DbSession session, long sequence, CancellationToken cancellationToken)
    {
        var rows = (await session.QueryAsync<Row>("Cases_ReadQueueStatistics", null, cancellationToken)).ToList();
        var queued = rows.Where(r => r.Status == "Queued").ToList();
        // A case answered before, back in the queue with nothing new from the person, waits for nobody: not "waiting".
        var oldest = queued.Where(r => r.OldestWaitingSince is not null).Select(r => r.OldestWaitingSince).Min();
        return new QueueStatistics(
            sequence,
            (int)queued.Sum(r => r.Cases - r.Answered),
            (int)rows.Where(r => r.Status == "Claimed").Sum(r => r.Cases),
            queued.Where(r => r.Cases > r.Answered).ToDictionary(r => r.Priority.ToString(), r => (int)(r.Cases - r.Answered)),
            oldest is { } at ? Math.Max(0, (time.GetUtcNow() - at).TotalSeconds) : 0,
            (int)queued.Sum(r => r.Answered));
    }

    /// <summary>
    /// For the metrics: per priority band, how many cases are in the queue and since when the longest-waiting person there has
    /// waited for a reply (null when every one of them was answered and has not written since).
    /// </summary>
    public async Task<IReadOnlyList<WaitingBand>> ReadWaitingBandsAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Row>("Cases_ReadQueueStatistics", null, cancellationToken))
            .Where(r => r.Status == "Queued")
            .Select(r => new WaitingBand(r.Priority, r.Cases, r.OldestWaitingSince))
            .ToList();

    /// <summary>The waiting cases of each language: how many, and since when the oldest waits.</summary>
    public async Task<IReadOnlyList<WaitingLanguage>> ReadWaitingLanguagesAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync<WaitingLanguage>("Cases_ReadWaitingByLanguage", null, cancellationToken)).ToList();

    /// <summary>How many cases each caseworker and supervisor holds: the supervisor's view of the load.</summary>
    public async Task<IReadOnlyList<CaseworkEndpoints.Workload>> ReadWorkloadAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync<CaseworkEndpoints.Workload>("Cases_ReadWorkload", null, cancellationToken)).ToList();

    private sealed record Row
    {
        public string Status { get; init; } = "";
        public PriorityBand Priority { get; init; }
        public long Cases { get; init; }
        public long Answered { get; init; }
        public DateTimeOffset? OldestWaitingSince { get; init; }
    }
}

public sealed record WaitingBand(PriorityBand Band, long Cases, DateTimeOffset? OldestWaitingSince);

public sealed record WaitingLanguage
{
    public string Language { get; init; } = "";

    public long Cases { get; init; }

    public DateTimeOffset OldestQueuedAt { get; init; }
}
