namespace Hotline.Api.Tests.Outbox;

/// <summary>
/// A claimed reply can wait for the send rate for minutes, longer than its lease: another instance may claim it
/// meanwhile, and the person may send STOP or the discreet word, or be erased. The one that waited checks its claim and
/// the person's conversation just before sending, so the person gets it once, and never after asking for silence.
/// </summary>
public sealed class OutboxFencingTests
{
    private const string First = "+9779800000501";
    private const string Second = "+9779800000502";

    /// <summary>Another person's reply has just taken the number's turn: at one segment in five seconds, the next waits 5 s.</summary>
    private static async Task<(TwilioHarness Harness, Task Pass)> ReplyWaitingForTheSendRateAsync(DatabaseProvider engine, string phone)
    {
        var harness = await TwilioHarness.StartAsync(engine, new Dictionary<string, string?> { ["Twilio:SegmentsPerSecond"] = "0.2" });
        await harness.TextAsync(phone, "hello");
        await harness.App.Services.GetRequiredService<SendRate>().WaitForTurnAsync(TwilioHarness.HotlineNumber, 1, Ct);
        var pass = harness.App.Services.GetRequiredService<OutboxDispatchJob>().DispatchDueAsync(Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Empty(harness.Twilio.Created);
        return (harness, pass);
    }

    [Theory, DatabaseData]
    public async Task A_reply_waiting_for_the_send_rate_when_the_person_sends_stop_is_not_sent(DatabaseProvider engine)
    {
        var (harness, pass) = await ReplyWaitingForTheSendRateAsync(engine, First);
        await using var _ = harness;

        await harness.TextAsync(First, "STOP");
        await pass;
        await harness.DispatchAllAsync();

        Assert.Empty(harness.Twilio.Created);
        Assert.Equal("Cancelled", await harness.ScalarAsync("SELECT Status FROM Outbox"));
    }

    /// <summary>
    /// Review finding: a reply that waited for the send rate longer than half its lease made its last check, then renewed its
    /// lease, a write that waits for the writer: STOP committed while it waited, and the reply went out after it. The renewal
    /// comes first now, and the last check reads what committed while it waited. The writer is held here, as a burst of
    /// webhooks holds it, from before the renewal until after STOP has queued behind it.
    /// </summary>
    [Fact]
    public async Task A_reply_whose_lease_renewal_waits_for_the_writer_while_the_person_sends_stop_is_not_sent()
    {
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:SegmentsPerSecond"] = "0.2",
            ["Hotline:Outbox:LeaseSeconds"] = "5",
        });
        await harness.TextAsync(First, "hello");
        await harness.App.Services.GetRequiredService<SendRate>().WaitForTurnAsync(TwilioHarness.HotlineNumber, 1, Ct);
        // Claimed at once, it waits 5 s for the number's turn, more than half its lease: it renews the lease before sending.
        var pass = harness.App.Services.GetRequiredService<OutboxDispatchJob>().DispatchDueAsync(Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        Task stop;
        await using (await harness.App.Database.BeginWriteAsync(Ct))
        {
            stop = harness.TextAsync(First, "STOP");
            await Task.Delay(TimeSpan.FromSeconds(6), Ct);
        }

        await stop;
        await pass;
        await harness.DispatchAllAsync();

        Assert.Empty(harness.Twilio.Created);
        Assert.Equal("Cancelled", await harness.ScalarAsync("SELECT Status FROM Outbox"));
    }

