namespace Hotline.Api.Tests.BotConnector;

/// <summary>The Bot Connector authentication specification, one requirement per test: every refusal writes nothing.</summary>
public sealed class InboundAuthenticationTests
{
    [Fact]
    public async Task A_correct_token_is_accepted_and_the_message_stored()
    {
        await using var bot = await BotHarness.StartAsync();

        var response = await bot.SendAsync(bot.Message("user-1", "hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
    }

    [Fact]
    public async Task A_request_without_an_Authorization_header_is_refused_with_401()
    {
        await using var bot = await BotHarness.StartAsync();

        var response = await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token: null);

        await AssertRefusedAsync(bot, response, HttpStatusCode.Unauthorized, "Bearer");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_token_with_a_bad_signature_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        using var impostor = RSA.Create(2048);
        var token = ActivityTokens.Rs256(impostor, bot.Login.CurrentKey.KeyId, new ActivityTokens.Claims(bot.AppId, bot.ServiceUrl));

        await AssertRefusedAsync(bot, await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token), HttpStatusCode.Unauthorized, "signature");
    }

    [Fact]
    public async Task A_token_signed_with_an_unpublished_key_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        using var unknown = RSA.Create(2048);
        var token = ActivityTokens.Rs256(unknown, "never-published", new ActivityTokens.Claims(bot.AppId, bot.ServiceUrl));

        await AssertRefusedAsync(bot, await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token), HttpStatusCode.Unauthorized, "signing key");
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        var token = bot.Login.CurrentKey.Sign(new ActivityTokens.Claims(bot.AppId, bot.ServiceUrl, Issuer: "https://sts.windows.net/attacker/"));

        await AssertRefusedAsync(bot, await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token), HttpStatusCode.Unauthorized, "issuer");
    }

    [Fact]
    public async Task A_token_for_another_bot_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        var token = bot.Login.CurrentKey.Sign(new ActivityTokens.Claims(Guid.NewGuid().ToString(), bot.ServiceUrl));

        await AssertRefusedAsync(bot, await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token), HttpStatusCode.Unauthorized, "audience");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var token = bot.Login.CurrentKey.Sign(new ActivityTokens.Claims(bot.AppId, bot.ServiceUrl, NotBefore: now.AddHours(-1), Expires: now.AddMinutes(-6)));

        await AssertRefusedAsync(bot, await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token), HttpStatusCode.Unauthorized, "expired");
    }

    [Fact]
    public async Task A_token_expired_less_than_five_minutes_ago_is_accepted_within_the_clock_skew()
    {
        await using var bot = await BotHarness.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var token = bot.Login.CurrentKey.Sign(new ActivityTokens.Claims(bot.AppId, bot.ServiceUrl, NotBefore: now.AddHours(-1), Expires: now.AddMinutes(-3)));

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token)).StatusCode);
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var token = bot.Login.CurrentKey.Sign(new ActivityTokens.Claims(bot.AppId, bot.ServiceUrl, NotBefore: now.AddMinutes(6), Expires: now.AddHours(1)));

        await AssertRefusedAsync(bot, await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token), HttpStatusCode.Unauthorized, "not valid yet");
    }

    [Fact]
    public async Task A_token_whose_serviceUrl_differs_from_the_activity_is_refused_with_403()
    {
        await using var bot = await BotHarness.StartAsync();
        var token = bot.Token(serviceUrl: "https://attacker.example.net/");

        await AssertRefusedAsync(bot, await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token), HttpStatusCode.Forbidden, "serviceUrl");
    }

    [Fact]
    public async Task A_token_without_a_serviceUrl_claim_is_refused_with_403()
    {
        await using var bot = await BotHarness.StartAsync();
        var token = bot.Login.CurrentKey.Sign(new ActivityTokens.Claims(bot.AppId, ServiceUrl: null));

        await AssertRefusedAsync(bot, await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token), HttpStatusCode.Forbidden, "serviceUrl");
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_activity_channel_is_refused_with_403()
    {
        await using var bot = await BotHarness.StartAsync();

        var response = await bot.PostAsync(bot.Message("user-1", "hello", channel: "slack").ToJsonString(), bot.Token());

        await AssertRefusedAsync(bot, response, HttpStatusCode.Forbidden, "endorsed");
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        var token = ActivityTokens.Unsigned(new ActivityTokens.Claims(bot.AppId, bot.ServiceUrl));

        await AssertRefusedAsync(bot, await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token), HttpStatusCode.Unauthorized, "RS256");
    }

    [Fact]
    public async Task An_HS256_token_keyed_with_the_published_public_key_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        var key = bot.Login.CurrentKey;
        var token = ActivityTokens.Hs256WithPublicKey(key.Rsa, key.KeyId, new ActivityTokens.Claims(bot.AppId, bot.ServiceUrl));

        await AssertRefusedAsync(bot, await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token), HttpStatusCode.Unauthorized, "RS256");
    }

    [Fact]
    public async Task A_token_that_is_not_a_JWT_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();

        await AssertRefusedAsync(bot, await bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), "not-a-token"), HttpStatusCode.Unauthorized, "JSON Web Token");
    }

    [Fact]
    public async Task A_token_signed_with_a_new_key_after_a_rollover_is_accepted()
    {
        await using var bot = await BotHarness.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(bot.Message("user-1", "before"))).StatusCode);

        bot.Login.RollOver();
        var response = await bot.SendAsync(bot.Message("user-1", "after"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, bot.Login.KeySetRequests);
        Assert.Equal(2, await bot.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
    }

    [Fact]
    public async Task The_signing_keys_are_fetched_once_for_many_activities()
    {
        await using var bot = await BotHarness.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(bot.Message("user-1", $"message {i}"))).StatusCode);
        }

        Assert.Equal(1, bot.Login.MetadataRequests);
        Assert.Equal(1, bot.Login.KeySetRequests);
    }

    private static async Task AssertRefusedAsync(BotHarness bot, HttpResponseMessage response, HttpStatusCode expected, string reason)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, await bot.WrittenRowsAsync());
    }
}
