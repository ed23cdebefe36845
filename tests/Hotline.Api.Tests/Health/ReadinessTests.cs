namespace Hotline.Api.Tests.Health;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Live_and_ready_are_200_when_the_database_answers_and_the_loops_run()
    {
        await using var app = new HotlineApp();
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task Ready_is_503_and_live_stays_200_when_the_database_does_not_answer()
    {
        await using var app = new HotlineApp();
        var client = app.CreateClient();
        await client.GetAsync("/health/ready", Ct);

        SqliteConnectionBreaker.Break(app.DatabaseFile);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
    }

    [Fact]
    public async Task Ready_turns_503_when_a_background_loop_keeps_failing()
    {
        await using var app = new HotlineApp(
            new Dictionary<string, string?> { ["Hotline:Health:LoopFailuresBeforeUnready"] = "2" },
            services: services => services.AddHostedService<AlwaysFailingJob>());
        var client = app.CreateClient();

        // The guard pauses 1 s after the first failure, 2 s after the second: unready within a few seconds.
        var status = HttpStatusCode.OK;
        await Poll.UntilAsync(async () =>
        {
            status = (await client.GetAsync("/health/ready", Ct)).StatusCode;
            return status != HttpStatusCode.OK;
        }, "/health/ready to stop answering 200", TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
    }

    [Fact]
    public async Task Ready_stays_200_while_a_loop_fails_only_because_a_third_party_is_down()
    {
        await using var app = new HotlineApp(
            new Dictionary<string, string?> { ["Hotline:Health:LoopFailuresBeforeUnready"] = "2" },
            services: services => services.AddSingleton<ProviderDownJob>().AddHostedService(s => s.GetRequiredService<ProviderDownJob>()));
        var client = app.CreateClient();
        var job = app.Services.GetRequiredService<ProviderDownJob>();

        // The guard pauses 1 s, then 2 s: the third failure comes about 3 s after the first.
        await Poll.UntilAsync(() => job.Passes >= 3, "the job's third failing pass", TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
    }

    private sealed class ProviderDownJob(TimeProvider time, ILogger<ProviderDownJob> logger, LoopWatch loops)
        : PeriodicJob(time, logger, loops)
    {
        private int _passes;

        public int Passes => Volatile.Read(ref _passes);

        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(10);

        protected override string PassName => "A pass whose provider is down";

        protected override bool RunsAtStart => true;

        protected override Task RunPassAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _passes);
            throw new HttpRequestException("The provider does not answer.");
        }
    }

    private sealed class AlwaysFailingJob(TimeProvider time, ILogger<AlwaysFailingJob> logger, LoopWatch loops)
        : PeriodicJob(time, logger, loops)
    {
        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(10);

        protected override string PassName => "A pass that always fails";

        protected override bool RunsAtStart => true;

        protected override Task RunPassAsync(CancellationToken cancellationToken) => throw new TimeoutException("The test's loop fails.");
    }
}
