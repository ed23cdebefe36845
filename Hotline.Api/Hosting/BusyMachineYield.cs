namespace Hotline.Api.Hosting;

/// <summary>The cores' counts now (<see cref="CoreTimes.Read"/> on Linux); null where they cannot be read.</summary>
public delegate CoreTimes? ReadCoreTimes();

/// <summary>
/// Lets work that can wait leave the cores to the webhooks while they need them: it looks at the cores' counts
/// (<see cref="CoreTimes"/>) every <see cref="Look"/> and goes on once at least <paramref name="freeShareWanted"/> of their
/// time since the look before was free, or once <paramref name="longestWait"/> has passed, so that a backlog still moves
/// under a load that does not end. A lowered nice value and a share of one core keep such work from taking what the
/// webhooks ask for; this keeps it from taking the little they leave when they leave little, where each of its turns on
/// a core costs a waking webhook its wake-up and its cache. Where the counts cannot be read (outside Linux) it never
/// waits; nor with a share of 0.
/// </summary>
public sealed class BusyMachineYield(double freeShareWanted, TimeSpan longestWait, TimeProvider time, ReadCoreTimes readCores)
{
    /// <summary>How often it looks: each look judges the cores' time since the one before.</summary>
    public static readonly TimeSpan Look = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Waits at least one look for free cores, at most the longest wait (rounded up to a look); false when it went on
    /// because the longest wait had passed, the cores still busy.
    /// </summary>
    public async Task<bool> WaitForFreeCoresAsync(CancellationToken cancellationToken)
    {
        if (freeShareWanted <= 0 || readCores() is not { } earlier)
        {
            return true;
        }

        var started = time.GetTimestamp();
        while (true)
        {
            await Task.Delay(Look, time, cancellationToken);
            if (readCores() is not { } now || now.FreeShareSince(earlier) >= freeShareWanted)
            {
                return true;
            }

            if (time.GetElapsedTime(started) >= longestWait)
            {
                return false;
            }

            earlier = now;
        }
    }
}
