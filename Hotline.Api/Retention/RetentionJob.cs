namespace Hotline.Api.Retention;

/// <summary>Runs the retention sweep on its interval; each pass writes one audit row with what it removed (counts only).</summary>
public sealed class RetentionJob(RetentionSweep sweep, AuditTrail audit, IOptions<RetentionOptions> options, TimeProvider time,
    ILogger<RetentionJob> logger, Health.LoopWatch loops)
    : PeriodicJob(time, logger, loops)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes);

    protected override string PassName => "The retention sweep";

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var swept = await sweep.SweepAsync(cancellationToken);
        Logger.LogInformation("Retention: {Swept}.", swept.Describe());
        await audit.RecordAsync(AuditEntry.ByActor(AuditActors.System, AuditActions.RetentionSwept, swept.Describe()), cancellationToken);
    }
}
