using System.Data.Common;

namespace Hotline.Api.Statistics;

/// <summary>
/// Counts new case events in the background on every instance; the checkpoint lets only one count each
/// batch. The statistics endpoint also catches up before it reads, so this loop only keeps that cheap.
/// </summary>
public sealed class StatisticsProjectionService(StatisticsProjection projection, ILogger<StatisticsProjectionService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await projection.CatchUpAsync(int.MaxValue, stoppingToken);
            }
            catch (DbException ex)
            {
                logger.LogWarning("Statistics could not be brought up to date ({Error}); retrying.", ex.Message);
            }

            await Task.Delay(Poll, stoppingToken);
        }
    }
}
