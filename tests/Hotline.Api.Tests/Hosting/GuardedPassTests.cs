using Twilio.Exceptions;

namespace Hotline.Api.Tests.Hosting;

/// <summary>Every background loop's failure policy: log without personal data, pause longer each time, go on; never stop the host.</summary>
public sealed class GuardedPassTests
{
    private const string PersonalData = "+9779800000303 said: my boss took my passport";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger _logger = new();

    [Fact]
    public async Task A_pass_that_fails_with_a_bug_is_logged_by_its_type_and_place_never_its_message()
    {
        var guard = new GuardedPass("The test pass", _logger, _time);

        var running = guard.RunAsync(_ => throw new InvalidOperationException(PersonalData), Ct);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await running);
        var logged = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains("System.InvalidOperationException", logged.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(GuardedPassTests), logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("passport", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("+9779800000303", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_third_party_failing_is_logged_as_a_warning_with_its_status_and_code_never_its_text()
    {
        var guard = new GuardedPass("The test pass", _logger, _time);

        var running = guard.RunAsync(_ => throw new ApiException(20503, 503, "Service Unavailable", "https://www.twilio.com/docs/errors/20503"), Ct);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await running);
        var logged = Assert.Single(_logger.Collector.GetSnapshot());
        // Twilio's own text can quote a phone number: only the status and the code are logged.
        Assert.Equal((LogLevel.Warning, true, false),
            (logged.Level, logged.Message.Contains("Twilio answered 503 (code 20503)", StringComparison.Ordinal),
                logged.Message.Contains("Service Unavailable", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_pause_after_a_failure_doubles_with_each_failure_in_a_row_from_one_second_to_at_most_a_minute()
    {
        var guard = new GuardedPass("The test pass", _logger, _time);
        var pauses = new List<TimeSpan>();

        for (var failure = 0; failure < 8; failure++)
        {
            pauses.Add(await PauseAfterFailureAsync(guard));
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], pauses.Select(p => (int)p.TotalSeconds));
    }

    [Fact]
    public async Task A_pass_that_succeeds_starts_the_pauses_again_from_one_second()
    {
        var guard = new GuardedPass("The test pass", _logger, _time);
        await PauseAfterFailureAsync(guard);
        await PauseAfterFailureAsync(guard);

        Assert.True(await guard.RunAsync(_ => Task.CompletedTask, Ct));

        Assert.Equal((0, TimeSpan.FromSeconds(1)), (guard.FailuresInARow, await PauseAfterFailureAsync(guard)));
    }

    [Fact]
    public async Task The_host_stopping_ends_the_pass_rather_than_being_logged_as_a_failure()
    {
        var guard = new GuardedPass("The test pass", _logger, _time);
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => guard.RunAsync(token => Task.Delay(1000, token), stopping.Token));

        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    /// <summary>Fails one pass and moves the clock a second at a time until the pause is over; how long it was.</summary>
    private async Task<TimeSpan> PauseAfterFailureAsync(GuardedPass guard)
    {
        var started = _time.GetUtcNow();
        var running = guard.RunAsync(_ => throw new TimeoutException("no answer"), Ct);
        while (!running.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        Assert.False(await running);
        return _time.GetUtcNow() - started;
    }
}
