using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hotline.Api.Hosting;

/// <summary>
/// The CPU time the calling thread itself has used (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), so that work
/// can be charged what it cost rather than how long it waited for a core. Where the thread's own clock is not read, the
/// elapsed time stands in: never less than the CPU time, so a budget kept with it is kept all the more.
/// </summary>
public static class ThreadCpuTime
{
    private const int ThreadCpuClock = 3;

    /// <summary>Runs <paramref name="work"/> and gives the CPU time it took on the calling thread.</summary>
    public static TimeSpan Measure(Action work)
    {
        var started = Stopwatch.GetTimestamp();
        var before = Now();
        work();
        return Now() - before is { } cpu ? cpu : Stopwatch.GetElapsedTime(started);
    }

    private static TimeSpan? Now()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ThreadCpuClock, out var time) != 0)
        {
            return null;
        }

        return TimeSpan.FromSeconds(time.Seconds) + TimeSpan.FromTicks(time.Nanoseconds / 100);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
