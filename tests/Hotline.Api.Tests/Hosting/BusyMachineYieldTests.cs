using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Api.Tests.Hosting;

/// <summary>
/// Work that can wait leaves the cores to the webhooks while they need them, but not for ever. The cores' counts are
/// made from a test clock: free and busy ticks at a given pace per second of it, as /proc/stat would show them.
/// </summary>
public sealed class BusyMachineYieldTests
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task After_a_quiet_spell_work_waits_one_look_to_see_the_cores_now_and_then_none_while_they_stay_free()
    {
        var clock = new FakeTimeProvider();
        var cores = new PacedCores(clock, _ => (Free: 150, Busy: 50));
        var yielding = new BusyMachineYield(0.5, Longest, clock, cores.Read);

        Assert.Equal(TimeSpan.FromMilliseconds(250), await RunAsync(clock, cores, yielding));
        Assert.Equal(TimeSpan.Zero, await RunAsync(clock, cores, yielding));
    }

    [Fact]
    public async Task Work_waits_while_the_cores_are_busy_and_goes_on_in_the_first_look_that_finds_them_free()
    {
        var clock = new FakeTimeProvider();
        var freeFromTwoSeconds = new PacedCores(clock, elapsed => elapsed < TimeSpan.FromSeconds(2) ? (Free: 10, Busy: 190) : (Free: 190, Busy: 10));
        var yielding = new BusyMachineYield(0.5, Longest, clock, freeFromTwoSeconds.Read);

        Assert.Equal(TimeSpan.FromSeconds(2.25), await RunAsync(clock, freeFromTwoSeconds, yielding));
    }

    [Fact]
    public async Task Under_a_load_that_does_not_end_work_goes_on_after_the_longest_wait()
    {
        var clock = new FakeTimeProvider();
        var busy = new PacedCores(clock, _ => (Free: 10, Busy: 190));
        var yielding = new BusyMachineYield(0.5, Longest, clock, busy.Read);

        Assert.Equal(Longest, await RunAsync(clock, busy, yielding));
    }

    [Fact]
    public async Task Work_never_waits_with_a_wanted_share_of_none_or_where_the_cores_cannot_be_read()
    {
        var clock = new FakeTimeProvider();

        Assert.Equal(TimeSpan.Zero, await new BusyMachineYield(0, Longest, clock, () => throw new InvalidOperationException("not read")).WaitWhileBusyAsync(Ct));
        Assert.Equal(TimeSpan.Zero, await new BusyMachineYield(0.5, Longest, clock, () => null).WaitWhileBusyAsync(Ct));
    }

    /// <summary>Runs one wait, moving the test clock on a look at a time, each once the wait has read the counts and so is waiting for it.</summary>
    private static async Task<TimeSpan> RunAsync(FakeTimeProvider clock, PacedCores cores, BusyMachineYield yielding)
    {
        var reads = cores.Reads;
        var waiting = yielding.WaitWhileBusyAsync(Ct);
        while (!waiting.IsCompleted)
        {
            var deadline = Stopwatch.GetTimestamp();
            while (cores.Reads == reads && !waiting.IsCompleted && Stopwatch.GetElapsedTime(deadline) < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(5, Ct);
            }

            // The wait registers its next look just after the read: a moment for it, then the look passes.
            reads = cores.Reads;
            await Task.Delay(20, Ct);
            clock.Advance(BusyMachineYield.Look);
        }

        return await waiting;
    }

    /// <summary>Counts that grow by the pace's ticks a second of the test clock (the pace may change with the time elapsed).</summary>
    private sealed class PacedCores(FakeTimeProvider clock, Func<TimeSpan, (int Free, int Busy)> pace)
    {
        private readonly DateTimeOffset _start = clock.GetUtcNow();
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public CoreTimes? Read()
        {
            Interlocked.Increment(ref _reads);
            var (free, busy) = (0.0, 0.0);
            var step = TimeSpan.FromMilliseconds(10);
            for (var at = TimeSpan.Zero; at < clock.GetUtcNow() - _start; at += step)
            {
                var (freePerSecond, busyPerSecond) = pace(at);
                free += freePerSecond * step.TotalSeconds;
                busy += busyPerSecond * step.TotalSeconds;
            }

            return new CoreTimes(1_000_000 + (long)Math.Round(free), 1_000_000 + (long)Math.Round(busy));
        }
    }
}
