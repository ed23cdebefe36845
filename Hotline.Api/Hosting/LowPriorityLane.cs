using System.Collections.Concurrent;

namespace Hotline.Api.Hosting;

/// <summary>
/// A small fixed set of dedicated threads for CPU-heavy work that can wait (password hashing, image decoding),
/// each with its scheduling priority lowered (Linux: a nice value for that thread alone, 19 unless told,
/// <see cref="ThreadNice"/>), so that the scheduler always prefers the request path: the work takes the cores nothing
/// else wants, and almost none of the CPU that incoming messages need when they need it all. Where lowering is not
/// permitted the threads run at normal priority, and <see cref="Priority"/> says which happened. The lane queues
/// without limit: each caller bounds what it hands over (and answers what is beyond it at once).
/// </summary>
/// <remarks>
/// On Linux a thread inherits the nice value of the thread that creates it, and the thread pool may create a worker
/// from whichever thread queues work when none is free. So a lowered thread never completes the caller's task
/// itself: it hands the result to one hand-back thread at normal priority, whose completion queues the caller's
/// continuation to the pool. Password checks (Auth/PasswordChecks) and photo decoding (Media/MediaWorkers) run on it.
/// Even the lowest priority takes every moment a core is idle, and the request path pays for each preemption in wake-up
/// latency and cache; a lane given a share of one core (<see cref="CoreShare"/>) rests after each piece of work so that
/// it never uses more, measured in its threads' own CPU time. The result is handed back before the rest.
/// </remarks>
public sealed class LowPriorityLane : IDisposable
{
    /// <summary>The lowest priority a Linux thread can have short of SCHED_IDLE.</summary>
    public const int LowestNice = 19;

    /// <summary>In every lowered thread's name, and in no other thread's: "{name}-low-{number}".</summary>
    public const string ThreadNameMark = "-low-";

    private readonly BlockingCollection<Action> _work = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly BlockingCollection<Action> _handBack = new();
    private readonly Thread[] _workers;
    private readonly Thread _handBackThread;

    /// <param name="name">What the lane runs, for its threads' names: "{name}-low-1"... and "{name}-handback" (Linux shows the first 15 characters in /proc/self/task/*/comm).</param>
    /// <param name="threads">How many pieces of work run at once.</param>
    /// <param name="nice">The threads' nice value (never raised above the process's own).</param>
    /// <param name="coreShare">The share of one core the lane's threads may use together, each an equal part of it; all of every thread's core unless told.</param>
    public LowPriorityLane(string name, int threads, int nice = LowestNice, double? coreShare = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var perThread = coreShare is { } share ? new CoreShare(share / threads) : CoreShare.Whole;
        var refusals = new string?[threads];
        using var started = new CountdownEvent(threads);
        _workers = Enumerable.Range(0, threads).Select(index => new Thread(() =>
        {
            refusals[index] = ThreadNice.TryLowerCurrentThread(nice);
            started.Signal();
            foreach (var work in _work.GetConsumingEnumerable())
            {
                perThread.RunThenRest(work, _stopping.Token);
            }
        })
        {
            Name = $"{name}{ThreadNameMark}{index + 1}",
            IsBackground = true,
        }).ToArray();
        _handBackThread = new Thread(() =>
        {
            foreach (var complete in _handBack.GetConsumingEnumerable())
            {
                complete();
            }
        })
        {
            Name = $"{name}-handback",
            IsBackground = true,
        };
        _handBackThread.Start();
        foreach (var worker in _workers)
        {
            worker.Start();
        }

        started.Wait();
        Priority = refusals.FirstOrDefault(refusal => refusal is not null) is { } refused
            ? new LanePriority(false, $"normal priority: {refused}")
            : new LanePriority(true, $"nice {nice} (setpriority on each thread)");
    }

    /// <summary>Whether every thread of the lane runs at the lowest priority, and how (or why not).</summary>
    public LanePriority Priority { get; }

    /// <summary>
    /// Runs <paramref name="work"/> on one of the lane's threads. The caller's continuation runs on the thread pool,
    /// never on a lane thread. Work whose caller has cancelled before its turn is skipped.
    /// </summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        _work.Add(() =>
        {
            if (done.Task.IsCompleted)
            {
                _handBack.Add(cancelled.Dispose);
                return;
            }

            // Not a catch-all: the exception reaches the awaiting caller, as if the work had run there.
            try
            {
                var result = work();
                _handBack.Add(() => Complete(cancelled, () => done.TrySetResult(result)));
            }
            catch (Exception ex)
            {
                _handBack.Add(() => Complete(cancelled, () => done.TrySetException(ex)));
            }
        });
        return done.Task;
    }

    /// <summary>
    /// Takes no more work; what was handed over still runs, without the rests between (the share is kept for the
    /// request path of a host that goes on, and a host that stops should not wait out a rest), then the threads end.
    /// </summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        _stopping.Cancel();
        foreach (var worker in _workers)
        {
            worker.Join();
        }

        _handBack.CompleteAdding();
        _handBackThread.Join();
        _work.Dispose();
        _handBack.Dispose();
        _stopping.Dispose();
    }

    private static void Complete(CancellationTokenRegistration cancelled, Func<bool> complete)
    {
        cancelled.Dispose();
        complete();
    }
}

/// <summary>Whether a <see cref="LowPriorityLane"/>'s threads run below the request path, and how it was done or why not.</summary>
public sealed record LanePriority(bool Lowered, string How);
