namespace Hotline.Api.Tests.PhonesView;

/// <summary>Never text first: time passing, timers and restarts send nothing to anyone; only the person's own message does.</summary>
[Collection(nameof(PhoneViewHost))]
public sealed class NeverTextFirstPhoneViewTests(PhoneViewHost host)
{
    [Fact]
    public async Task An_unanswered_intake_is_handed_to_a_person_without_a_text_and_the_timers_send_nothing()
    {
        var silent = await host.NewPhoneInAsync("en");
        var quiet = await host.NewPhoneInAsync("en");
        await quiet.WriteAsync("2");

        var later = Later(TimeSpan.FromHours(3));
        var handedOff = await ActivatorUtilities.CreateInstance<IntakeTimeoutJob>(host.Harness.App.Services, (TimeProvider)later).TickSilentIntakesAsync(Ct);
        Assert.True(handedOff >= 1);
        await silent.MeanwhileAsync("three hours later the intake timer hands the silent intake to a caseworker");
        await ActivatorUtilities.CreateInstance<RetentionSweep>(host.Harness.App.Services, (TimeProvider)Later(TimeSpan.FromDays(3))).SweepAsync(Ct);
        await silent.MeanwhileAsync("three days later the retention sweep runs");
        await quiet.MeanwhileAsync("three hours later the intake timer and three days later the retention sweep have run");

        GoldenFile.Match("timers-send-nothing", "## silent mid-intake\n" + silent.View + "## quiet after not safe\n" + quiet.View);
    }

    [Fact]
    public async Task After_a_restart_the_last_word_still_waiting_is_sent_once_and_nothing_else()
    {
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteBeforeTheOutboxRunsAsync(IntakePhoneViewTests.DiscreetWord);

        // A second host over the same database file stands for the same service after a restart.
        await using var restarted = await TwilioHarness.StartAsync(host.Harness.App.HostDatabase);
        var dispatcher = restarted.App.Services.GetRequiredService<OutboxDispatchJob>();
        await dispatcher.DispatchDueAsync(Ct);
        await dispatcher.DispatchDueAsync(Ct);

        Assert.Equal(["Sorry, wrong number."], restarted.Twilio.Created.Where(m => m.To == phone.Number).Select(m => m.Body));
        Assert.DoesNotContain(restarted.Twilio.Created, m => m.To != phone.Number);
    }

    [Fact]
    public async Task Every_message_the_hotline_sent_went_to_a_person_who_had_written_first()
    {
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("1", "2", "1");

        Assert.Equal(0, await host.Harness.CountAsync("""
            SELECT COUNT(*) FROM Messages AS o
            WHERE o.Direction = 'Outbound'
              AND NOT EXISTS (SELECT 1 FROM Messages AS i
                              WHERE i.ConversationId = o.ConversationId AND i.Direction = 'Inbound' AND i.CreatedAt <= o.CreatedAt)
            """));
        Assert.True(await host.Harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Outbound'") >= 4);
    }

    private static FakeTimeProvider Later(TimeSpan after) => new(DateTimeOffset.UtcNow + after);
}
