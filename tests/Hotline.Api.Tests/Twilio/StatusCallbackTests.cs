namespace Hotline.Api.Tests.Twilio;

public sealed class StatusCallbackTests
{
    private const string Worker = "+9779800000505";

    private static Dictionary<string, string> Callback(string sid, string status) => TwilioHarness.StatusFields(Worker, sid, status);

    private static async Task<string> SendOneReplyAsync(TwilioHarness harness)
    {
        await harness.TextAsync(Worker, "hello");
        await harness.DispatchAllAsync();
        return harness.Twilio.Created.Single().Sid;
    }

    [Fact]
    public async Task Delivery_callbacks_move_the_status_forward()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var sid = await SendOneReplyAsync(harness);

        await harness.PostSignedAsync("/twilio/status", Callback(sid, "sent"));
        await harness.PostSignedAsync("/twilio/status", Callback(sid, "delivered"));

        Assert.Equal("delivered", await harness.ScalarAsync("SELECT DeliveryStatus FROM Messages WHERE Direction = 'Outbound'"));
    }

    [Fact]
    public async Task A_late_sent_callback_after_delivered_does_not_move_the_status_back()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var sid = await SendOneReplyAsync(harness);

        await harness.PostSignedAsync("/twilio/status", Callback(sid, "delivered"));
        await harness.PostSignedAsync("/twilio/status", Callback(sid, "sent"));
        await harness.PostSignedAsync("/twilio/status", Callback(sid, "queued"));

        Assert.Equal("delivered", await harness.ScalarAsync("SELECT DeliveryStatus FROM Messages WHERE Direction = 'Outbound'"));
    }

    [Fact]
    public async Task An_undelivered_callback_records_the_failure_with_twilios_error_code()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var sid = await SendOneReplyAsync(harness);
        var callback = Callback(sid, "undelivered");
        callback["ErrorCode"] = "30003";

        await harness.PostSignedAsync("/twilio/status", callback);

        Assert.Equal("undelivered|Twilio error 30003: the handset is unreachable",
            await harness.ScalarAsync("SELECT DeliveryStatus || '|' || DeliveryError FROM Messages WHERE Direction = 'Outbound'"));
    }

    [Fact]
    public async Task A_callback_for_a_send_not_yet_recorded_is_kept_until_it_is()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello");
        var early = Callback("SM" + new string('e', 32), "delivered");
        await harness.PostSignedAsync("/twilio/status", early);

        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM EarlyDeliveryStatuses"));
    }

    [Fact]
    public async Task An_unsigned_status_callback_is_refused_and_changes_nothing()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var sid = await SendOneReplyAsync(harness);

        var response = await harness.PostAsync("/twilio/status", Callback(sid, "failed"), signature: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("failed", await harness.ScalarAsync("SELECT DeliveryStatus FROM Messages WHERE Direction = 'Outbound'"));
    }

    [Fact]
    public async Task An_unknown_status_is_refused_with_400()
    {
        await using var harness = await TwilioHarness.StartAsync();

        var response = await harness.PostSignedAsync("/twilio/status", Callback(TwilioHarness.NewSid(), "exploded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
