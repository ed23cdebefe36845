using System.Data.Common;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Retention;

/// <summary>Runs the retention sweep on its interval; a sweep that fails is tried again at the next one.</summary>
public sealed class RetentionService(RetentionSweep sweep, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var swept = await sweep.SweepAsync(stoppingToken);
                if (swept.ChatActivities + swept.EarlyDeliveryStatuses > 0)
                {
                    logger.LogInformation("Retention: deleted {ChatActivities} chat activity record(s) and {EarlyStatuses} unmatched delivery status(es).",
                        swept.ChatActivities, swept.EarlyDeliveryStatuses);
                }
            }
            catch (DbException ex)
            {
                logger.LogWarning(ex, "The retention sweep failed; it runs again at its next interval.");
            }
        }
    }
}
