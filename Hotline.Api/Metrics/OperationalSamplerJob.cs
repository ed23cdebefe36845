using System.Diagnostics.Metrics;
using Hotline.Api.Casework;
using Hotline.Api.Health;
using Hotline.Api.Media;
using Hotline.Api.Quarantine;

namespace Hotline.Api.Metrics;

/// <summary>Reads the queue, the outbox backlog and the media backlog for the gauges, at start and then every few seconds.</summary>
public sealed class OperationalSamplerJob(
    Database database,
    OutboxRepository outbox,
    MediaItemRepository media,
    QueueStatisticsReader queue,
    UntakenCriticalCases untakenCritical,
    QuarantineStore quarantine,
    CaseListeners listeners,
    OperationalSnapshot snapshot,
    IOptions<MetricsOptions> options,
    LoopWatch loops,
    TimeProvider time,
    ILogger<OperationalSamplerJob> logger) : PeriodicJob(time, logger, loops)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.SampleSeconds);

    protected override string PassName => "Reading the queue and outbox for the metrics";

    protected override bool RunsAtStart => true;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        var now = await session.DatabaseNowAsync(cancellationToken);
        var backlog = await outbox.ReadBacklogAsync(session, cancellationToken);
        var mediaBacklog = await media.ReadBacklogAsync(session, cancellationToken);
        var waits = await queue.ReadWaitsAsync(session, cancellationToken);
        var untakenCriticalSince = await untakenCritical.ReadOldestUntakenSinceAsync(session, cancellationToken);
        var bands = waits.Bands.ToDictionary(b => b.Band);
        var quarantined = (await quarantine.CountBySourceAsync(session, cancellationToken)).ToDictionary(c => c.Source, c => c.Count);

        // Every band is reported, an empty one as 0, so an alert on a band never goes silent for lack of a series.
        var depth = new List<Measurement<long>>();
        var cannotBeWrittenTo = new List<Measurement<long>>();
        var oldest = new List<Measurement<double>>();
        foreach (var band in Enum.GetValues<PriorityBand>())
        {
            var tag = new KeyValuePair<string, object?>("band", band.ToString());
            var waiting = bands.GetValueOrDefault(band);
            depth.Add(new Measurement<long>(waiting?.Cases ?? 0, tag));
            cannotBeWrittenTo.Add(new Measurement<long>(waiting?.CannotBeWrittenTo ?? 0, tag));
            // A case answered before and back in the queue with nothing new from the person waits for nobody, nor does a person
            // who went quiet or opted out: nobody can write to them until they write again.
            oldest.Add(new Measurement<double>(waiting?.OldestWaitingSince is { } since ? SecondsSince(since, now) : 0, tag));
        }

        snapshot.Update(new OperationalSnapshot.Sample(
            backlog.Messages,
            backlog.OldestCreatedAt is { } created ? SecondsSince(created, now) : 0,
            depth,
            cannotBeWrittenTo,
            untakenCriticalSince is { } untaken ? SecondsSince(untaken, now) : 0,
            oldest,
            // Every source is reported, an empty one as 0, so the alert's series exists before the first bad row.
            QuarantineSources.All.Select(source => new Measurement<long>(quarantined.GetValueOrDefault(source),
                new KeyValuePair<string, object?>("source", source))).ToList(),
            // By language, only the people waiting for a reply, as the band's wait and the console's figures count them.
            waits.Languages.Select(l => new Measurement<long>(l.Cases, new KeyValuePair<string, object?>("language", l.Language))).ToList(),
            waits.Languages.Select(l => new Measurement<double>(SecondsSince(l.OldestWaitingSince, now),
                new KeyValuePair<string, object?>("language", l.Language))).ToList(),
            listeners.ConnectionCount,
            mediaBacklog.Items,
            mediaBacklog.OldestCreatedAt is { } arrived ? SecondsSince(arrived, now) : 0));
    }

    private static double SecondsSince(DateTimeOffset then, DateTimeOffset now) => Math.Max(0, (now - then).TotalSeconds);
}
