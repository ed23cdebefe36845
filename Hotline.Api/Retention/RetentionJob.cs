using Hotline.Api.Accountability;
using Hotline.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Retention;

/// <summary>Runs the retention sweep on its interval.</summary>
public sealed class RetentionJob(RetentionSweep sweep, AuditTrail audit, IOptions<RetentionOptions> options, TimeProvider time,
    ILogger<RetentionJob> logger, Health.LoopWatch loops)
    : PeriodicJob(time, logger, loops)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes);

    protected override string PassName => "The retention sweep";

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var swept = await sweep.SweepAsync(cancellationToken);
        if (swept.ChatActivities + swept.EarlyDeliveryStatuses > 0)
        {
            Logger.LogInformation("Retention: deleted {ChatActivities} chat activity record(s) and {EarlyStatuses} unmatched delivery status(es).",
                swept.ChatActivities, swept.EarlyDeliveryStatuses);
        }

        await audit.RecordAsync(AuditEntry.ByActor(AuditActors.System, AuditActions.RetentionSwept, null), cancellationToken);
    }
}
