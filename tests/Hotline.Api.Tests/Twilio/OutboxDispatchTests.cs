namespace Hotline.Api.Tests.Twilio;

public sealed class OutboxDispatchTests
{
    private const string Worker = "+9779800000303";
    private const string OtherWorker = "+9779800000304";

    [Theory, DatabaseData]
    public async Task A_reply_is_sent_through_twilio_from_the_hotline_number_with_a_status_callback(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await harness.TextAsync(Worker, "hello");

        await harness.DispatchAllAsync();

        var sent = Assert.Single(harness.Twilio.Created);
        Assert.Equal((Worker, TwilioHarness.HotlineNumber, TwilioHarness.PublicBaseUrl + "/twilio/status"), (sent.To, sent.From, sent.StatusCallback));
        Assert.False(string.IsNullOrWhiteSpace(sent.Body));
    }

    [Theory, DatabaseData]
    public async Task A_send_waiting_on_twilio_does_not_hold_up_replies_to_other_people(DatabaseProvider engine)
    {
        // Long enough that the other person's send arrives on a loaded machine; sent one at a time, the held send
        // would still time out and be attempted again.
        await using var harness = await TwilioHarness.StartAsync(engine, new Dictionary<string, string?> { ["Twilio:RequestTimeoutSeconds"] = "10" });
        harness.Twilio.HoldNextUntilAnotherArrives();
        await harness.TextAsync(Worker, "hello");
        await harness.TextAsync(OtherWorker, "hello");

        await harness.DispatchAllAsync();

        // One at a time, the held send would have timed out and been attempted again.
        Assert.Equal(2, harness.Twilio.Created.Count);
        Assert.Equal(0L, await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Attempts <> 1 OR Status <> 'Sent'"));
    }

    [Fact]
    public async Task Replies_to_one_person_go_out_in_the_order_they_were_written()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "1", "2", "3");
        await harness.TextAsync(OtherWorker, "hello", "1");

        await harness.DispatchAllAsync();

