namespace Hotline.Api.Tests.BotConnector;

/// <summary>
/// Replies through the outbox to the Bot Connector: posted again only when the connector's answer proves it
/// did not take the reply; after an unknown outcome, failed for a caseworker to decide, never posted twice.
/// </summary>
public sealed class ChatOutboxTests
{
    [Fact]
    public async Task A_5xx_after_the_connector_took_the_reply_fails_it_as_unknown_and_it_is_never_posted_again()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello"));
        bot.Connector.FailNextAfterTaking(1, 500);

        await bot.DispatchAllAsync();
        await bot.DispatchAllAsync();

        Assert.Equal(await bot.CountAsync("SELECT COUNT(*) FROM Outbox"), bot.Connector.Requests);
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Failed' AND LastError LIKE '%may or may not have delivered%'"));
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Outbound' AND DeliveryStatus = 'failed'"));
        Assert.Equal("Unknown", await bot.ScalarAsync("SELECT State FROM ChatReplyAttempts WHERE State <> 'Accepted'"));
    }

    /// <summary>
    /// Review finding: a reply failed for good before any case existed told nobody (a case event goes only to a case), so a
    /// person whose greeting the connector refused got nothing and no caseworker knew they had written.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_greeting_the_connector_answers_502_before_any_case_queues_a_case_that_reaches_the_consoles(DatabaseProvider engine)
    {
        await using var bot = await BotHarness.StartAsync(engine);
        var supervisor = await SignedInClient.SignInAsync(bot.App, await SignedInClient.AddUserAsync(bot.App, "amina", UserRole.Supervisor, "en"));
        bot.Connector.FailNext(1, 502);
        await bot.SendAsync(bot.Message("user-1", "hello"));

        await bot.DispatchAllAsync();

        var events = await supervisor.Http.GetFromJsonAsync<CaseworkEndpoints.EventsView>("/api/case-events?after=0", Ct);
        var queued = Assert.Single(events!.Events, e => e.Type == CaseEventTypes.Queued);
        Assert.Equal(("Queued", "High"), (queued.Case!.Status, queued.Case.Priority));
        Assert.Equal(["reply_failed"], queued.Case.Reasons);
    }

    /// <summary>
    /// The final review: a welcome to someone who opened the chat and has written nothing, refused 5xx, opened a High case with
    /// nothing to read, above real ones, inviting a caseworker to write first. Only a person's unread message makes a case.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_welcome_the_connector_answers_502_before_the_person_wrote_opens_no_case(DatabaseProvider engine)
    {
        await using var bot = await BotHarness.StartAsync(engine);
        bot.Connector.FailNext(1, 502);
        await bot.SendAsync(bot.MembersAdded("user-1", id: "update-1"));

        await bot.DispatchAllAsync();

        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Failed'"));
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Cases"));
    }

    [Theory, DatabaseData]
    public async Task A_429_from_the_connector_is_retried_and_the_reply_posted_once(DatabaseProvider engine)
    {
        await using var bot = await BotHarness.StartAsync(engine);
        await bot.SendAsync(bot.Message("user-1", "hello"));
        var replies = await bot.CountAsync("SELECT COUNT(*) FROM Outbox");
        bot.Connector.FailNext(2, 429);

        await bot.DispatchAllAsync();

        Assert.Equal(replies, bot.Connector.Replies.Count);
        Assert.Equal(replies + 2, bot.Connector.Requests);
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Sent'"));
    }

    [Fact]
    public async Task A_400_from_the_connector_fails_the_reply_without_retrying()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello"));
        var replies = await bot.CountAsync("SELECT COUNT(*) FROM Outbox");
        bot.Connector.FailNext(1, 400);

        await bot.DispatchAllAsync();

        Assert.Equal(replies, bot.Connector.Requests);
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Failed' AND LastError LIKE '%refused the reply (400)%'"));
    }

    /// <summary>
    /// The login service is slow to give the token the reply needs, and the person sends the discreet word meanwhile. The token
    /// is had before the dispatcher's last look at the conversation; before, it was asked for after it, and the reply written
    /// before the word was posted once the token came.
    /// </summary>
    [Fact]
    public async Task A_chat_reply_waiting_for_a_token_when_the_person_sends_the_discreet_word_is_not_posted()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello"));
        bot.Login.HangNextTokenRequests(1, TimeSpan.FromSeconds(5));
        var pass = bot.App.Get<OutboxDispatchJob>().DispatchDueAsync(TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => bot.Login.TokenRequests == 1, "the dispatcher to ask for a token", TimeSpan.FromSeconds(30));

        (await bot.SendAsync(bot.Message("user-1", "recipe"))).EnsureSuccessStatusCode();
        Assert.False(pass.IsCompleted);
        await pass;
        await bot.DispatchAllAsync();

        Assert.Empty(bot.Connector.Replies);
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Cancelled'"));
    }

    [Fact]
    public async Task The_token_is_requested_once_and_reused_for_later_replies()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello"));
        await bot.DispatchAllAsync();

        await bot.SendAsync(bot.Message("user-1", "HELP"));
        await bot.DispatchAllAsync();

        Assert.True(bot.Connector.Replies.Count >= 2);
        Assert.Equal(1, bot.Login.TokenRequests);
    }

    [Fact]
    public async Task A_token_the_connector_refuses_is_renewed_and_the_reply_posted_once()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello"));
        await bot.DispatchAllAsync();
        var before = bot.Connector.Replies.Count;
        bot.Login.RevokeAll();

        await bot.SendAsync(bot.Message("user-1", "HELP"));
        await bot.DispatchAllAsync();

        Assert.Equal(2, bot.Login.TokenRequests);
        Assert.Equal(await bot.CountAsync("SELECT COUNT(*) FROM Outbox"), bot.Connector.Replies.Count);
        Assert.NotEqual(bot.Connector.Replies[0].Authorization, bot.Connector.Replies[before].Authorization);
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Sent'"));
    }

    [Fact]
    public async Task A_login_service_failure_delays_the_reply_and_nothing_is_posted_without_a_token()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello"));
        bot.Login.FailNextTokenRequests(1, 503);

        await bot.DispatchAllAsync();

        Assert.Equal(2, bot.Login.TokenRequests);
        Assert.Equal(bot.Connector.Replies.Count, bot.Connector.Requests);
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Sent'"));
    }

    [Fact]
    public async Task A_connector_that_cannot_be_reached_is_retried_because_nothing_was_sent()
    {
        await using var bot = await BotHarness.StartAsync();
        var (closed, closedUrl) = await LocalHttpServer.StartAsync(_ => Task.CompletedTask);
        await LocalHttpServer.StopAsync(closed);
        var activity = bot.Message("user-1", "hello");
        activity["serviceUrl"] = closedUrl.ToString();
        await bot.PostAsync(activity.ToJsonString(), bot.Token(closedUrl.ToString()));

        await bot.DispatchAllAsync();

        Assert.Equal(4, await bot.CountAsync("SELECT MIN(Attempts) FROM Outbox"));
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Failed' OR LastError NOT LIKE '%Could not connect%'"));
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM ChatReplyAttempts WHERE State <> 'NotAccepted'"));
    }

    [Fact]
    public async Task A_connection_never_made_in_time_is_retried_because_nothing_was_sent()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Bot:RequestTimeoutSeconds"] = "1" });
        using var unreachable = await NeverAcceptingPort.StartAsync();
        var activity = bot.Message("user-1", "hello");
        activity["serviceUrl"] = unreachable.BaseUrl.ToString();
        await bot.PostAsync(activity.ToJsonString(), bot.Token(unreachable.BaseUrl.ToString()));

        await bot.DispatchAllAsync();

        Assert.Equal(4, await bot.CountAsync("SELECT MIN(Attempts) FROM Outbox"));
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Failed' OR LastError NOT LIKE '%Could not connect%'"));
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM ChatReplyAttempts WHERE State <> 'NotAccepted'"));
    }

    [Fact]
    public async Task A_TLS_handshake_never_completed_in_time_is_retried_because_nothing_was_sent()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Bot:RequestTimeoutSeconds"] = "1" });
        await using var silent = SilentPort.Start();
        var activity = bot.Message("user-1", "hello");
        activity["serviceUrl"] = silent.HttpsUrl.ToString();
        await bot.PostAsync(activity.ToJsonString(), bot.Token(silent.HttpsUrl.ToString()));

        await bot.DispatchAllAsync();

        Assert.Equal(4, await bot.CountAsync("SELECT MIN(Attempts) FROM Outbox"));
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Failed' OR LastError NOT LIKE '%nothing of the reply was sent%'"));
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM ChatReplyAttempts WHERE State <> 'NotAccepted'"));
    }

    [Fact]
    public async Task A_reply_taken_but_not_answered_in_time_fails_as_unknown_and_is_never_posted_again()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Bot:RequestTimeoutSeconds"] = "1" });
        bot.Connector.TakeNextWithoutAnswering(1);
        await bot.SendAsync(bot.Message("user-1", "hello"));

        await bot.DispatchAllAsync();
        await bot.DispatchAllAsync();

        Assert.Equal(await bot.CountAsync("SELECT COUNT(*) FROM Outbox"), bot.Connector.Requests);
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Failed' AND LastError LIKE '%may or may not have delivered%'"));
        Assert.Equal("Unknown", await bot.ScalarAsync("SELECT State FROM ChatReplyAttempts WHERE State <> 'Accepted'"));
    }

    [Fact]
    public async Task A_post_interrupted_before_its_answer_was_recorded_is_not_posted_again()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello"));
        await InterruptMidPostAsync(bot, "Posting");

        await bot.DispatchAllAsync();

        Assert.Equal(0, bot.Connector.Requests);
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Failed' OR LastError NOT LIKE '%may or may not have delivered%'"));
    }

    [Fact]
    public async Task A_reply_the_connector_accepted_before_the_outbox_recorded_it_is_marked_sent_without_a_second_post()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello"));
        await InterruptMidPostAsync(bot, "Accepted");

        await bot.DispatchAllAsync();

        Assert.Equal(0, bot.Connector.Requests);
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Sent'"));
    }

    /// <summary>
    /// What a dispatcher that died mid-post leaves behind: the outbox row in Sending with a lapsed lease, and the
    /// journal at <paramref name="journalState"/> (Posting if it died before the answer, Accepted if after).
    /// </summary>
    private static async Task InterruptMidPostAsync(BotHarness bot, string journalState)
    {
        await bot.ExecuteAsync(
            "INSERT INTO ChatReplyAttempts (MessageId, State, Posts, UpdatedAt) " +
            $"SELECT MessageId, '{journalState}', 1, '2020-01-01T00:00:00.000Z' FROM Outbox; " +
            "UPDATE Outbox SET Status = 'Sending', Attempts = 1, LeaseToken = 'a0000000-0000-0000-0000-000000000001', " +
            "LeaseExpiresAt = '2000-01-01T00:00:00.000Z';");
    }
}
