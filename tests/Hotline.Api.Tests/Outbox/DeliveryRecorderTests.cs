namespace Hotline.Api.Tests.Outbox;

public sealed class DeliveryRecorderTests
{
    [Theory, DatabaseData]
    public async Task A_status_that_arrived_before_the_send_was_recorded_is_applied_with_it(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await hotline.Get<DeliveryRecorder>().RecordCallbackAsync(Channel.Sms, "SMearly", DeliveryStatuses.Delivered, null, windowClosed: false, Ct);

        await RecordSendAsync(hotline, "SMearly");

        await using var read = await hotline.Database.OpenAsync(Ct);
        Assert.Equal("delivered", await read.Connection.ExecuteScalarTextAsync("SELECT DeliveryStatus FROM Messages"));
        Assert.Equal(0L, await read.Connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM EarlyDeliveryStatuses"));
    }

    [Theory, DatabaseData]
    public async Task Of_the_statuses_that_arrived_before_the_send_was_recorded_the_furthest_is_applied_whatever_their_order(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var recorder = hotline.Get<DeliveryRecorder>();
        await recorder.RecordCallbackAsync(Channel.Sms, "SMearly", DeliveryStatuses.Sent, null, windowClosed: false, Ct);
        await recorder.RecordCallbackAsync(Channel.Sms, "SMearly", DeliveryStatuses.Delivered, null, windowClosed: false, Ct);
        await recorder.RecordCallbackAsync(Channel.Sms, "SMearly", DeliveryStatuses.Sent, null, windowClosed: false, Ct);

        await RecordSendAsync(hotline, "SMearly");

        Assert.Equal("delivered", await hotline.ScalarAsync("SELECT DeliveryStatus FROM Messages"));
    }

    /// <summary>A reply written and its send recorded under <paramref name="providerMessageId"/>, as the dispatcher does.</summary>
    private static async Task RecordSendAsync(HotlineApp hotline, string providerMessageId)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var conversation = await hotline.Get<ConversationRepository>().CreateAsync(session, hotline.NextPhone(), "en", Ct);
        var message = await hotline.Get<OutboundWriter>().WriteAsync(session, conversation, null, "hello", null, Ct);
        await hotline.Get<DeliveryRecorder>().RecordSentAsync(session, message, providerMessageId, DeliveryStatuses.Queued, hotline.Time.GetUtcNow(), Ct);
        await session.CommitAsync(Ct);
    }
}
