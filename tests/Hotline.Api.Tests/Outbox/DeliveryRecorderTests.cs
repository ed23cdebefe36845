namespace Hotline.Api.Tests.Outbox;

public sealed class DeliveryRecorderTests
{
    [Theory, DatabaseData]
    public async Task A_status_that_arrived_before_the_send_was_recorded_is_applied_with_it(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var recorder = hotline.Get<DeliveryRecorder>();
        var writer = hotline.Get<OutboundWriter>();
        await recorder.RecordCallbackAsync(Channel.Sms, "SMearly", DeliveryStatuses.Delivered, null, windowClosed: false, Ct);

        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            var conversation = await hotline.Get<ConversationRepository>().CreateAsync(session, hotline.NextPhone(), "en", Ct);
            var message = await writer.WriteAsync(session, conversation, null, "hello", null, Ct);
            await recorder.RecordSentAsync(session, message, "SMearly", DeliveryStatuses.Queued, hotline.Time.GetUtcNow(), Ct);
            await session.CommitAsync(Ct);
        }

        await using var read = await hotline.Database.OpenAsync(Ct);
        Assert.Equal("delivered", await read.Connection.ExecuteScalarTextAsync("SELECT DeliveryStatus FROM Messages"));
        Assert.Equal(0L, await read.Connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM EarlyDeliveryStatuses"));
    }
}
