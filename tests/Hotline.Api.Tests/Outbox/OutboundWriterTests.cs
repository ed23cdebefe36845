namespace Hotline.Api.Tests.Outbox;

public sealed class OutboundWriterTests
{
    [Theory]
    [DatabaseData(ConversationStatus.OptedOut, "hello", "opted out")]
    [DatabaseData(ConversationStatus.Quiet, "hello", "Nothing can be sent until they say it is safe to write")]
    [DatabaseData(ConversationStatus.Active, "", "empty")]
    public async Task A_message_that_must_not_be_sent_is_refused_with_the_reason_and_nothing_is_stored(
        DatabaseProvider engine, ConversationStatus status, string body, string reason)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var writer = hotline.Get<OutboundWriter>();
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var conversation = await hotline.Get<ConversationRepository>().CreateAsync(session, hotline.NextPhone(), "en", Ct);

        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(
            () => writer.WriteAsync(session, conversation with { Status = status }, null, body, null, Ct));

        Assert.Contains(reason, refused.Message);
        Assert.Equal(0L, await session.Connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM Outbox"));
    }

    [Theory, DatabaseData]
    public async Task A_text_over_1600_characters_is_refused_with_its_length(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var writer = hotline.Get<OutboundWriter>();
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var conversation = await hotline.Get<ConversationRepository>().CreateAsync(session, hotline.NextPhone(), "en", Ct);

        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(
            () => writer.WriteAsync(session, conversation, null, new string('a', 1601), null, Ct));

        Assert.Equal("The message is 1601 characters; at most 1600 can be sent.", refused.Message);
    }

    [Theory, DatabaseData]
    public async Task A_stored_reply_records_its_segment_count(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var writer = hotline.Get<OutboundWriter>();
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var conversation = await hotline.Get<ConversationRepository>().CreateAsync(session, hotline.NextPhone(), "ne", Ct);

        var message = await writer.WriteAsync(session, conversation, null, new string('न', 71), null, Ct);

        Assert.Equal(2, message.Segments);
    }
}
