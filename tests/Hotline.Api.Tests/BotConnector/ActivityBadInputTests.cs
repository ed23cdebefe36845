namespace Hotline.Api.Tests.BotConnector;

/// <summary>Bad bodies from an authenticated caller: a 4xx with a reason and nothing written, or ignored where the protocol says so; never a 5xx.</summary>
public sealed class ActivityBadInputTests
{
    [Fact]
    public async Task Malformed_JSON_is_refused_with_400()
    {
        await using var bot = await BotHarness.StartAsync();

        await AssertRefusedAsync(bot, await bot.PostAsync("{\"type\": \"message\", ", bot.Token()), HttpStatusCode.BadRequest, "not a valid activity");
    }

    [Fact]
    public async Task A_JSON_value_that_is_not_an_object_is_refused_with_400()
    {
        await using var bot = await BotHarness.StartAsync();

        await AssertRefusedAsync(bot, await bot.PostAsync("[1, 2]", bot.Token()), HttpStatusCode.BadRequest, "not a valid activity");
    }

    [Fact]
    public async Task A_message_without_conversation_is_refused_with_400()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.Message("user-1", "hello");
        activity.Remove("conversation");

        await AssertRefusedAsync(bot, await bot.PostAsync(activity.ToJsonString(), bot.Token()), HttpStatusCode.BadRequest, "conversation is required");
    }

    [Fact]
    public async Task A_message_without_from_is_refused_with_400()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.Message("user-1", "hello");
        activity.Remove("from");

        await AssertRefusedAsync(bot, await bot.PostAsync(activity.ToJsonString(), bot.Token()), HttpStatusCode.BadRequest, "from is required");
    }

    [Fact]
    public async Task A_message_without_serviceUrl_is_refused_with_400()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.Message("user-1", "hello");
        activity.Remove("serviceUrl");

        await AssertRefusedAsync(bot, await bot.PostAsync(activity.ToJsonString(), bot.Token()), HttpStatusCode.BadRequest, "serviceUrl is required");
    }

    [Fact]
    public async Task A_message_without_an_id_is_refused_with_400()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.Message("user-1", "hello");
        activity.Remove("id");

        await AssertRefusedAsync(bot, await bot.PostAsync(activity.ToJsonString(), bot.Token()), HttpStatusCode.BadRequest, "id is required");
    }

    [Fact]
    public async Task A_body_over_256_KB_is_refused_with_413()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.Message("user-1", "hello");
        activity["channelData"] = new JsonObject { ["padding"] = new string('x', 300 * 1024) };

        await AssertRefusedAsync(bot, await bot.PostAsync(activity.ToJsonString(), bot.Token()), HttpStatusCode.RequestEntityTooLarge, "larger than");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_415()
    {
        await using var bot = await BotHarness.StartAsync();

        var response = await bot.PostAsync("type=message", bot.Token(), "application/x-www-form-urlencoded");

        await AssertRefusedAsync(bot, response, HttpStatusCode.UnsupportedMediaType, "application/json");
    }

    [Fact]
    public async Task A_repeated_field_is_refused_with_400()
    {
        await using var bot = await BotHarness.StartAsync();
        var json = bot.Message("user-1", "hello").ToJsonString();
        var repeated = json.Insert(1, "\"text\":\"first\",");

        await AssertRefusedAsync(bot, await bot.PostAsync(repeated, bot.Token()), HttpStatusCode.BadRequest, "not a valid activity");
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_refused_with_400()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.Message("user-1", "hello");
        activity["from"] = "user-1";

        await AssertRefusedAsync(bot, await bot.PostAsync(activity.ToJsonString(), bot.Token()), HttpStatusCode.BadRequest, "not a valid activity");
    }

    [Fact]
    public async Task A_serviceUrl_that_is_not_https_is_refused_with_400()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.Message("user-1", "hello");
        activity["serviceUrl"] = "http://connector.example.net/";

        var response = await bot.PostAsync(activity.ToJsonString(), bot.Token(serviceUrl: "http://connector.example.net/"));

        await AssertRefusedAsync(bot, response, HttpStatusCode.BadRequest, "https");
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_and_the_message_is_stored()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.Message("user-1", "hello");
        activity["somethingNew"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };
        ((JsonObject)activity["from"]!)["aadObjectId"] = Guid.NewGuid().ToString();

        var response = await bot.PostAsync(activity.ToJsonString(), bot.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
    }

    [Fact]
    public async Task A_malformed_locale_is_ignored_and_the_message_is_stored()
    {
        await using var bot = await BotHarness.StartAsync();

        var response = await bot.SendAsync(bot.Message("user-1", "hello", locale: "<script>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
    }

    [Fact]
    public async Task An_activity_of_an_unknown_type_is_acknowledged_and_ignored()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.Message("user-1", "");
        activity["type"] = "typing";

        var response = await bot.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await bot.WrittenRowsAsync());
    }

    [Fact]
    public async Task A_type_that_differs_only_in_case_is_not_a_message()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.Message("user-1", "hello");
        activity["type"] = "Message";

        var response = await bot.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await bot.WrittenRowsAsync());
    }

    [Fact]
    public async Task A_message_in_a_group_conversation_is_acknowledged_and_ignored()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.Message("user-1", "hello");
        activity["conversation"] = new JsonObject { ["id"] = "19:group@thread.v2", ["isGroup"] = true };

        var response = await bot.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await bot.WrittenRowsAsync());
    }

    private static async Task AssertRefusedAsync(BotHarness bot, HttpResponseMessage response, HttpStatusCode expected, string reason)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, await bot.WrittenRowsAsync());
    }
}
