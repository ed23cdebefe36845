using Hotline.Api.Media;
using Hotline.Api.PhoneSimulator;

namespace Hotline.Api.Tests.Twilio;

public sealed class SimulatorTests
{
    [Fact]
    public async Task A_simulated_phone_posts_a_correctly_signed_webhook_and_sees_the_reply()
    {
        await using var app = new HotlineApp(new Dictionary<string, string?>
        {
            ["Hotline:PublicBaseUrl"] = "http://localhost:5238",
            ["Twilio:AuthToken"] = "simulator-token",
            ["Hotline:Outbox:PollMilliseconds"] = "20",
        });
        var client = app.CreateClient();

        var response = await SendFromPhoneAsync(client, "namaste");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var phone = await WaitForLinesAsync(client, 3);
        Assert.Equal(["Inbound", "Outbound", "Outbound"], phone.Lines.Select(l => l.Direction));
        Assert.Equal("Reply with the number of your language.", phone.Lines[1].Body);
        Assert.False(phone.OptedOut);
    }

    [Fact]
    public async Task After_STOP_the_simulated_phone_gets_no_reply_and_says_the_number_opted_out()
    {
        await using var app = new HotlineApp(new Dictionary<string, string?>
        {
            ["Hotline:PublicBaseUrl"] = "http://localhost:5238",
            ["Twilio:AuthToken"] = "simulator-token",
            ["Hotline:Outbox:PollMilliseconds"] = "20",
        });
        var client = app.CreateClient();
        await SendFromPhoneAsync(client, "namaste");
        await WaitForLinesAsync(client, 3);

        await SendFromPhoneAsync(client, "STOP");
        await app.DispatchAllAsync();

        var phone = await client.GetFromJsonAsync<SimulatorEndpoints.SimulatedPhone>("/simulator/sms/messages?from=%2B9779800000707", Ct);
        Assert.True(phone!.OptedOut);
        Assert.Equal(["Inbound", "Outbound", "Outbound", "Inbound"], phone.Lines.Select(l => l.Direction));
    }

    [Fact]
    public async Task The_simulator_page_has_no_inline_style_the_content_security_policy_would_block_and_its_stylesheet_is_served()
    {
        await using var app = new HotlineApp(new Dictionary<string, string?> { ["Hotline:PublicBaseUrl"] = "http://localhost:5238" });
        var client = app.CreateClient();

        var page = await client.GetStringAsync("/simulator/", Ct);
        using var stylesheet = await client.GetAsync("/simulator/simulator.css", Ct);

        Assert.DoesNotContain("<style", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/simulator/simulator.css\">", page, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "text/css"), (stylesheet.StatusCode, stylesheet.Content.Headers.ContentType?.MediaType));
    }

    [Theory]
    [InlineData("/simulator/")]
    [InlineData("/simulator/chat/")]
    public async Task Each_simulator_page_loads_the_shared_transcript_script_before_its_own_and_the_script_is_served(string pagePath)
    {
        await using var app = new HotlineApp(new Dictionary<string, string?> { ["Hotline:PublicBaseUrl"] = "http://localhost:5238" });
        var client = app.CreateClient();

        var page = await client.GetStringAsync(pagePath, Ct);
        using var script = await client.GetAsync("/simulator/simulator.transcript.js", Ct);

        var shared = page.IndexOf("<script src=\"/simulator/simulator.transcript.js\" defer></script>", StringComparison.Ordinal);
        var own = page.IndexOf("<script src=\"/simulator/", shared + 1, StringComparison.Ordinal);
        Assert.True(shared >= 0 && own > shared, $"{pagePath} does not load the transcript script before its own.");
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (script.StatusCode, script.Content.Headers.ContentType?.MediaType));
        Assert.Contains("function showTranscript(transcript, lines)", await script.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Every simulator route, the sample photos and the stand-in for Twilio's media included (a review found only the page checked).</summary>
    [Theory]
    [InlineData("GET", "/simulator/")]
    [InlineData("GET", "/simulator/photos")]
    [InlineData("POST", "/simulator/sms/sign")]
    [InlineData("GET", "/simulator/chat/")]
    [InlineData("GET", SimulatedMediaPath)]
    [InlineData("DELETE", SimulatedMediaPath + ".json")]
    public async Task The_simulator_does_not_exist_outside_development(string method, string path)
    {
        await using var app = HotlineApp.InProduction();

        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        // Either answer means no route of the simulator took the request (routing answers some other methods 405).
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
    }

    private const string SimulatedMediaPath =
        SimulatorMediaOrigin.BasePath + "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages/MM00000000000000000000000000000000/Media/ME00000000000000000000000000000000";

    /// <summary>From a review: the simulator answers anyone with any number's transcript, and signs webhooks with the token.</summary>
    [Fact]
    public async Task The_phone_simulator_does_not_exist_in_development_while_a_real_twilio_account_is_configured()
    {
        await using var app = new HotlineApp(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "AC00000000000000000000000000000000",
            ["Twilio:AuthToken"] = "a-real-looking-token",
            ["Twilio:PhoneNumber"] = "+15005550006",
        });
        var client = app.CreateClient();

        var page = await client.GetAsync("/simulator/", Ct);
        var transcript = await client.GetAsync("/simulator/sms/messages?from=%2B9779800000707", Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (page.StatusCode, transcript.StatusCode));
    }

    private static async Task<HttpResponseMessage> SendFromPhoneAsync(HttpClient client, string body)
    {
        var signed = await (await client.PostAsJsonAsync("/simulator/sms/sign",
            new SimulatorEndpoints.SignRequest("+9779800000707", body, false), Ct)).Content.ReadFromJsonAsync<SimulatorEndpoints.SignedWebhook>(Ct);
        using var webhook = new HttpRequestMessage(HttpMethod.Post, signed!.Url) { Content = new FormUrlEncodedContent(signed.Fields) };
        webhook.Headers.Add("X-Twilio-Signature", signed.Signature);
        return await client.SendAsync(webhook, Ct);
    }

    private static async Task<SimulatorEndpoints.SimulatedPhone> WaitForLinesAsync(HttpClient client, int count)
    {
        SimulatorEndpoints.SimulatedPhone? phone = null;
        await Poll.UntilAsync(async () =>
        {
            phone = await client.GetFromJsonAsync<SimulatorEndpoints.SimulatedPhone>("/simulator/sms/messages?from=%2B9779800000707", Ct);
            return phone!.Lines.Count >= count;
        }, $"{count} lines on the simulated phone", TimeSpan.FromSeconds(5));
        return phone!;
    }
}
