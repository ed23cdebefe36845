namespace Hotline.Api.Hosting;

/// <summary>
/// The machine's cores' time since boot as Linux counts it in the first line of <c>/proc/stat</c>, in clock ticks, split
/// into what was free for the webhooks (idle, waiting for a disk, or running lowered work that gives way to anything: the
/// <c>nice</c> column) and what was not (user, system, interrupts, and time the hypervisor stole).
/// </summary>
public readonly record struct CoreTimes(long Free, long Busy)
{
    /// <summary>Where Linux keeps the counts.</summary>
    public const string ProcStat = "/proc/stat";

    /// <summary>The share of the cores' time that was free between <paramref name="earlier"/> and this reading; null when no tick passed.</summary>
    public double? FreeShareSince(CoreTimes earlier)
    {
        var free = Free - earlier.Free;
        var all = free + Busy - earlier.Busy;
        return all > 0 ? (double)free / all : null;
    }

    /// <summary>The counts now; null where the file does not exist (a system other than Linux) or its first line is not the cores' total.</summary>
    public static CoreTimes? Read(string path = ProcStat)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new StreamReader(path);
        return Parse(reader.ReadLine());
    }

    /// <summary>"cpu  user nice system idle iowait irq softirq steal guest guest_nice" (guest time is already within user).</summary>
    public static CoreTimes? Parse(string? line)
    {
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is not ["cpu", ..] || fields.Length < 9)
        {
            return null;
        }

        var ticks = new long[8];
        for (var column = 0; column < ticks.Length; column++)
        {
            if (!long.TryParse(fields[column + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ticks[column]))
            {
                return null;
            }
        }

        var (user, nice, system, idle, iowait, irq, softirq, steal) = (ticks[0], ticks[1], ticks[2], ticks[3], ticks[4], ticks[5], ticks[6], ticks[7]);
        return new CoreTimes(idle + iowait + nice, user + system + irq + softirq + steal);
    }
}
