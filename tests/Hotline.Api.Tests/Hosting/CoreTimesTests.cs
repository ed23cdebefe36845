namespace Hotline.Api.Tests.Hosting;

/// <summary>The machine's cores' time as Linux counts it in /proc/stat, split into free for the webhooks and not.</summary>
public sealed class CoreTimesTests
{
    [Fact]
    public void Idle_waiting_for_a_disk_and_lowered_work_are_free_and_the_rest_is_busy()
    {
        // user 4705, nice 356, system 584, idle 3699, iowait 23, irq 0, softirq 35, steal 12, guest and guest_nice 0.
        var times = CoreTimes.Parse("cpu  4705 356 584 3699 23 0 35 12 0 0");

        Assert.Equal(new CoreTimes(Free: 4078, Busy: 5336), times);
    }

    [Fact]
    public void The_free_share_between_two_readings_is_the_free_ticks_of_all_ticks_that_passed()
    {
        var earlier = new CoreTimes(Free: 4078, Busy: 5336);

        Assert.Equal(0.25, new CoreTimes(Free: 4178, Busy: 5636).FreeShareSince(earlier));
        Assert.Equal(1.0, new CoreTimes(Free: 4178, Busy: 5336).FreeShareSince(earlier));
        Assert.Equal(0.0, new CoreTimes(Free: 4078, Busy: 5436).FreeShareSince(earlier));
    }

    [Fact]
    public void No_share_is_known_when_no_tick_passed()
    {
        var reading = new CoreTimes(Free: 4078, Busy: 5336);

        Assert.Null(reading.FreeShareSince(reading));
    }

    [Fact]
    public void Any_ticks_that_pass_give_a_share_between_none_and_all()
    {
        Gen.Select(Gen.Long[0, 1L << 40], Gen.Long[0, 1L << 40], Gen.Long[0, 1L << 30], Gen.Long[0, 1L << 30])
            .Where((_, _, free, busy) => free + busy > 0)
            .Sample((startFree, startBusy, free, busy) =>
                Assert.Equal((double)free / (free + busy),
                    new CoreTimes(startFree + free, startBusy + busy).FreeShareSince(new CoreTimes(startFree, startBusy))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cpu0 4705 356 584 3699 23 0 35 12 0 0")]
    [InlineData("intr 4705 356 584 3699 23 0 35 12 0 0")]
    [InlineData("cpu  4705 356 584 3699")]
    [InlineData("cpu  4705 356 x 3699 23 0 35 12 0 0")]
    [InlineData("cpu  4705 -356 584 3699 23 0 35 12 0 0")]
    public void A_first_line_that_is_not_the_cores_total_is_not_read(string? line)
    {
        Assert.Null(CoreTimes.Parse(line));
    }

    [Fact]
    public void Where_the_kernel_keeps_no_counts_nothing_is_read()
    {
        Assert.Null(CoreTimes.Read(Path.Combine(Path.GetTempPath(), $"no-proc-stat-{Guid.NewGuid():N}")));
    }

    [Fact]
    public void Work_on_a_core_shows_in_the_kernels_busy_count()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Linux keeps the counts in /proc/stat.");

        // The busy columns only: the kernel's iowait may go down (proc(5)), and with it the free count. 50 ms of this
        // thread's own CPU time is five ticks of user time at Linux's 100 a second.
        var earlier = CoreTimes.Read();
        CpuWork.SpinFor(TimeSpan.FromMilliseconds(50));
        var later = CoreTimes.Read();

        Assert.NotNull(earlier);
        Assert.NotNull(later);
        Assert.True(later.Value.Busy > earlier.Value.Busy, $"busy ticks {earlier.Value.Busy} before the work, {later.Value.Busy} after");
    }
}
