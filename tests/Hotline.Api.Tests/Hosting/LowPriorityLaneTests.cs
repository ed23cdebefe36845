using System.Globalization;

namespace Hotline.Api.Tests.Hosting;

public sealed class LowPriorityLaneTests
{
    [Fact]
    public async Task On_linux_the_lane_reports_its_priority_lowered_and_its_work_runs_at_nice_19()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "A thread's nice value is read from /proc on Linux only.");
        using var lane = new LowPriorityLane("test-work", threads: 2);

        var nice = await lane.RunAsync(OwnNice, Ct);

        Assert.Equal(new LanePriority(true, "nice 19 (setpriority on each thread)"), lane.Priority);
        Assert.Equal(19, nice);
    }

    [Fact]
    public async Task The_caller_continues_on_its_own_threads_not_on_a_lane_thread()
    {
        using var lane = new LowPriorityLane("test-work", threads: 1);

        var laneThread = await lane.RunAsync(() => Environment.CurrentManagedThreadId, Ct);

        Assert.NotEqual(laneThread, Environment.CurrentManagedThreadId);
        Assert.DoesNotContain("test-work", Thread.CurrentThread.Name ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_of_the_work_reaches_its_caller_and_the_lane_runs_the_next_work()
    {
        using var lane = new LowPriorityLane("test-work", threads: 1);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => lane.RunAsync<int>(() => throw new InvalidOperationException("bad input"), Ct));
        var next = await lane.RunAsync(() => 42, Ct);

        Assert.Equal("bad input", failure.Message);
        Assert.Equal(42, next);
    }

    [Fact]
    public async Task Work_whose_caller_cancelled_before_its_turn_never_runs()
    {
        using var lane = new LowPriorityLane("test-work", threads: 1);
        using var gate = new ManualResetEventSlim();
        var blocker = lane.RunAsync(() => gate.Wait(TimeSpan.FromSeconds(30), Ct), Ct);
        using var cancel = new CancellationTokenSource();
        var ran = false;

        var waiting = lane.RunAsync(() => ran = true, cancel.Token);
        await cancel.CancelAsync();
        gate.Set();
        await blocker;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await lane.RunAsync(() => true, Ct);
        Assert.False(ran);
    }

    /// <summary>The nice value of the calling thread: field 19 of /proc/thread-self/stat, counted after the command's closing parenthesis.</summary>
    private static int OwnNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
    }
}
