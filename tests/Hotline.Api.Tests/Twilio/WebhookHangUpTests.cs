using Hotline.Api.Tracing;

namespace Hotline.Api.Tests.Twilio;

/// <summary>
/// Twilio hangs up on a webhook after 15 s; the store it began is the hotline's to finish, with no cancellation, not the
/// request's. Alone, after the parallel tests: it follows its store by the store's span, which any test's message would start.
/// </summary>
[Collection(nameof(Hotline.Api.Tests.Metrics.TelemetryAlone))]
public sealed class WebhookHangUpTests
{
    private const string Worker = "+9779800000616";

    /// <summary>
    /// Review finding: the webhook passed the request's cancellation into the store, so under a slow writer a store that would
    /// have committed a second after Twilio hung up was rolled back, and the message waited minutes for reconciliation, out of
    /// order with what the person wrote next.
    /// </summary>
    [Fact]
    public async Task A_message_whose_store_waits_for_the_writer_past_the_hang_up_is_stored_once()
    {
        var ct = TestContext.Current.CancellationToken;
        // Over a real port: Kestrel hears of the hang-up from the closed connection, as it does Twilio's.
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?> { ["Twilio:Reconciliation:Enabled"] = "false" },
            overKestrel: true);
        var storing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = StoreSpans(storing, stored);
        var fields = TwilioHarness.InboundFields(Worker, "they took our phones at night");
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(ct);

        await using (await harness.App.Database.BeginWriteAsync(ct))
        {
            var webhook = SendAsync(harness, fields, hangUp.Token);
            await storing.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            await hangUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => webhook);
            // The server hears of it a moment after the client gave up; the writer is let go after that.
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        await stored.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.Equal(1, await harness.CountAsync($"SELECT COUNT(*) FROM Messages WHERE ChannelMessageId = '{fields["MessageSid"]}'"));
    }

    private static async Task<HttpResponseMessage> SendAsync(TwilioHarness harness, Dictionary<string, string> fields, CancellationToken hangUp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/sms") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", harness.Sign(TwilioHarness.PublicBaseUrl + "/twilio/sms", fields));
        return await harness.Client.SendAsync(request, hangUp);
    }

    /// <summary>The store's span starts just before it waits for the writer, and ends when it has committed or given up.</summary>
    private static ActivityListener StoreSpans(TaskCompletionSource storing, TaskCompletionSource stored)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HotlineActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity => _ = activity.OperationName == HotlineActivities.Store && storing.TrySetResult(),
            ActivityStopped = activity => _ = activity.OperationName == HotlineActivities.Store && stored.TrySetResult(),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
