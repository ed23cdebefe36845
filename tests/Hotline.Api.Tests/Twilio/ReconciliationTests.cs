namespace Hotline.Api.Tests.Twilio;

public sealed class ReconciliationTests
{
    private const string Worker = "+9779800000606";

    [Fact]
    public async Task A_message_whose_webhook_never_arrived_is_found_and_ingested()
    {
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?> { ["Twilio:Reconciliation:Enabled"] = "false" });
        harness.Twilio.AddInbound(Worker, TwilioHarness.HotlineNumber, "lost webhook");

        var recovered = await Reconciliation(harness).ReconcileAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, recovered);
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
    }

    [Fact]
    public async Task A_message_already_received_by_webhook_is_not_ingested_again()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var sid = harness.Twilio.AddInbound(Worker, TwilioHarness.HotlineNumber, "arrived");
        await harness.PostSignedAsync("/twilio/sms", TwilioHarness.InboundFields(Worker, "arrived", sid));

        var recovered = await Reconciliation(harness).ReconcileAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, recovered);
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
    }

    private static TwilioReconciliationJob Reconciliation(TwilioHarness harness) =>
        harness.App.Services.GetServices<IHostedService>().OfType<TwilioReconciliationJob>().Single();
}