        var sentToWorker = harness.Twilio.Created.Where(c => c.To == Worker).Select(c => c.Sid).ToList();
        Assert.True(sentToWorker.Count > 1, $"The intake wrote {sentToWorker.Count} replies; the order of one cannot be seen.");
        var writtenToWorker = await harness.ScalarAsync(
            "SELECT group_concat(ChannelMessageId, ' ') FROM (SELECT ChannelMessageId FROM Messages WHERE Direction = 'Outbound' "
            + $"AND ConversationId = (SELECT ConversationId FROM Messages WHERE ChannelMessageId = '{sentToWorker[0]}') ORDER BY rowid)");
        Assert.Equal(writtenToWorker, string.Join(' ', sentToWorker));
    }

    [Theory, DatabaseData]
    public async Task A_sent_reply_records_twilios_message_sid(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await harness.TextAsync(Worker, "hello");

        await harness.DispatchAllAsync();

        Assert.Equal(harness.Twilio.Created.Single().Sid,
            await harness.ScalarAsync("SELECT ChannelMessageId FROM Messages WHERE Direction = 'Outbound'"));
    }

    [Theory, DatabaseData]
    public async Task A_whatsapp_reply_goes_to_the_whatsapp_address(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await harness.TextAsync($"whatsapp:{Worker}", "hello");

        await harness.DispatchAllAsync();

        Assert.Equal(($"whatsapp:{Worker}", $"whatsapp:{TwilioHarness.HotlineNumber}"),
            (harness.Twilio.Created.Single().To, harness.Twilio.Created.Single().From));
    }

    [Theory, DatabaseData]
    public async Task Retries_after_a_429_and_a_500_give_exactly_one_accepted_send(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        harness.Twilio.FailNext(1, 429);
        harness.Twilio.FailNext(1, 500);
        await harness.TextAsync(Worker, "hello");

        await harness.DispatchAllAsync();

        Assert.Single(harness.Twilio.Created);
        Assert.Equal(3, harness.Twilio.Requests);
    }

    [Theory, DatabaseData]
    public async Task A_500_after_twilio_took_the_message_is_not_sent_again(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        harness.Twilio.FailNextAfterCreating(1, 500);
        await harness.TextAsync(Worker, "hello");

        await harness.DispatchAllAsync();

        Assert.Equal((1, 1), (harness.Twilio.Created.Count, harness.Twilio.Requests));
        Assert.Equal("Sent", await harness.ScalarAsync("SELECT Status FROM Outbox"));
    }

    [Fact]
    public async Task A_gateways_502_page_after_twilio_took_the_message_is_not_sent_again()
    {
        await using var harness = await TwilioHarness.StartAsync();
        harness.Twilio.AnswerNextWithGatewayPage(502, afterCreating: true);
        await harness.TextAsync(Worker, "hello");

        await harness.DispatchAllAsync();

        Assert.Equal((1, 1), (harness.Twilio.Created.Count, harness.Twilio.Requests));
        Assert.Equal("Sent", await harness.ScalarAsync("SELECT Status FROM Outbox"));
    }

    [Fact]
    public async Task A_gateways_503_page_before_twilio_took_the_message_is_followed_by_one_send()
    {
        await using var harness = await TwilioHarness.StartAsync();
        harness.Twilio.AnswerNextWithGatewayPage(503, afterCreating: false);
        await harness.TextAsync(Worker, "hello");

        await harness.DispatchAllAsync();

        Assert.Equal((1, 2), (harness.Twilio.Created.Count, harness.Twilio.Requests));
        Assert.Equal("Sent", await harness.ScalarAsync("SELECT Status FROM Outbox"));
    }

    [Theory]
    [InlineData("cut halfway")]
    [InlineData("an empty object")]
    [InlineData("nothing")]
    public async Task A_201_that_cannot_be_read_is_not_sent_again(string answer)
    {
        await using var harness = await TwilioHarness.StartAsync();
        switch (answer)
        {
            case "an empty object":
                harness.Twilio.AnswerNextEmpty("{}");
                break;
            case "nothing":
                harness.Twilio.AnswerNextEmpty("");
                break;
            default:
                harness.Twilio.CutNextAnswer();
                break;
        }

        await harness.TextAsync(Worker, "hello");

        await harness.DispatchAllAsync();

        Assert.Equal((1, 1), (harness.Twilio.Created.Count, harness.Twilio.Requests));
        Assert.Equal(("Sent", harness.Twilio.Created[0].Sid), (await harness.ScalarAsync("SELECT Status FROM Outbox"),
            await harness.ScalarAsync("SELECT ChannelMessageId FROM Messages WHERE Direction = 'Outbound'")));
    }

    [Fact]
    public async Task A_reply_whose_words_went_to_the_same_person_a_moment_before_is_still_sent_after_a_500()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello");
        await QueueCaseworkerTextAsync(harness, "A caseworker is reading your messages.");
        await harness.DispatchAllAsync();
        harness.Twilio.FailNext(1, 500);
        await QueueCaseworkerTextAsync(harness, "A caseworker is reading your messages.");

        await harness.DispatchAllAsync();

        Assert.Equal(3, harness.Twilio.Created.Count);
        Assert.Equal(harness.Twilio.Created[1].Body, harness.Twilio.Created[2].Body);
        Assert.Equal((0L, 3L), (await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Sent'"),
            await harness.CountAsync("SELECT COUNT(DISTINCT ChannelMessageId) FROM Messages WHERE Direction = 'Outbound'")));
    }

    [Theory, DatabaseData]
    public async Task A_timed_out_send_is_checked_with_twilio_before_any_resend(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        harness.Twilio.HangNext(1, TimeSpan.FromSeconds(3));
        await harness.TextAsync(Worker, "hello");

        await harness.DispatchAllAsync();

        Assert.Equal((1, 1), (harness.Twilio.Created.Count, harness.Twilio.Requests));
    }

    [Theory, DatabaseData]
    public async Task A_message_twilio_keeps_refusing_is_marked_failed_where_caseworkers_see_it(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        harness.Twilio.FailNext(10, 429);
        await harness.TextAsync(Worker, "talk to a person");

        await harness.DispatchAllAsync();

        Assert.Empty(harness.Twilio.Created);
        Assert.Equal(("failed", 1L), (await harness.ScalarAsync("SELECT MIN(DeliveryStatus) FROM Messages WHERE Direction = 'Outbound'"),
            await harness.CountAsync("SELECT COUNT(DISTINCT DeliveryStatus) FROM Messages WHERE Direction = 'Outbound'")));
        Assert.Equal(await harness.CountAsync("SELECT COUNT(*) FROM Outbox"),
            await harness.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'MessageStatusChanged' AND Data LIKE '%failed%'"));
    }

    [Theory, DatabaseData]
    public async Task A_permanent_refusal_fails_at_once_without_retrying(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        harness.Twilio.FailNext(1, 400);
        await harness.TextAsync(Worker, "hello");

        await harness.DispatchAllAsync();

        Assert.Equal((1, "Failed"), (harness.Twilio.Requests, await harness.ScalarAsync("SELECT Status FROM Outbox")));
    }

    [Theory, DatabaseData]
    public async Task A_reply_refused_for_a_rotated_auth_token_waits_and_goes_once_the_token_is_fixed(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        harness.Twilio.RevokeCredentials(true);
        await harness.TextAsync(Worker, "hello");

        await harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("Pending", "Twilio refused the hotline's credentials (401, code 20003: authentication failed); "
                + "check Twilio:AccountSid and Twilio:AuthToken."),
            (await harness.ScalarAsync("SELECT Status FROM Outbox"), await harness.ScalarAsync("SELECT LastError FROM Outbox")));
        harness.Twilio.RevokeCredentials(false);
        await harness.DispatchAllAsync();
        Assert.Equal((1, "Sent"), (harness.Twilio.Created.Count, await harness.ScalarAsync("SELECT Status FROM Outbox")));
    }

    /// <summary>A caseworker's reply to <see cref="Worker"/>, written as the console writes one.</summary>
    private static async Task QueueCaseworkerTextAsync(TwilioHarness harness, string body)
    {
        Assert.True(ChannelAddress.TryPhone(Channel.Sms, Worker, null, out var address, out _));
        await harness.App.Database.WriteAsync(async (session, token) =>
        {
            var conversation = await harness.App.Get<ConversationRepository>().FindByAddressAsync(session, address, token);
            await harness.App.Get<OutboundWriter>().WriteAsync(session, conversation!, null, body, null, token);
        }, TestContext.Current.CancellationToken);
    }
}
