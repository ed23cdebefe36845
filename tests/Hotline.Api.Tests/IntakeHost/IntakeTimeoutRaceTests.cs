namespace Hotline.Api.Tests.IntakeHost;

/// <summary>
/// On SQL Server a person's message can commit between the timeout pass's read of their conversation and its write; the
/// write then finds the conversation changed (ConcurrencyConflictException). SQLite's single writer never lets the two
/// interleave, so the race is played inside the pass's own transaction: a trigger bumps the conversation's version when
/// the pass writes its case event, as the person's message would have. The exception comes from the real write.
/// </summary>
public sealed class IntakeTimeoutRaceTests
{
    private const string Raced = "+9779800000731";
    private const string Other = "+9779800000732";

    /// <summary>
    /// Found this session: the conflict on one conversation ended the whole pass, so every silent intake after it in the
    /// pass waited for the next one (and again, as long as a person kept writing at the wrong moment).
    /// </summary>
    [Fact]
    public async Task A_conversation_changed_under_the_pass_is_skipped_and_logged_without_personal_data_and_the_others_are_handed_off()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?> { ["Hotline:Intake:TickIntervalSeconds"] = "3600" },
            services =>
            {
                services.AddFakeLogging();
                services.AddSingleton<TimeProvider>(clock);
            });
        await harness.TextAsync(Raced, "hello", "1");
        await harness.TextAsync(Other, "hello", "1");
        clock.Advance(TimeSpan.FromMinutes(31));
        var firstOfThePass = await FirstSilentIntakeAsync(harness, clock.GetUtcNow());
        await harness.App.ExecuteAsync($"""
            CREATE TRIGGER MessageRacesTheTimeout AFTER INSERT ON CaseEvents
            WHEN NEW.CaseId IN (SELECT Id FROM Cases WHERE ConversationId = '{firstOfThePass}')
            BEGIN UPDATE Conversations SET Version = Version + 1 WHERE Id = '{firstOfThePass}'; END
            """);
        var timeouts = harness.App.Services.GetServices<IHostedService>().OfType<IntakeTimeoutJob>().Single();

        var handedOff = await timeouts.TickSilentIntakesAsync(Ct);

        Assert.Equal(1, handedOff);
        Assert.Equal(0, await harness.CountAsync($"SELECT COUNT(*) FROM Cases WHERE ConversationId = '{firstOfThePass}'"));
        Assert.Equal(1, await harness.CountAsync($"SELECT COUNT(*) FROM Cases WHERE ConversationId <> '{firstOfThePass}'"));
        var logged = Assert.Single(harness.App.Services.GetFakeLogCollector().GetSnapshot(),
            r => r.Category == typeof(IntakeTimeoutJob).FullName && r.Message.Contains("changed while its timeout was applied", StringComparison.Ordinal));
        Assert.Equal($"Silent intake {firstOfThePass} changed while its timeout was applied; left to the next pass.", logged.Message);

        await harness.App.ExecuteAsync("DROP TRIGGER MessageRacesTheTimeout");
        Assert.Equal(1, await timeouts.TickSilentIntakesAsync(Ct));
        Assert.Equal(1, await harness.CountAsync($"SELECT COUNT(*) FROM Cases WHERE ConversationId = '{firstOfThePass}'"));
    }

    /// <summary>The conversation the pass reads first, by its own statement and window (30 minutes silent, two days back).</summary>
    private static async Task<Guid> FirstSilentIntakeAsync(TwilioHarness harness, DateTimeOffset now)
    {
        await using var session = await harness.App.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var silentSince = now - TimeSpan.FromMinutes(30);
        var silent = (await session.QueryAsync<Guid>("Conversations_ReadSilentIntakes",
            new { SilentSince = silentSince, NotBefore = silentSince - TimeSpan.FromDays(2), ChatClosedReason = ChatConversationEvents.ClosedReason }, Ct)).ToList();
        Assert.Equal(2, silent.Count);
        return silent[0];
    }
}
