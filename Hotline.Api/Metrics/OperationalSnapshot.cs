using System.Diagnostics.Metrics;

namespace Hotline.Api.Metrics;

/// <summary>
/// The latest counts read from the database by <see cref="OperationalSamplerJob"/>. The gauges read these
/// values, never the database: a scrape must not queue behind the writer.
/// </summary>
public sealed class OperationalSnapshot
{
    private volatile Sample _sample = new(0, 0, [], [], 0, [], [], [], [], 0, 0, 0);

    public long OutboxPending => _sample.OutboxPending;

    public double OutboxOldestPendingSeconds => _sample.OutboxOldestPendingSeconds;

    public IEnumerable<Measurement<long>> QueueDepth => _sample.QueueDepth;

    public IEnumerable<Measurement<long>> QueueCannotBeWrittenTo => _sample.QueueCannotBeWrittenTo;

    public double QueueOldestUntakenCriticalCannotBeWrittenToSeconds => _sample.QueueOldestUntakenCriticalCannotBeWrittenToSeconds;

    public IEnumerable<Measurement<double>> QueueOldestWaiting => _sample.QueueOldestWaiting;

    public IEnumerable<Measurement<long>> QuarantinedRows => _sample.QuarantinedRows;

    public IEnumerable<Measurement<long>> QueueDepthByLanguage => _sample.QueueDepthByLanguage;

    public IEnumerable<Measurement<double>> QueueOldestWaitingByLanguage => _sample.QueueOldestWaitingByLanguage;

    public int HubConnections => _sample.HubConnections;

    public long MediaPending => _sample.MediaPending;

    public double MediaOldestPendingSeconds => _sample.MediaOldestPendingSeconds;

    /// <summary>1 when the last readiness checks passed, 0 when one failed or none has run yet.</summary>
    public int Ready { get; set; }

    public void Update(Sample sample) => _sample = sample;

    public sealed record Sample(
        long OutboxPending,
        double OutboxOldestPendingSeconds,
        IReadOnlyList<Measurement<long>> QueueDepth,
        IReadOnlyList<Measurement<long>> QueueCannotBeWrittenTo,
        double QueueOldestUntakenCriticalCannotBeWrittenToSeconds,
        IReadOnlyList<Measurement<double>> QueueOldestWaiting,
        IReadOnlyList<Measurement<long>> QuarantinedRows,
        IReadOnlyList<Measurement<long>> QueueDepthByLanguage,
        IReadOnlyList<Measurement<double>> QueueOldestWaitingByLanguage,
        int HubConnections,
        long MediaPending,
        double MediaOldestPendingSeconds);
}
