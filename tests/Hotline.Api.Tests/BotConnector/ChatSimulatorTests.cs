using Hotline.Api.PhoneSimulator;
using Hotline.Bot.ActivityProtocol;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Api.Tests.BotConnector;

/// <summary>Trying chat locally: the simulator's chat mode in Development, and chat switched off elsewhere.</summary>
public sealed class ChatSimulatorTests
{
    [Fact]
    public async Task The_chat_simulator_signs_an_activity_that_api_messages_accepts_and_shows_the_reply()
    {
        await using var app = new HotlineApp(new Dictionary<string, string?>
        {
            ["Hotline:PublicBaseUrl"] = "http://localhost:5238",
            ["Hotline:Outbox:PollMilliseconds"] = "20",
        });
        var client = app.CreateClient();
        var signing = await client.PostAsJsonAsync("/simulator/chat/sign",
            new ChatSimulatorEndpoints.ChatSignRequest("message", "sim_user", null, "hello", "en-US"), Ct);
        var signed = (await signing.Content.ReadFromJsonAsync<ChatSimulatorEndpoints.SignedActivity>(Ct))!;

        using var post = new HttpRequestMessage(HttpMethod.Post, signed.Url)
        {
            Content = new StringContent(signed.Activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signed.Token);
        var response = await client.SendAsync(post, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var transcript = await WaitForReplyAsync(client);
        Assert.Equal("Inbound", transcript[0].Direction);
        Assert.Contains(transcript, line => line.Direction == "Outbound");
    }

    [Fact]
    public async Task The_local_metadata_publishes_the_simulator_key_endorsed_for_its_channel()
    {
        await using var app = new HotlineApp(new Dictionary<string, string?> { ["Hotline:PublicBaseUrl"] = "http://localhost:5238" });
        var client = app.CreateClient();

        var metadata = await client.GetFromJsonAsync<Dictionary<string, object>>(DevelopmentBotIssuer.MetadataPath, Ct);
        var keys = new JsonWebKeySet(await client.GetStringAsync(DevelopmentBotIssuer.KeysPath, Ct));

        Assert.Equal("http://localhost:5238" + DevelopmentBotIssuer.KeysPath, metadata!["jwks_uri"].ToString());
        var key = Assert.Single(keys.Keys);
        Assert.Equal([DevelopmentBotIssuer.ChannelId], BotAuthentication.ReadEndorsements(key.AdditionalData["endorsements"]));
    }

    [Fact]
    public async Task The_chat_simulator_refuses_to_sign_when_a_real_bot_is_configured()
    {
        await using var bot = await BotHarness.StartAsync();

        var response = await bot.Client.PostAsJsonAsync("/simulator/chat/sign",
            new ChatSimulatorEndpoints.ChatSignRequest("message", "sim_user", null, "hello", "en-US"), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Without_Bot_AppId_outside_Development_api_messages_answers_503_and_says_why()
    {
        await using var app = HotlineApp.InProduction();
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.Path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "x.y.z");

        var response = await app.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Bot:AppId", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_AppId_without_a_password_stops_the_start_naming_the_key()
    {
        var environment = TestKeys.AsConfiguration().ToDictionary(k => k.Key.Replace(":", "__", StringComparison.Ordinal), k => k.Value!);
        environment["Hotline__PublicBaseUrl"] = "https://hotline.example.org";
        environment["Twilio__AuthToken"] = "an-auth-token";
        environment["Bot__AppId"] = Guid.NewGuid().ToString();
        environment["Bot__TenantId"] = Guid.NewGuid().ToString();

        var outcome = await ApiProcess.RunAsync(environment, TimeSpan.FromSeconds(60));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Bot:AppPassword", Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static async Task<List<ChatSimulatorEndpoints.ChatLine>> WaitForReplyAsync(HttpClient client)
    {
        List<ChatSimulatorEndpoints.ChatLine> lines = [];
        await Poll.UntilAsync(async () =>
        {
            lines = await client.GetFromJsonAsync<List<ChatSimulatorEndpoints.ChatLine>>("/simulator/chat/messages?user=sim_user", Ct) ?? [];
            return lines.Any(l => l.Direction == "Outbound");
        }, "the bot's reply in the chat simulator's transcript", TimeSpan.FromSeconds(5));
        return lines;
    }
}
