using Hotline.Api.Tests.Hosting;
using Hotline.Api.Tracing;
using Microsoft.Extensions.Hosting.Internal;

namespace Hotline.Api.Tests.Media;

/// <summary>
/// Photos never take the cores the webhooks need: the media job works on at most Hotline:Media:ConcurrentItems items
/// at once, and decodes them on threads whose Linux nice value is lowered, while every other thread keeps its own.
/// Read from the kernel's view of each thread (/proc/self/task), not from what the product believes it set, and relative to
/// the nice value the test run started with (a run started with nice 19 can see no thread lowered further).
/// </summary>
public sealed class MediaWorkerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task No_more_items_are_worked_on_at_once_than_configured(int concurrentItems)
    {
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Hotline:Media:ConcurrentItems"] = concurrentItems.ToString(CultureInfo.InvariantCulture),
        });
        for (var photo = 0; photo < 5; photo++)
        {
            await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg", new FakeTwilioServer.MediaServing.Hang(TimeSpan.FromMilliseconds(300)));
        }

        Assert.Equal(5, await harness.App.FetchMediaAsync());

        Assert.Equal(concurrentItems, harness.Twilio.MostMediaRequestsAtOnce);
        Assert.Equal("5", await harness.ScalarAsync("SELECT COUNT(*) FROM MediaItems WHERE Status = 'Kept'"));
    }

    [Theory]
    [InlineData(19)]
    [InlineData(10)]
    public async Task A_photo_is_decoded_on_a_thread_at_the_configured_nice_value(int nice)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(settings: new Dictionary<string, string?>
        {
            ["Hotline:Media:WorkerNice"] = nice.ToString(CultureInfo.InvariantCulture),
        });

        var seen = await hotline.Get<MediaWorkers>().RunAsync(KernelThread.NiceOfCurrent, Ct);

        // A process started at a lower priority than configured keeps it: a worker is never raised above the webhooks.
        Assert.Equal(Math.Max(nice, KernelThread.NiceOfProcess()), seen);
    }

    [Fact]
    public async Task A_media_lane_given_a_fifth_of_one_core_starts_its_next_item_no_sooner_than_four_times_the_cpu_time_of_the_last()
    {
        await using var hotline = await HotlineApp.StartPartsAsync(settings: new Dictionary<string, string?>
        {
            ["Hotline:Media:WorkerCoreShare"] = "0.2",
        });
        var workers = hotline.Get<MediaWorkers>();

        var firstEnded = await workers.RunAsync(() => CpuWork.SpinFor(TimeSpan.FromMilliseconds(40)), Ct);
        var secondStarted = await workers.RunAsync(Stopwatch.GetTimestamp, Ct);

        Assert.True(Stopwatch.GetElapsedTime(firstEnded, secondStarted) >= TimeSpan.FromMilliseconds(160));
    }

    [Fact]
    public async Task On_free_cores_a_claimed_photo_waits_one_look_and_is_kept()
    {
        var (reads, kept) = await FetchOnePhotoAsync(coresFree: true);

        Assert.Equal(2, reads.Count);
        // One look is 250 ms; the timer may fire a millisecond before the stopwatch says so (249.2 ms in a full run).
        Assert.InRange(Stopwatch.GetElapsedTime(reads[0], reads[1]), TimeSpan.FromMilliseconds(240), TimeSpan.FromSeconds(2));
        Assert.Equal("1", kept);
    }

    [Fact]
    public async Task On_busy_cores_a_claimed_photo_waits_the_longest_yield_and_is_then_kept()
    {
        var (reads, kept) = await FetchOnePhotoAsync(coresFree: false);

        Assert.InRange(Stopwatch.GetElapsedTime(reads[0], reads[^1]), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4.5));
        Assert.Equal("1", kept);
    }

    /// <summary>
    /// One photo through the media job on cores whose counts, as /proc/stat would give them, show them all idle or all
    /// busy; when the job read them (its wait), and how many photos were kept.
    /// </summary>
    private static async Task<(List<long> Reads, string? Kept)> FetchOnePhotoAsync(bool coresFree)
    {
        var reads = new List<long>();
        ReadCoreTimes cores = () =>
        {
            var now = Stopwatch.GetTimestamp();
            lock (reads)
            {
                reads.Add(now);
            }

            var ticks = Stopwatch.GetElapsedTime(reads[0], now).Ticks;
            return coresFree ? new CoreTimes(Free: ticks, Busy: 0) : new CoreTimes(Free: 0, Busy: ticks);
        };
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Hotline:Media:YieldWhileCoresFreeBelow"] = "0.5",
            ["Hotline:Media:LongestYieldSeconds"] = "3",
        }, services: s => s.AddSingleton(cores));
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg");

        Assert.Equal(1, await harness.App.FetchMediaAsync());

        return (reads, await harness.ScalarAsync("SELECT COUNT(*) FROM MediaItems WHERE Status = 'Kept'"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    public void A_share_of_one_core_for_the_media_workers_of_none_or_more_than_the_core_is_refused_at_start(double share)
    {
        var result = new MediaOptionsValidator(new HostingEnvironment { EnvironmentName = "Production" }).Validate(null, new MediaOptions { WorkerCoreShare = share });

        Assert.Equal("Hotline:Media:WorkerCoreShare must be between 0.01 and 1.", result.FailureMessage);
    }

    [Theory]
    [InlineData(-0.1, 10, "Hotline:Media:YieldWhileCoresFreeBelow must be at least 0 and below 1.")]
    [InlineData(1, 10, "Hotline:Media:YieldWhileCoresFreeBelow must be at least 0 and below 1.")]
    [InlineData(0.5, 0, "Hotline:Media:LongestYieldSeconds must be between 1 and 600.")]
    [InlineData(0.5, 60, "Hotline:Media:LeaseSeconds must be more than LongestYieldSeconds and two requests of RequestTimeoutSeconds (the download, the deletion): the wait for free cores must leave a claimed item's lease the time its requests may take.")]
    public void A_wait_for_free_cores_that_could_never_end_or_outlast_the_claim_is_refused_at_start(double freeBelow, int longestSeconds, string refusal)
    {
        var result = new MediaOptionsValidator(new HostingEnvironment { EnvironmentName = "Production" }).Validate(null, new MediaOptions { YieldWhileCoresFreeBelow = freeBelow, LongestYieldSeconds = longestSeconds });

        Assert.Equal(refusal, result.FailureMessage);
    }

    [Fact]
    public async Task The_job_goes_on_at_normal_priority_after_a_photo_is_decoded()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();

        await hotline.Get<MediaWorkers>().RunAsync(() => 0, Ct);

        Assert.Equal(KernelThread.NiceOfProcess(), KernelThread.NiceOfCurrent());
    }

    [Fact]
    public async Task Only_lane_threads_run_at_lowered_priority_even_when_the_pool_grows_while_photos_decode()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        var workers = hotline.Get<MediaWorkers>();
        using var release = new ManualResetEventSlim();
        // Pool threads kept busy while photos complete, so the pool must add threads: none may start at a worker's priority.
        var blockers = Enumerable.Range(0, Environment.ProcessorCount * 4).Select(_ => Task.Run(() => release.Wait(TimeSpan.FromSeconds(5)), Ct)).ToList();

        var decoded = await Task.WhenAll(Enumerable.Range(0, 200).Select(n => workers.RunAsync(() => n, Ct)));
        var lowered = KernelThread.All().Where(t => t.Nice != KernelThread.NiceOfProcess()).ToList();
        release.Set();
        await Task.WhenAll(blockers);

        Assert.Equal(200, decoded.Length);
        // Other tests' hosts run beside this one, with lanes of their own (password checks): every lowered thread is a lane's.
        Assert.All(lowered, thread => Assert.Contains(LowPriorityLane.ThreadNameMark, thread.Name));
    }

    [Fact]
    public async Task Every_step_of_a_photo_that_costs_the_cpu_runs_on_a_media_lane_thread()
    {
        var steps = new ConcurrentQueue<(string Step, string? Thread)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HotlineActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity =>
            {
                if (HotlineActivities.MediaSteps.Contains(activity.OperationName))
                {
                    steps.Enqueue((activity.OperationName, Thread.CurrentThread.Name));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var harness = await TwilioHarness.StartAsync();
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg");

        Assert.Equal(1, await harness.App.FetchMediaAsync());

        // Telling the type, decoding, re-encoding the stripped copy, hashing, reading the EXIF, encrypting into the store.
        Assert.Equal(
            ["hotline.media.decode", "hotline.media.evidence", "hotline.media.hash", "hotline.media.inspect", "hotline.media.seal", "hotline.media.strip"],
            steps.Select(step => step.Step).Distinct().Order());
        // Other tests' hosts run their own lanes beside this one: each step must be on one ("media-low-N"), never on the pool.
        Assert.All(steps, step => Assert.StartsWith("media" + LowPriorityLane.ThreadNameMark, step.Thread));
    }

    /// <summary>The kernel's view of this process's threads: /proc/self/task/{tid}/stat (field 19 is the nice value) and comm (the name).</summary>
    private static class KernelThread
    {
        public static int NiceOfCurrent() => Nice(File.ReadAllText("/proc/thread-self/stat"));

        /// <summary>The process's first thread, which nothing here lowers: the nice value the test run was started with.</summary>
        public static int NiceOfProcess() => Nice(File.ReadAllText("/proc/self/stat"));

        public static IReadOnlyList<(string Name, int Nice)> All() =>
        [
            .. Directory.GetDirectories("/proc/self/task").Select(task =>
            {
                try
                {
                    return ((string Name, int Nice)?)(File.ReadAllText(Path.Combine(task, "comm")).Trim(), Nice(File.ReadAllText(Path.Combine(task, "stat"))));
                }
                catch (IOException)
                {
                    return null; // The thread ended between the listing and the read.
                }
            }).OfType<(string Name, int Nice)>(),
        ];

        /// <summary>The fields after the name, which is in parentheses and may hold spaces; the nice value is field 19 of the line.</summary>
        private static int Nice(string stat) =>
            int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
    }
}