    [Theory, DatabaseData]
    public async Task A_reply_waiting_for_the_send_rate_when_the_person_sends_the_discreet_word_is_not_sent_and_the_decoy_is(DatabaseProvider engine)
    {
        var (harness, pass) = await ReplyWaitingForTheSendRateAsync(engine, First);
        await using var _ = harness;

        await harness.TextAsync(First, "recipe");
        await pass;
        await harness.DispatchAllAsync();

        Assert.Equal(["Sorry, wrong number."], harness.Twilio.Created.Select(c => c.Body));
        Assert.Equal(1L, await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Cancelled'"));
        Assert.Equal(1L, await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Sent'"));
    }

    /// <summary>
    /// The decoy is the last word of the quiet spell the discreet word began: the person writing again in that spell, while it
    /// waits for the send rate, does not cancel it (before, the send read the conversation's new version and cancelled it).
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_decoy_waiting_for_the_send_rate_when_the_person_writes_again_is_sent_before_their_new_reply(DatabaseProvider engine)
    {
        var (harness, pass) = await ReplyWaitingForTheSendRateAsync(engine, First);
        await using var _ = harness;
        await harness.TextAsync(First, "recipe");
        await pass;
        await harness.App.Services.GetRequiredService<SendRate>().WaitForTurnAsync(TwilioHarness.HotlineNumber, 1, Ct);
        var decoyWaiting = harness.App.Services.GetRequiredService<OutboxDispatchJob>().DispatchDueAsync(Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        await harness.TextAsync(First, "hello");
        await decoyWaiting;
        await harness.DispatchAllAsync();

        Assert.Equal(["Sorry, wrong number.", "Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person."],
            harness.Twilio.Created.Select(c => c.Body));
    }

    /// <summary>
    /// The person's message lands between the claim and the send, with no wait for the send rate: the send reads the
    /// conversation again however soon after the claim it comes. Before, a send within a quarter of a second of the claim
    /// went on the conversation read with it, and the reply written before the discreet word reached the phone.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_reply_claimed_just_before_the_person_sends_the_discreet_word_is_not_sent_and_the_decoy_is(DatabaseProvider engine)
    {
        var between = new LandingBeforeTheSend();
        await using var harness = await TwilioHarness.StartAsync(engine, services: between.WrapSenders);
        await harness.TextAsync(First, "hello");
        between.Next(() => harness.TextAsync(First, "recipe"));

        await harness.App.Services.GetRequiredService<OutboxDispatchJob>().DispatchDueAsync(Ct);
        await harness.DispatchAllAsync();

        Assert.Equal(["Sorry, wrong number."], harness.Twilio.Created.Select(c => c.Body));
        Assert.Equal("Cancelled|The person used the discreet word.", await harness.ScalarAsync(
            "SELECT CONCAT(Status, '|', LastError) FROM Outbox WHERE Status <> 'Sent'"));
    }

    [Theory, DatabaseData]
    public async Task A_reply_claimed_just_before_the_person_sends_stop_is_not_sent(DatabaseProvider engine)
    {
        var between = new LandingBeforeTheSend();
        await using var harness = await TwilioHarness.StartAsync(engine, services: between.WrapSenders);
        await harness.TextAsync(First, "hello");
        between.Next(() => harness.TextAsync(First, "STOP"));

        await harness.App.Services.GetRequiredService<OutboxDispatchJob>().DispatchDueAsync(Ct);
        await harness.DispatchAllAsync();

        Assert.Empty(harness.Twilio.Created);
        Assert.Equal("Cancelled", await harness.ScalarAsync("SELECT Status FROM Outbox"));
    }

    [Theory, DatabaseData]
    public async Task A_reply_waiting_for_the_send_rate_when_the_person_is_erased_is_not_sent(DatabaseProvider engine)
    {
        var (harness, pass) = await ReplyWaitingForTheSendRateAsync(engine, First);
        await using var _ = harness;

        Assert.Equal(0, await OperatorCommands.RunAsync(harness.App.Services, ["erase", "--phone", First, "--force"], TextReader.Null, new StringWriter(), Ct));
        await pass;
        await harness.DispatchAllAsync();

        Assert.Empty(harness.Twilio.Created);
        Assert.Equal(0L, await harness.CountAsync("SELECT COUNT(*) FROM Outbox"));
    }

    [Fact]
    public async Task A_reply_claimed_by_another_dispatcher_while_this_one_waited_for_the_send_rate_is_not_sent_by_this_one()
    {
        // One segment every 6 s and a 5 s lease: the second reply's turn comes after its lease ran out.
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:SegmentsPerSecond"] = "0.1666",
            ["Hotline:Outbox:LeaseSeconds"] = "5",
        });
        await harness.TextAsync(First, "hello");
        await harness.TextAsync(Second, "hello");
        var dispatcher = harness.App.Services.GetRequiredService<OutboxDispatchJob>();

        var pass = dispatcher.DispatchDueAsync(Ct);
        await Poll.UntilAsync(() => harness.Twilio.Created.Count == 1, "the first reply to be sent", TimeSpan.FromSeconds(30));
        var takenOver = Guid.NewGuid();
        await harness.App.ExecuteAsync(
            $"UPDATE Outbox SET LeaseToken = '{takenOver}', LeaseExpiresAt = '2100-01-01T00:00:00.000Z' WHERE Status = 'Sending'");
        await pass;

        Assert.Equal([First], harness.Twilio.Created.Select(c => c.To));
        Assert.Equal($"Sending|{takenOver}", await harness.ScalarAsync("SELECT Status || '|' || LeaseToken FROM Outbox WHERE Status <> 'Sent'"));
    }

    [Theory, DatabaseData]
    public async Task A_reply_whose_claim_ran_out_while_waiting_but_was_not_taken_over_is_sent_once(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine, new Dictionary<string, string?>
        {
            ["Twilio:SegmentsPerSecond"] = "0.1666",
            ["Hotline:Outbox:LeaseSeconds"] = "5",
        });
        await harness.TextAsync(First, "hello");
        await harness.TextAsync(Second, "hello");
        var dispatcher = harness.App.Services.GetRequiredService<OutboxDispatchJob>();

        await dispatcher.DispatchDueAsync(Ct);

        Assert.Equal([First, Second], harness.Twilio.Created.Select(c => c.To));
        Assert.Equal(0L, await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Sent'"));
    }
}
