using Hotline.Bot.ActivityProtocol;
using Microsoft.AspNetCore.TestHost;

namespace Hotline.Api.Tests.BotConnector;

/// <summary>Chat from the activity to the reply: the same engine, case queue and outbox as SMS.</summary>
public sealed class ChatFlowTests
{
    [Theory, DatabaseData]
    public async Task An_authenticated_message_queues_a_case_and_the_reply_is_posted_to_the_connector(DatabaseProvider engine)
    {
        await using var bot = await BotHarness.StartAsync(engine);
        const string conversation = "a:1Xy|0000;messageid=17";

        var response = await bot.SendAsync(bot.Message("user-1", "person", id: "act-1", conversation: conversation));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Cases WHERE Status = 'Queued'"));
        await bot.DispatchAllAsync();

        var queued = await bot.OutboundTextsAsync();
        Assert.NotEmpty(queued);
        Assert.Equal(queued.Order(StringComparer.Ordinal), bot.Connector.Replies.Select(r => (string)r.Activity["text"]!).Order(StringComparer.Ordinal));
        var reply = bot.Connector.Replies[0];
        Assert.Equal(conversation, reply.ConversationId);
        Assert.Equal("act-1", reply.ActivityId);
        Assert.StartsWith("Bearer ", reply.Authorization, StringComparison.Ordinal);
        Assert.True(bot.Login.IsIssued(reply.Authorization["Bearer ".Length..]));
        var activity = reply.Activity;
        Assert.Equal("message", (string?)activity["type"]);
        Assert.Equal(BotHarness.BotId, (string?)activity["from"]!["id"]);
        Assert.Equal(BotHarness.BotName, (string?)activity["from"]!["name"]);
        Assert.Equal("user-1", (string?)activity["recipient"]!["id"]);
        Assert.Equal(conversation, (string?)activity["conversation"]!["id"]);
        Assert.Equal("act-1", (string?)activity["replyToId"]);
        Assert.Equal("en-US", (string?)activity["locale"]);
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Sent'"));
    }

