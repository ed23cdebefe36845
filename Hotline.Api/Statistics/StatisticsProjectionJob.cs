namespace Hotline.Api.Statistics;

/// <summary>
/// Counts new case events in the background on every instance; the checkpoint lets only one count each
/// batch. The statistics endpoint also catches up before it reads, so this loop only keeps that cheap.
/// </summary>
public sealed class StatisticsProjectionJob(StatisticsProjection projection, TimeProvider time, ILogger<StatisticsProjectionJob> logger,
    Health.LoopWatch loops)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var guard = new GuardedPass("Bringing statistics up to date", logger, time, loops);
        while (!stoppingToken.IsCancellationRequested)
        {
            await guard.RunAsync(token => projection.CatchUpAsync(int.MaxValue, token), stoppingToken);
            await Task.Delay(Poll, stoppingToken);
        }
    }
}
