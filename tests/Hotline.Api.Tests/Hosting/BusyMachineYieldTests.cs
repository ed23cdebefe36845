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
    public async Task On_free_cores_work_waits_one_look_to_see_them_each_time()
    {
        var clock = new FakeTimeProvider();
        var cores = new PacedCores(clock, _ => (Free: 150, Busy: 50));
        var yielding = new BusyMachineYield(0.5, Longest, clock, cores.Read);

        Assert.Equal((true, TimeSpan.FromMilliseconds(250)), await RunAsync(clock, cores, yielding));
        Assert.Equal((true, TimeSpan.FromMilliseconds(250)), await RunAsync(clock, cores, yielding));
    }

    [Fact]
    public async Task Work_waits_while_the_cores_are_busy_and_goes_on_in_the_first_look_that_finds_them_free()
    {
        var clock = new FakeTimeProvider();
        var freeFromTwoSeconds = new PacedCores(clock, elapsed => elapsed < TimeSpan.FromSeconds(2) ? (Free: 10, Busy: 190) : (Free: 190, Busy: 10));
        var yielding = new BusyMachineYield(0.5, Longest, clock, freeFromTwoSeconds.Read);

        Assert.Equal((true, TimeSpan.FromSeconds(2.25)), await RunAsync(clock, freeFromTwoSeconds, yielding));
    }

    [Fact]
    public async Task Under_a_load_that_does_not_end_work_goes_on_after_the_longest_wait_and_says_the_cores_were_busy()
    {
        var clock = new FakeTimeProvider();
        var busy = new PacedCores(clock, _ => (Free: 10, Busy: 190));
        var yielding = new BusyMachineYield(0.5, Longest, clock, busy.Read);

        Assert.Equal((false, Longest), await RunAsync(clock, busy, yielding));
        Assert.Equal((false, Longest), await RunAsync(clock, busy, yielding));
    }

    [Fact]
    public async Task Cores_whose_time_did_not_move_are_not_taken_for_free()
    {
        var clock = new FakeTimeProvider();
        var still = new PacedCores(clock, _ => (Free: 0, Busy: 0));
        var yielding = new BusyMachineYield(0.5, Longest, clock, still.Read);

        Assert.Equal((false, Longest), await RunAsync(clock, still, yielding));
    }

    [Fact]
    public async Task Work_never_waits_with_a_wanted_share_of_none_or_where_the_cores_cannot_be_read()
    {
        var clock = new FakeTimeProvider();

        Assert.True(await new BusyMachineYield(0, Longest, clock, () => throw new InvalidOperationException("not read")).WaitForFreeCoresAsync(Ct));
        Assert.True(await new BusyMachineYield(0.5, Longest, clock, () => null).WaitForFreeCoresAsync(Ct));
    }

    /// <summary>
    /// Runs one wait, moving the test clock on a look at a time, each once the wait has read the counts (it reads them, then
    /// registers its next look); gives what it answered and how long it took on the test clock.
    /// </summary>
    private static async Task<(bool CoresFree, TimeSpan Took)> RunAsync(FakeTimeProvider clock, PacedCores cores, BusyMachineYield yielding)
    {
        var started = clock.GetTimestamp();
        var reads = cores.Reads;
        var waiting = yielding.WaitForFreeCoresAsync(Ct);
        while (!waiting.IsCompleted)
        {
            await Poll.UntilAsync(() => cores.Reads != reads || waiting.IsCompleted, "the wait to read the cores' counts", TimeSpan.FromSeconds(10));
            reads = cores.Reads;
            await Task.Delay(20, Ct);
            clock.Advance(BusyMachineYield.Look);
        }

        return (await waiting, clock.GetElapsedTime(started));
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
