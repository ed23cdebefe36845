namespace Hotline.Api.Tests.BotConnector;

/// <summary>
/// Tokens shaped in the ways the Bot Connector specification does not allow, or allows only narrowly: a
/// missing expiry or key id, another algorithm with the published key, an audience list, and keys that
/// cannot be fetched. Every refusal writes nothing.
/// </summary>
public sealed class TokenShapeTests
{
    [Fact]
    public async Task A_token_without_an_expiry_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        var payload = Claims(bot);
        payload.Remove("exp");

        await AssertRefusedAsync(bot, await PostAsync(bot, Rs256(bot, payload)), HttpStatusCode.Unauthorized, "no expiry");
    }

    [Fact]
    public async Task A_token_without_a_key_id_is_refused()
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" };
        await using var bot = await BotHarness.StartAsync();
        var token = ActivityTokens.Signed(header, Claims(bot), input => bot.Login.CurrentKey.Rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        await AssertRefusedAsync(bot, await PostAsync(bot, token), HttpStatusCode.Unauthorized, "(kid)");
    }

    [Theory]
    [InlineData("RS512")]
    [InlineData("PS256")]
    public async Task A_token_signed_with_the_published_RSA_key_but_another_algorithm_is_refused(string algorithm)
    {
        await using var bot = await BotHarness.StartAsync();
        var key = bot.Login.CurrentKey;
        var token = ActivityTokens.Signed(new JsonObject { ["alg"] = algorithm, ["kid"] = key.KeyId, ["typ"] = "JWT" }, Claims(bot), input =>
            algorithm == "RS512"
                ? key.Rsa.SignData(input, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1)
                : key.Rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));

        await AssertRefusedAsync(bot, await PostAsync(bot, token), HttpStatusCode.Unauthorized, "RS256");
    }

    [Fact]
    public async Task An_ES256_token_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = ActivityTokens.Signed(new JsonObject { ["alg"] = "ES256", ["kid"] = bot.Login.CurrentKey.KeyId, ["typ"] = "JWT" }, Claims(bot),
            input => ecdsa.SignData(input, HashAlgorithmName.SHA256));

        await AssertRefusedAsync(bot, await PostAsync(bot, token), HttpStatusCode.Unauthorized, "RS256");
    }

    [Fact]
    public async Task An_audience_list_that_names_this_bot_is_accepted()
    {
        await using var bot = await BotHarness.StartAsync();
        var payload = Claims(bot);
        payload["aud"] = new JsonArray("https://api.botframework.com", bot.AppId);

        var response = await PostAsync(bot, Rs256(bot, payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await bot.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
    }

    [Fact]
    public async Task An_audience_list_that_does_not_name_this_bot_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        var payload = Claims(bot);
        payload["aud"] = new JsonArray("https://api.botframework.com", Guid.NewGuid().ToString());

        await AssertRefusedAsync(bot, await PostAsync(bot, Rs256(bot, payload)), HttpStatusCode.Unauthorized, "audience");
    }

    [Fact]
    public async Task Unreachable_signing_key_metadata_answers_503_and_stores_nothing()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:OpenIdMetadataUrl"] = $"http://127.0.0.1:{ClosedPort()}/v1/.well-known/openidconfiguration",
        });

        await AssertRefusedAsync(bot, await PostAsync(bot, bot.Token()), HttpStatusCode.ServiceUnavailable, "could not be fetched");
    }

    private static JsonObject Claims(BotHarness bot) => new ActivityTokens.Claims(bot.AppId, bot.ServiceUrl).ToJson();

    private static string Rs256(BotHarness bot, JsonObject payload) => ActivityTokens.Rs256(bot.Login.CurrentKey.Rsa, bot.Login.CurrentKey.KeyId, payload);

    private static Task<HttpResponseMessage> PostAsync(BotHarness bot, string token) => bot.PostAsync(bot.Message("user-1", "hello").ToJsonString(), token);

    /// <summary>A port that was free a moment ago and has nothing listening now: a connection to it is refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task AssertRefusedAsync(BotHarness bot, HttpResponseMessage response, HttpStatusCode expected, string reason)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, await bot.WrittenRowsAsync());
    }
}
