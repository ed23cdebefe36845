namespace Hotline.Api.Hosting;

/// <summary>
/// Lets work that can wait leave the cores to the webhooks while they need them: before each piece it waits while less
/// than <paramref name="freeShareWanted"/> of all the cores' time was free (<see cref="CoreTimes"/>), looking every
/// <see cref="Look"/>, but never longer than <paramref name="longestWait"/>, so that a backlog still moves under a load that
/// does not end. A lowered nice value and a share of one core keep such work from taking what the webhooks ask for; this
/// keeps it from taking the little they leave when they leave little, where each of its turns on a core costs a waking
/// webhook its wake-up and its cache. Where the kernel's counts cannot be read (outside Linux) it never waits; nor with a
/// share of 0.
/// </summary>
/// <param name="readCores">The cores' counts now (<see cref="CoreTimes.Read"/>); null where they cannot be read.</param>
public sealed class BusyMachineYield(double freeShareWanted, TimeSpan longestWait, TimeProvider time, Func<CoreTimes?> readCores)
{
    /// <summary>How often it looks, and how much of the past a look covers when the last one is older than two of them.</summary>
    public static readonly TimeSpan Look = TimeSpan.FromMilliseconds(250);

    private readonly Lock _lastLookLock = new();
    private (CoreTimes Times, long At)? _lastLook;

    /// <summary>Returns once enough of the cores' time was free since the last look, or after the longest wait; how long it waited.</summary>
    public async Task<TimeSpan> WaitWhileBusyAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        if (freeShareWanted <= 0 || readCores() is not { } first)
        {
            return TimeSpan.Zero;
        }

        var earlier = TakeLastLook(first, started);
        var now = first;
        while (true)
        {
            if (earlier is { } before && !(now.FreeShareSince(before) < freeShareWanted))
            {
                return time.GetElapsedTime(started);
            }

            if (time.GetElapsedTime(started) >= longestWait)
            {
                return time.GetElapsedTime(started);
            }

            await Task.Delay(Look, time, cancellationToken);
            earlier = now;
            now = readCores() ?? now;
            Remember(now);
        }
    }

    /// <summary>The last look if it is recent enough to say how busy the cores are now; null when a new window must be measured.</summary>
    private CoreTimes? TakeLastLook(CoreTimes now, long at)
    {
        lock (_lastLookLock)
        {
            var last = _lastLook;
            _lastLook = (now, at);
            return last is { } look && time.GetElapsedTime(look.At, at) <= 2 * Look ? look.Times : null;
        }
    }

    private void Remember(CoreTimes now)
    {
        lock (_lastLookLock)
        {
            _lastLook = (now, time.GetTimestamp());
        }
    }
}
