using Hotline.Api.Health;

namespace Hotline.Api.Hosting;

/// <summary>
/// A job that runs a pass on a fixed interval for as long as the host runs. A pass that fails is logged
/// and paused after by <see cref="GuardedPass"/>, and the job goes on at the next tick: a job never stops
/// the host.
/// </summary>
public abstract class PeriodicJob(TimeProvider time, ILogger logger, LoopWatch? loops = null) : BackgroundService
{
    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>What a pass does, for the log: "the retention sweep".</summary>
    protected abstract string PassName { get; }

    /// <summary>Whether the job runs at all; off, it does nothing.</summary>
    protected virtual bool Enabled => true;

    /// <summary>Whether a pass also runs at start, not only after the first interval.</summary>
    protected virtual bool RunsAtStart => false;

    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        var guard = new GuardedPass(PassName, logger, time, loops);
        using var timer = new PeriodicTimer(Interval, time);
        if (RunsAtStart)
        {
            await guard.RunAsync(RunPassAsync, stoppingToken);
        }

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await guard.RunAsync(RunPassAsync, stoppingToken);
        }
    }
}
