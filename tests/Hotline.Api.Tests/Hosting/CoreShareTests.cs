using System.Diagnostics;

namespace Hotline.Api.Tests.Hosting;

public sealed class CoreShareTests
{
    [Fact]
    public void A_fifth_of_one_core_rests_four_times_the_cpu_time_of_the_work()
    {
        var fifth = new CoreShare(0.2);

        Assert.Equal(TimeSpan.FromMilliseconds(400), fifth.RestAfter(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void The_whole_core_never_rests()
    {
        Assert.Equal(TimeSpan.Zero, CoreShare.Whole.RestAfter(TimeSpan.FromMilliseconds(100)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    public void A_share_of_no_core_or_of_more_than_one_is_refused(double share)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoreShare(share));
    }

    [Fact]
    public void A_thread_that_sleeps_is_charged_almost_none_of_its_time()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The thread's own CPU clock is read on Linux; elsewhere the elapsed time stands in.");

        var cpu = ThreadCpuTime.Measure(() => Thread.Sleep(300));

        Assert.InRange(cpu, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task A_lane_given_a_fifth_of_one_core_starts_its_next_work_no_sooner_than_four_times_the_cpu_time_of_the_last()
    {
        using var lane = new LowPriorityLane("test-work", threads: 1, coreShare: 0.2);

        var firstEnded = await lane.RunAsync(() => CpuWork.SpinFor(TimeSpan.FromMilliseconds(40)), Ct);
        var secondStarted = await lane.RunAsync(Stopwatch.GetTimestamp, Ct);

        Assert.True(Stopwatch.GetElapsedTime(firstEnded, secondStarted) >= TimeSpan.FromMilliseconds(160));
    }

    [Fact]
    public async Task A_lane_that_is_disposed_ends_without_waiting_out_its_rest()
    {
        var lane = new LowPriorityLane("test-work", threads: 1, coreShare: 0.01);
        await lane.RunAsync(() => CpuWork.SpinFor(TimeSpan.FromMilliseconds(30)), Ct); // then a rest of 99 times that: about 3 s

        var disposing = Stopwatch.StartNew();
        lane.Dispose();

        Assert.True(disposing.Elapsed < TimeSpan.FromSeconds(1), $"Dispose took {disposing.Elapsed.TotalMilliseconds:F0} ms");
    }
}
