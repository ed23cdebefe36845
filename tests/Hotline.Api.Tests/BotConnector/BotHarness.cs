namespace Hotline.Api.Tests.BotConnector;

/// <summary>
/// The real host configured as a single-tenant bot, with Bot Framework's login services and the Bot Connector
/// stood up on 127.0.0.1. The dispatcher does not run in the background: tests send the outbox with
/// <see cref="DispatchAllAsync"/>, so what happens between a reply being queued and being posted is theirs.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://hotline.example.org";
    public const string Channel = "webchat";
    public const string BotId = "hotline-bot@abc";
    public const string BotName = "Assistant";
    public static readonly string[] EndorsedChannels = [Channel, "msteams", "directline"];

    private BotHarness(FakeLoginServer login, FakeConnector connector, HotlineApp app)
    {
        Login = login;
        Connector = connector;
        App = app;
        Client = app.CreateClient();
    }

    public FakeLoginServer Login { get; }

    public FakeConnector Connector { get; }

    public HotlineApp App { get; }

    public HttpClient Client { get; }

    public string AppId => Login.AppId;

    public string ServiceUrl => Connector.ServiceUrl.ToString();

    public static Task<BotHarness> StartAsync(IDictionary<string, string?>? settings = null) => StartAsync(DatabaseProvider.Sqlite, settings);

    /// <summary>The harness over a fresh database on <paramref name="engine"/> (see <see cref="HotlineApp.CreateAsync"/>).</summary>
    public static Task<BotHarness> StartAsync(DatabaseProvider engine, IDictionary<string, string?>? settings = null) =>
        // The database is made (or the test skipped) before the stand-ins start: a skipped test leaves nothing behind.
        HostDatabase.FreshAsync(engine, database => StartAsync(database, settings));

    /// <summary>The harness over <paramref name="database"/>, which other hosts run on before, after or beside it (see <see cref="HostDatabase"/>).</summary>
    public static async Task<BotHarness> StartAsync(HostDatabase database, IDictionary<string, string?>? settings = null)
    {
        var login = await FakeLoginServer.StartAsync(
            Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), EndorsedChannels);
        var connector = await FakeConnector.StartAsync(login.IsIssued);
        var all = new Dictionary<string, string?>
        {
            ["Hotline:PublicBaseUrl"] = PublicBaseUrl,
            ["Bot:AppId"] = login.AppId,
            ["Bot:AppPassword"] = login.AppPassword,
            ["Bot:TenantId"] = login.TenantId,
            ["Bot:OpenIdMetadataUrl"] = login.MetadataUrl,
            ["Bot:TokenEndpoint"] = login.TokenEndpoint,
            ["Hotline:Outbox:RunDispatcher"] = "false",
            ["Hotline:Outbox:RetryBaseMilliseconds"] = "1",
            ["Hotline:Outbox:RetryMaxSeconds"] = "1",
            ["Hotline:Outbox:MaxAttempts"] = "4",
        };
        return new BotHarness(login, connector, await HotlineApp.CreateAsync(database, HotlineApp.Overridden(all, settings)));
    }

    public static string NewId(string prefix) => $"{prefix}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";

    /// <summary>A message activity as Web Chat's channel delivers it, from <paramref name="user"/> to the bot.</summary>
    public JsonObject Message(string user, string text, string? id = null, string? conversation = null, string? locale = "en-US",
        string channel = Channel) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? NewId("act-"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = ServiceUrl,
        ["channelId"] = channel,
        ["from"] = new JsonObject { ["id"] = user, ["name"] = $"{user} name", ["role"] = "user" },
        ["conversation"] = new JsonObject { ["id"] = conversation ?? $"conv|{user}" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName, ["role"] = "bot" },
        ["textFormat"] = "plain",
        ["locale"] = locale,
        ["text"] = text,
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "ClientCapabilities", ["requiresBotState"] = true }),
        ["channelData"] = new JsonObject { ["clientActivityID"] = NewId("client-") },
    };

    /// <summary>The conversationUpdate a channel sends when a person opens a chat: the bot and the person are added.</summary>
    public JsonObject MembersAdded(string user, string? id = null, string? locale = "en-US", bool botOnly = false)
    {
        var activity = Message(user, "", id, locale: locale);
        activity["type"] = "conversationUpdate";
        activity.Remove("text");
        var members = new JsonArray(new JsonObject { ["id"] = BotId, ["name"] = BotName });
        if (!botOnly)
        {
            members.Add(new JsonObject { ["id"] = user, ["name"] = $"{user} name" });
        }

        activity["membersAdded"] = members;
        return activity;
    }

    public JsonObject EndOfConversation(string user)
    {
        var activity = Message(user, "");
        activity["type"] = "endOfConversation";
        activity["code"] = "userCancelled";
        activity.Remove("text");
        return activity;
    }

    /// <summary>A valid token for an activity sent to <paramref name="serviceUrl"/> (the connector's by default).</summary>
    public string Token(string? serviceUrl = null) => Login.CurrentKey.Sign(new ActivityTokens.Claims(AppId, serviceUrl ?? ServiceUrl));

    public Task<HttpResponseMessage> SendAsync(JsonObject activity) => PostAsync(activity.ToJsonString(), Token());

    public async Task<HttpResponseMessage> PostAsync(string body, string? token, string contentType = "application/json; charset=utf-8")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } },
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task DispatchAllAsync() => App.DispatchAllAsync();

    public Task<long> CountAsync(string sql) => App.CountAsync(sql);

    public Task<string?> ScalarAsync(string sql) => App.ScalarAsync(sql);

    public Task ExecuteAsync(string sql) => App.ExecuteAsync(sql);

    /// <summary>The texts of the replies the hotline queued, decrypted by the product's own repository, oldest first.</summary>
    public async Task<IReadOnlyList<string>> OutboundTextsAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = App.Services.GetRequiredService<Database>();
        var messages = App.Services.GetRequiredService<MessageRepository>();
        await using var session = await database.OpenAsync(ct);
        var ids = await session.Connection.QueryAsync<Guid>("SELECT Id FROM Messages WHERE Direction = 'Outbound' ORDER BY CreatedAt, Id");
        var texts = new List<string>();
        foreach (var id in ids)
        {
            texts.Add((await messages.FindByIdAsync(session, id, ct))!.Body);
        }

        return texts;
    }

    /// <summary>Rows a refused request must not have written: conversations, messages, routes, seen activities.</summary>
    public async Task<long> WrittenRowsAsync() =>
        await CountAsync("SELECT (SELECT COUNT(*) FROM Conversations) + (SELECT COUNT(*) FROM Messages) + " +
            "(SELECT COUNT(*) FROM ChatRoutes) + (SELECT COUNT(*) FROM ChatActivities) + (SELECT COUNT(*) FROM Outbox)");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await Login.DisposeAsync();
    }
}