    [Theory, DatabaseData]
    public async Task A_repeated_activity_id_is_stored_once_and_answered_once(DatabaseProvider engine)
    {
        await using var bot = await BotHarness.StartAsync(engine);
        var activity = bot.Message("user-1", "hello", id: "act-1");
        Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(activity)).StatusCode);
        var repliesToOne = await bot.CountAsync("SELECT COUNT(*) FROM Outbox");

        Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(activity)).StatusCode);
        await bot.DispatchAllAsync();

        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
        Assert.Equal(repliesToOne, bot.Connector.Replies.Count);
    }

    [Fact]
    public async Task The_same_activity_id_on_another_channel_is_another_message()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.SendAsync(bot.Message("user-1", "hello", id: "1"));
        await bot.SendAsync(bot.Message("user-1", "hello", id: "1", channel: "msteams"));

        Assert.Equal(2, await bot.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
        Assert.Equal(2, await bot.CountAsync("SELECT COUNT(*) FROM Conversations WHERE Channel = 'Chat'"));
    }

    [Fact]
    public async Task The_activity_locale_is_given_to_the_conversation_engine()
    {
        await using var bot = await BotHarness.StartAsync();
        var engine = new RecordingEngine();
        await using var app = bot.App.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<IConversationEngine>(engine)));
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.Path)
        {
            Content = new StringContent(bot.Message("user-1", "namaste", locale: "ne-NP").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bot.Token());

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal("ne-NP", Assert.Single(engine.Messages).Locale);
    }

    [Fact]
    public async Task Opening_a_chat_welcomes_the_person_in_the_language_of_their_locale()
    {
        await using var bot = await BotHarness.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(bot.MembersAdded("user-1", id: "update-1", locale: "ne-NP"))).StatusCode);
        await bot.DispatchAllAsync();

        var reply = Assert.Single(bot.Connector.Replies);
        Assert.Equal(ChatWelcome.TextFor("ne"), (string?)reply.Activity["text"]);
        Assert.NotEqual(ChatWelcome.TextFor("en"), (string?)reply.Activity["text"]);
        Assert.Equal("update-1", reply.ActivityId);
        Assert.Equal("ne-NP", (string?)reply.Activity["locale"]);
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Cases"));
    }

    [Fact]
    public async Task A_conversationUpdate_that_adds_only_the_bot_sends_nothing()
    {
        await using var bot = await BotHarness.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(bot.MembersAdded("user-1", botOnly: true))).StatusCode);

        Assert.Equal(0, await bot.WrittenRowsAsync());
    }

    [Theory, DatabaseData]
    public async Task A_repeated_conversationUpdate_welcomes_once(DatabaseProvider engine)
    {
        await using var bot = await BotHarness.StartAsync(engine);
        var update = bot.MembersAdded("user-1", id: "update-1");

        await bot.SendAsync(update);
        await bot.SendAsync(update);
        await bot.DispatchAllAsync();

        Assert.Single(bot.Connector.Replies);
    }

    [Fact]
    public async Task Closing_the_chat_makes_the_conversation_quiet_and_cancels_replies_not_yet_sent()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "person"));
        Assert.NotEqual(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox"));

        Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(bot.EndOfConversation("user-1"))).StatusCode);
        await bot.DispatchAllAsync();

        Assert.Equal("Quiet", await bot.ScalarAsync("SELECT Status FROM Conversations"));
        Assert.Equal(ChatConversationEvents.ClosedReason, await bot.ScalarAsync("SELECT StatusReason FROM Conversations"));
        Assert.Equal(0, await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Cancelled'"));
        Assert.Empty(bot.Connector.Replies);
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'ConversationStatusChanged'"));
    }

    [Fact]
    public async Task Opening_the_chat_again_after_closing_it_sends_no_welcome()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello"));
        await bot.SendAsync(bot.EndOfConversation("user-1"));
        var before = await bot.CountAsync("SELECT COUNT(*) FROM Outbox");

        Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(bot.MembersAdded("user-1"))).StatusCode);

        Assert.Equal(before, await bot.CountAsync("SELECT COUNT(*) FROM Outbox"));
    }

    [Theory, DatabaseData]
    public async Task Opening_the_chat_again_during_a_live_case_sends_no_welcome_after_the_caseworker(DatabaseProvider engine)
    {
        await using var bot = await BotHarness.StartAsync(engine);
        await using var caseworker = await ChatCaseworker.StartAsync(bot);
        await bot.SendAsync(bot.Message("user-1", "person"));
        var (caseId, lease) = await caseworker.TakeAsync();
        await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?");
        await bot.DispatchAllAsync();
        var before = bot.Connector.Replies.Count;

        Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(bot.MembersAdded("user-1", locale: "ne-NP"))).StatusCode);
        await bot.DispatchAllAsync();

        Assert.Equal("I am here. Can you talk?", (string?)bot.Connector.Replies[^1].Activity["text"]);
        Assert.Equal(before, bot.Connector.Replies.Count);
    }

    [Fact]
    public async Task Opening_the_chat_again_in_the_middle_of_the_intake_sends_no_welcome()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendAsync(bot.Message("user-1", "hello"));
        await bot.DispatchAllAsync();
        var before = bot.Connector.Replies.Select(r => (string?)r.Activity["text"]).ToList();

        await bot.SendAsync(bot.MembersAdded("user-1"));
        await bot.DispatchAllAsync();

        Assert.NotEmpty(before);
        Assert.Equal(before, bot.Connector.Replies.Select(r => (string?)r.Activity["text"]));
    }

    [Fact]
    public async Task Opening_the_chat_again_after_the_case_was_closed_welcomes_them_once_more()
    {
        await using var bot = await BotHarness.StartAsync();
        await using var caseworker = await ChatCaseworker.StartAsync(bot);
        await bot.SendAsync(bot.Message("user-1", "person"));
        var (caseId, lease) = await caseworker.TakeAsync();
        await caseworker.ReplyAsync(caseId, lease, "You are safe now. Write any time.");
        await caseworker.CloseAsync(caseId, lease);
        await bot.DispatchAllAsync();

        await bot.SendAsync(bot.MembersAdded("user-1"));
        await bot.DispatchAllAsync();

        Assert.Equal(ChatWelcome.TextFor("en"), (string?)bot.Connector.Replies[^1].Activity["text"]);
    }

    [Theory, DatabaseData]
    public async Task Replies_follow_the_person_to_their_latest_bot_conversation(DatabaseProvider engine)
    {
        await using var bot = await BotHarness.StartAsync(engine);
        await bot.SendAsync(bot.Message("user-1", "hello", conversation: "first"));
        await bot.DispatchAllAsync();
        var first = bot.Connector.Replies.Count;

        await bot.SendAsync(bot.Message("user-1", "HELP", id: "act-2", conversation: "second"));
        await bot.DispatchAllAsync();

        Assert.NotEqual(0, first);
        Assert.All(bot.Connector.Replies.Take(first), r => Assert.Equal("first", r.ConversationId));
        var later = bot.Connector.Replies.Skip(first).ToList();
        Assert.NotEmpty(later);
        Assert.All(later, r => Assert.Equal(("second", "act-2"), (r.ConversationId, r.ActivityId)));
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Conversations"));
    }

    [Fact]
    public async Task Chat_ids_names_and_texts_never_reach_the_sqlite_file_or_its_wal_in_the_clear()
    {
        await using var bot = await BotHarness.StartAsync();
        const string user = "CANARYUSER77";
        const string conversation = "CANARYCONVERSATION";
        const string activityId = "CANARYACTIVITY";
        const string text = "CANARY-passport-taken";

        await bot.SendAsync(bot.MembersAdded(user, id: "CANARYUPDATE"));
        await bot.SendAsync(bot.Message(user, text, id: activityId, conversation: conversation));
        await bot.DispatchAllAsync();

        var raw = Directory.GetFiles(bot.App.Folder, "hotline.db*").Select(File.ReadAllBytes).ToList();
        string[] canaries = [user, $"{user} name", conversation, activityId, "CANARYUPDATE", text];
        var found = canaries.Where(canary => raw.Any(bytes =>
            bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(canary)) >= 0)).ToList();
        Assert.Empty(found);
        Assert.NotEmpty(bot.Connector.Replies);
    }

    /// <summary>A caseworker in the console, through the hub as the console calls it.</summary>
    private sealed class ChatCaseworker(HubConnection hub) : IAsyncDisposable
    {
        public static async Task<ChatCaseworker> StartAsync(BotHarness bot)
        {
            var user = await SignedInClient.AddUserAsync(bot.App, $"cw-{Guid.NewGuid():N}", UserRole.Caseworker, "en", "ne");
            var hub = (await SignedInClient.SignInAsync(bot.App, user)).Hub();
            await hub.StartAsync(TestContext.Current.CancellationToken);
            return new ChatCaseworker(hub);
        }

        public async Task<(Guid CaseId, Guid Lease)> TakeAsync()
        {
            var taken = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), TestContext.Current.CancellationToken);
            Assert.True(taken.Ok, taken.Refusal);
            return (taken.Value!.Case.Id, taken.Value.LeaseToken!.Value);
        }

        public async Task ReplyAsync(Guid caseId, Guid lease, string text)
        {
            var answer = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), caseId, lease, text, Guid.NewGuid(),
                TestContext.Current.CancellationToken);
            Assert.True(answer.Ok, answer.Refusal);
        }

        public async Task CloseAsync(Guid caseId, Guid lease)
        {
            var closed = await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.CloseCase), caseId, lease, "resolved", null,
                TestContext.Current.CancellationToken);
            Assert.True(closed.Ok, closed.Refusal);
        }

        public ValueTask DisposeAsync() => hub.DisposeAsync();
    }

    private sealed class RecordingEngine : IConversationEngine
    {
        private readonly IntakeEngine _inner = IntakeEngine.CreateDefault();

        public List<InboundMessage> Messages { get; } = [];

        public EngineTurn Handle(ConversationSnapshot conversation, InboundMessage message)
        {
            lock (Messages)
            {
                Messages.Add(message);
            }

            return _inner.Handle(conversation, message);
        }

        public EngineTurn Tick(ConversationSnapshot conversation, DateTimeOffset now) => _inner.Tick(conversation, now);

        public string? CaseworkerAskedIfSafe(ConversationSnapshot conversation) => _inner.CaseworkerAskedIfSafe(conversation);

        public EngineTurn? SilencedWithoutTurn(ConversationSnapshot conversation, InboundMessage message) =>
            _inner.SilencedWithoutTurn(conversation, message);
    }
}
