using System.Data.Common;

namespace Hotline.Api.Hosting;

/// <summary>
/// A job that runs a pass on a fixed interval for as long as the host runs. A pass that fails the way a
/// pass may (the database or a provider not answering) is logged and tried again at the next tick; any
/// other failure stops the host, as a bug should.
/// </summary>
public abstract class PeriodicService(TimeProvider time, ILogger logger) : BackgroundService
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

    /// <summary>A failure the next pass may well not meet: by default, the database not answering.</summary>
    protected virtual bool IsTransient(Exception exception) => exception is DbException;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        if (RunsAtStart)
        {
            await RunGuardedAsync(stoppingToken);
        }

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunGuardedAsync(stoppingToken);
        }
    }

    private async Task RunGuardedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunPassAsync(stoppingToken);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            logger.LogWarning("{Pass} failed ({Error}); it runs again at the next interval.", PassName, ex.Message);
        }
    }
}
