namespace Hotline.Api.Hosting;

/// <summary>
/// A thread's share of one core, kept by resting after each piece of work: work that took <c>c</c> of the thread's own
/// CPU time (<see cref="ThreadCpuTime"/>) is followed by <c>c × (1 − share) / share</c> of rest, so that work and rest
/// together never use more than the share, however busy or idle the machine is. Time spent waiting for a core counts
/// as neither, so under load the thread uses less.
/// </summary>
public sealed record CoreShare
{
    /// <summary>No rest: the thread may use all of a core.</summary>
    public static readonly CoreShare Whole = new(1);

    public CoreShare(double share)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1);
        Share = share;
    }

    /// <summary>The fraction of one core, above 0 and at most 1.</summary>
    public double Share { get; }

    /// <summary>The rest after work that took <paramref name="cpu"/> of the thread's CPU time.</summary>
    public TimeSpan RestAfter(TimeSpan cpu) => cpu * ((1 - Share) / Share);

    /// <summary>Runs <paramref name="work"/>, then rests on the calling thread as long as its CPU time asks, or until <paramref name="stopResting"/>.</summary>
    public void RunThenRest(Action work, CancellationToken stopResting = default)
    {
        if (Share >= 1)
        {
            work();
            return;
        }

        var rest = RestAfter(ThreadCpuTime.Measure(work));
        if (rest > TimeSpan.Zero)
        {
            stopResting.WaitHandle.WaitOne(rest);
        }
    }
}
