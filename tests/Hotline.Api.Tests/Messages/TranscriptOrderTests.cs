namespace Hotline.Api.Tests.Messages;

/// <summary>A caseworker reads the transcript in the order it happened, even when a message and its reply share a millisecond.</summary>
public sealed class TranscriptOrderTests
{
    [Theory, DatabaseData]
    public async Task Messages_stored_in_the_same_millisecond_are_read_in_the_order_they_were_stored(DatabaseProvider provider)
    {
        await using var parts = await HotlineApp.StartPartsAsync(provider);
        var at = parts.Time.GetUtcNow();
        await using (var session = await parts.Database.BeginWriteAsync(Ct))
        {
            var conversation = await parts.Get<ConversationRepository>().CreateAsync(session, parts.NextPhone(), "en", Ct);
            // The ids sort against the order of storing, as random UUIDv7 low bits (or SQL Server's ordering) can.
            await parts.Get<MessageRepository>().AddAsync(session, Stored(Guid.Parse("ffffffff-0000-7000-8000-000000000000"), conversation.Id, "Are you in danger right now?", MessageDirection.Outbound, at), Ct);
            await parts.Get<MessageRepository>().AddAsync(session, Stored(Guid.Parse("eeeeeeee-0000-7000-8000-000000000000"), conversation.Id, "2", MessageDirection.Inbound, at), Ct);
            await parts.Get<MessageRepository>().AddAsync(session, Stored(Guid.Parse("00000000-0000-7000-8000-000000000000"), conversation.Id, "Thank you. Is it safe to write to you here?", MessageDirection.Outbound, at), Ct);
            await parts.Get<MessageRepository>().AddAsync(session, Stored(Guid.Parse("11111111-0000-7000-8000-000000000000"), conversation.Id, "1", MessageDirection.Inbound, at), Ct);
            await session.CommitAsync(Ct);
        }

        await using var reader = await parts.Database.OpenAsync(Ct);
        var conversationId = (await parts.Get<MessageRepository>().FindByIdAsync(reader, Guid.Parse("11111111-0000-7000-8000-000000000000"), Ct))!.ConversationId;
        var transcript = await parts.Get<MessageRepository>().ReadConversationAsync(reader, conversationId, Ct);

        Assert.Equal(["Are you in danger right now?", "2", "Thank you. Is it safe to write to you here?", "1"], transcript.Select(m => m.Body));
    }

    [Theory, DatabaseData]
    public async Task An_empty_conversation_has_an_empty_transcript(DatabaseProvider engine)
    {
        await using var parts = await HotlineApp.StartPartsAsync(engine);

        await using var reader = await parts.Database.OpenAsync(Ct);

        Assert.Empty(await parts.Get<MessageRepository>().ReadConversationAsync(reader, Guid.NewGuid(), Ct));
    }

    private static Message Stored(Guid id, Guid conversationId, string body, MessageDirection direction, DateTimeOffset at) =>
        new(id, conversationId, null, direction, Channel.Sms, null, body, null, 1, null, "Received", at);
}
