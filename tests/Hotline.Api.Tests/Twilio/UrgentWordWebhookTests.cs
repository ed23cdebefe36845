namespace Hotline.Api.Tests.Twilio;

/// <summary>Urgent words through the signed webhook, judged by what reaches the phone (the Twilio stand-in) and the stored case.</summary>
public sealed class UrgentWordWebhookTests
{
    private const string Worker = "+9779800000522";
    private const string EmergencyNumber = "112";

    /// <summary>
    /// A newcomer found this case Low, with no reason, behind every case that had answered the intake; a later walk found it
    /// High, behind Critical cases, though the phone was told to call the emergency number now (DistressWordTakeNextTests).
    /// </summary>
    [Fact]
    public async Task A_first_message_crying_for_help_queues_a_critical_case_that_says_why()
    {
        await using var harness = await TwilioHarness.StartAsync();

        await harness.TextAsync(Worker, "help me please");
        await harness.DispatchAllAsync();

        Assert.Equal(("4", "1"), (await harness.ScalarAsync("SELECT Priority FROM Cases"), await harness.ScalarAsync("SELECT InDangerNow FROM Cases")));
        Assert.Equal("[\"distress_word\"]", await harness.ScalarAsync("SELECT TriageReasons FROM Cases"));
        Assert.Equal(["If you can, call 112 now. A person will write to you here soon."], harness.Twilio.Created.Select(m => m.Body));
    }

    [Fact]
    public async Task An_urgent_first_message_queues_a_critical_case_and_the_phone_gets_the_emergency_number()
    {
        await using var harness = await TwilioHarness.StartAsync();

        await harness.TextAsync(Worker, "my boss took my passport and they locked me in");
        await harness.DispatchAllAsync();

        Assert.Equal("4", await harness.ScalarAsync("SELECT Priority FROM Cases"));
        Assert.StartsWith("[\"urgent_word\"", await harness.ScalarAsync("SELECT TriageReasons FROM Cases"), StringComparison.Ordinal);
        Assert.Equal("{\"Word\":\"locked me\",\"Language\":\"en\"}",
            await harness.ScalarAsync("SELECT Data FROM CaseEvents WHERE Type = 'UrgentWordMatched'"));
        Assert.Contains(harness.Twilio.Created, m => m.To == Worker && m.Body!.Contains(EmergencyNumber, StringComparison.Ordinal));
    }

    /// <summary>
    /// Raising the case sends nothing to the phone: the word is matched out of sight (a false alarm, someone else writing,
    /// costs a caseworker a look), and the number waits until the person says it is safe (phone's view
    /// caseworker-urgent-word-after-discreet-word).
    /// </summary>
    [Fact]
    public async Task After_the_discreet_word_an_urgent_word_raises_the_case_out_of_sight_and_sends_no_emergency_number()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "1", "2", "1", "recipe");

        await harness.TextAsync(Worker, "who is this? I will beat you and call the police");
        await harness.DispatchAllAsync();

        Assert.DoesNotContain(harness.Twilio.Created, m => m.Body!.Contains(EmergencyNumber, StringComparison.Ordinal));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'UrgentWordMatched'"));
        Assert.Equal("4", await harness.ScalarAsync("SELECT Priority FROM Cases"));
    }

    [Fact]
    public async Task After_not_safe_an_urgent_word_raises_the_case_but_the_phone_gets_no_emergency_number()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "2");

        await harness.TextAsync(Worker, "he is beating me");
        await harness.DispatchAllAsync();

        Assert.DoesNotContain(harness.Twilio.Created, m => m.Body!.Contains(EmergencyNumber, StringComparison.Ordinal));
        Assert.Equal("4", await harness.ScalarAsync("SELECT Priority FROM Cases"));
    }

    [Fact]
    public async Task After_stop_an_urgent_word_raises_the_case_and_nothing_reaches_the_phone()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "1", "2", "1", "STOP");

        await harness.TextAsync(Worker, "they beat me");
        await harness.DispatchAllAsync();

        Assert.DoesNotContain(harness.Twilio.Created, m => m.Body!.Contains(EmergencyNumber, StringComparison.Ordinal));
        Assert.Equal("4", await harness.ScalarAsync("SELECT Priority FROM Cases"));
    }
}
