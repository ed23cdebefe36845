using System.Data.Common;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Cases;

/// <summary>
/// Returns cases whose caseworker vanished (closed laptop, lost connection) to the queue. Claims also
/// requeue expired leases, so this job only makes the return visible sooner to everyone watching.
/// </summary>
public sealed class LeaseExpiryService(CaseQueue queue, IOptions<QueueOptions> options, TimeProvider time, ILogger<LeaseExpiryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var requeued = await queue.RequeueExpiredLeasesAsync(stoppingToken);
                if (requeued > 0)
                {
                    logger.LogInformation("Returned {Count} case(s) with expired leases to the queue.", requeued);
                }
            }
            catch (DbException ex)
            {
                logger.LogWarning(ex, "Could not return expired leases to the queue; will try again.");
            }
        }
    }
}
