namespace Hotline.Api.Media;

/// <summary>
/// The threads that do a media item's CPU work (decode, hash, strip, re-encode): Hotline:Media:ConcurrentItems of them,
/// each dedicated and running at the nice value Hotline:Media:WorkerNice, so that photos get the cores only when the
/// webhooks leave them idle. Photos that arrive faster than that wait as pending items in the database, under
/// their leases, not in memory.
/// </summary>
/// <remarks>
/// On Linux a thread inherits the nice value of the thread that creates it, and the thread pool creates a worker from
/// whichever thread queues work when it has none free. So nothing here ever queues to the pool from a lowered
/// thread: a worker hands its result to one hand-back thread at normal priority, which completes the caller's task
/// (its continuation then runs on the pool, at normal priority, like the rest of the job).
/// </remarks>
public sealed class MediaWorkers(IOptions<MediaOptions> options, ILogger<MediaWorkers> logger) : IDisposable
{
    /// <summary>The prefix of each worker thread's name, which Linux shows in /proc/self/task/*/comm.</summary>
    public const string ThreadName = "media-worker-";

    private readonly BlockingCollection<Action> _work = new();
    private readonly BlockingCollection<Action> _handBack = new();
    private readonly Lock _starting = new();
    private bool _started;
    private int _workersRunning;

    /// <summary>Runs <paramref name="work"/> on a worker; its result or exception, once done.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureStarted();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            // Not a catch-all: the exception reaches the awaiting job, as if the work had run there.
            try
            {
                var result = work();
                _handBack.Add(() => done.SetResult(result));
            }
            catch (Exception ex)
            {
                _handBack.Add(() => done.SetException(ex));
            }
        }, cancellationToken);
        return done.Task;
    }

    /// <summary>Lets the workers finish what they hold; the hand-back thread ends after the last of them.</summary>
    public void Dispose()
    {
        lock (_starting)
        {
            _work.CompleteAdding();
            if (!_started)
            {
                _handBack.CompleteAdding();
            }
        }
    }

    private void EnsureStarted()
    {
        lock (_starting)
        {
            if (_started)
            {
                return;
            }

            _started = true;
            _workersRunning = options.Value.ConcurrentItems;
            Start(HandBack, "media-handback");
            for (var number = 1; number <= options.Value.ConcurrentItems; number++)
            {
                Start(Work, ThreadName + number);
            }
        }
    }

    private static void Start(ThreadStart loop, string name) => new Thread(loop) { IsBackground = true, Name = name }.Start();

    private void Work()
    {
        if (ThreadNice.TryLowerCurrentThread(options.Value.WorkerNice) is { } reason)
        {
            logger.LogWarning("A media worker runs at normal priority ({Reason}): photos may then slow the webhooks under load.", reason);
        }

        foreach (var item in _work.GetConsumingEnumerable())
        {
            item();
        }

        if (Interlocked.Decrement(ref _workersRunning) == 0)
        {
            _handBack.CompleteAdding();
        }
    }

    private void HandBack()
    {
        foreach (var complete in _handBack.GetConsumingEnumerable())
        {
            complete();
        }
    }
}
