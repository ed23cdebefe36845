namespace Hotline.Api.Tests.Twilio;

/// <summary>A hotline run with <c>Twilio:Enabled=false</c> says its replies were not sent; none looks delivered.</summary>
public sealed class TwilioDisabledTests
{
    private const string AuthToken = "disabled-twilio-token";

    [Fact]
    public async Task With_twilio_turned_off_outside_development_every_reply_is_marked_not_sent()
    {
        await using var app = new HotlineApp(new Dictionary<string, string?>
        {
            ["Hotline:PublicBaseUrl"] = TwilioHarness.PublicBaseUrl,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:Enabled"] = "false",
            ["Hotline:Outbox:RunDispatcher"] = "false",
        }, environment: "Production");
        var fields = TwilioHarness.InboundFields("+9779800000601", "hello");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/sms") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", TwilioHarness.Sign(AuthToken, TwilioHarness.PublicBaseUrl + "/twilio/sms", fields));
        (await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await app.DispatchAllAsync();

        Assert.Equal("failed|Not sent: Twilio is disabled (Twilio:Enabled=false).",
            await app.ScalarAsync("SELECT DeliveryStatus || '|' || DeliveryError FROM Messages WHERE Direction = 'Outbound'"));
        Assert.Equal(0L, await app.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Outbound' AND DeliveryStatus <> 'failed'"));
    }
}
