namespace Hotline.Api.CaseStore;

/// <summary>
/// Returns cases whose caseworker vanished (closed laptop, lost connection) to the queue. Claims also
/// requeue expired leases, so this job only makes the return visible sooner to everyone watching.
/// </summary>
public sealed class LeaseExpiryJob(CaseQueue queue, IOptions<QueueOptions> options, TimeProvider time, ILogger<LeaseExpiryJob> logger, Health.LoopWatch loops)
    : PeriodicJob(time, logger, loops)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds);

    protected override string PassName => "Returning expired leases to the queue";

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var requeued = await queue.RequeueExpiredLeasesAsync(cancellationToken);
        if (requeued > 0)
        {
            Logger.LogInformation("Returned {Count} case(s) with expired leases to the queue.", requeued);
        }
    }
}
