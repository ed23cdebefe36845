using System.Diagnostics;

namespace Hotline.Api.Tests.Hosting;

/// <summary>Work that costs a known amount of CPU, for the lanes' core shares.</summary>
internal static class CpuWork
{
    /// <summary>Keeps the calling thread busy until it has used <paramref name="cpu"/> of its own CPU time; gives when it ended.</summary>
    public static long SpinFor(TimeSpan cpu)
    {
        var used = TimeSpan.Zero;
        while (used < cpu)
        {
            used += ThreadCpuTime.Measure(() => Thread.SpinWait(10_000));
        }

        return Stopwatch.GetTimestamp();
    }
}
