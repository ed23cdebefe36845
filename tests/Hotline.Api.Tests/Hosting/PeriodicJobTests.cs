using System.Threading.Channels;
using Channel = System.Threading.Channels.Channel;

namespace Hotline.Api.Tests.Hosting;

/// <summary>The loop every periodic job (lease expiry, retention, silent intakes, Twilio reconciliation) runs on.</summary>
public sealed class PeriodicJobTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    // The host runs ExecuteAsync on a thread of its own: tests that count ticks let the job run a pass at
    // start and wait for it, so its timer exists before fake time moves.

    [Fact]
    public async Task A_job_that_runs_at_start_does_not_wait_for_the_first_interval()
    {
        using var job = new CountingJob(new FakeTimeProvider()) { StartsRunning = true };
        await job.StartAsync(Ct);

        await job.NextPassAsync();

        Assert.Equal(1, job.Passes);
    }

    [Fact]
    public async Task A_pass_runs_at_each_interval()
    {
        var time = new FakeTimeProvider();
        using var job = new CountingJob(time) { StartsRunning = true };
        await job.StartAsync(Ct);
        await job.NextPassAsync();

        var pass = await job.NextPassAfterTheIntervalAsync(time);

        Assert.Equal(2, pass);
    }

    [Fact]
    public async Task A_pass_the_database_failed_is_tried_again_at_the_next_interval()
    {
        var time = new FakeTimeProvider();
        using var job = new CountingJob(time) { StartsRunning = true, FailFirstWith = new SqliteException("disk I/O error", 10) };
        await job.StartAsync(Ct);
        await job.NextPassAsync();

        var pass = await job.NextPassAfterTheIntervalAsync(time);

        Assert.Equal(2, pass);
        Assert.False(job.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task A_pass_that_fails_unexpectedly_is_tried_again_and_the_job_goes_on()
    {
        var time = new FakeTimeProvider();
        using var job = new CountingJob(time) { StartsRunning = true, FailFirstWith = new InvalidOperationException("a bug") };
        await job.StartAsync(Ct);
        await job.NextPassAsync();

        var pass = await job.NextPassAfterTheIntervalAsync(time);

        Assert.Equal(2, pass);
        Assert.False(job.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task A_job_that_is_off_runs_no_pass()
    {
        using var job = new CountingJob(new FakeTimeProvider()) { IsOn = false, StartsRunning = true };
        await job.StartAsync(Ct);

        await job.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(0, job.Passes);
    }

    private sealed class CountingJob(TimeProvider time) : PeriodicJob(time, NullLogger.Instance)
    {
        private readonly Channel<int> _passes = Channel.CreateUnbounded<int>();

        public Exception? FailFirstWith { get; init; }

        public bool IsOn { get; init; } = true;

        public bool StartsRunning { get; init; }

        public int Passes { get; private set; }

        protected override TimeSpan Interval => PeriodicJobTests.Interval;

        protected override string PassName => "Counting";

        protected override bool Enabled => IsOn;

        protected override bool RunsAtStart => StartsRunning;

        public async Task NextPassAsync() => await _passes.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);

        /// <summary>
        /// Moves fake time an interval at a time until the next pass runs; its number. A failed pass pauses on fake time too,
        /// and may start that pause only after the test has moved the clock: once would then never wake it. One move can
        /// wake both that pause and the interval's timer, so a pass after this one may already have run: the number read
        /// is the pass this waited for, whatever the count is by the time the test looks.
        /// </summary>
        public async Task<int> NextPassAfterTheIntervalAsync(FakeTimeProvider time)
        {
            for (var tries = 0; tries < 300; tries++)
            {
                time.Advance(PeriodicJobTests.Interval);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                wait.CancelAfter(TimeSpan.FromMilliseconds(100));
                try
                {
                    return await _passes.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
                {
                    // No pass yet: the pause began after the clock moved; move it again.
                }
            }

            throw new TimeoutException("No pass ran after 300 intervals.");
        }

        protected override Task RunPassAsync(CancellationToken cancellationToken)
        {
            Passes++;
            _passes.Writer.TryWrite(Passes);
            return Passes == 1 && FailFirstWith is { } failure ? Task.FromException(failure) : Task.CompletedTask;
        }
    }
}
