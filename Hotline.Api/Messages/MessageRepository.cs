namespace Hotline.Api.Messages;

public sealed class MessageRepository(FieldProtector protector)
{
    /// <summary>A message that will not be sent, or was not delivered: its status and why (the console shows both).</summary>
    public Task MarkUndeliverableAsync(DbSession session, Guid messageId, string deliveryStatus, string error, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Messages_MarkUndeliverable", new
        {
            Id = messageId,
            DeliveryStatus = deliveryStatus,
            DeliveryRank = DeliveryStatuses.Rank(deliveryStatus),
            DeliveryError = error,
        }, cancellationToken);

    public Task AddAsync(DbSession session, Message message, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Messages_Create", new
        {
            message.Id,
            message.ConversationId,
            message.CaseId,
            Direction = message.Direction.ToString(),
            Channel = message.Channel.ToString(),
            message.ChannelMessageId,
            BodyCipher = protector.Protect(message.Body, ProtectedColumns.MessageBody.At(message.Id)),
            MediaCipher = protector.ProtectOrNull(message.Media, ProtectedColumns.MessageMedia.At(message.Id)),
            message.Segments,
            message.AuthorUserId,
            message.DeliveryStatus,
            message.CreatedAt,
        }, cancellationToken);

    /// <summary>Where the message stored under this channel message id went, if one is: a webhook sent again is answered from it.</summary>
    public Task<RepeatedMessage?> FindRepeatAsync(DbSession session, Channel channel, string channelMessageId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<RepeatedMessage>("Messages_ReadByChannelMessageId",
            new { Channel = channel.ToString(), ChannelMessageId = channelMessageId }, cancellationToken);

    public async Task<Message?> FindByIdAsync(DbSession session, Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<MessageRow>("Messages_ReadById", new { Id = id }, cancellationToken);
        return row is null ? null : Decrypt(row);
    }

    /// <summary>
    /// Messages by id in one statement, each decrypted only when its own is asked for: one that cannot be decrypted
    /// throws then, and holds up no other. Ids not found are not in it.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Func<Message>>> ReadByIdsAsync(DbSession session, IEnumerable<Guid> ids,
        CancellationToken cancellationToken) =>
        (await session.QueryAsync<MessageRow>("Messages_ReadByIds", new { Ids = JsonSerializer.Serialize(ids) }, cancellationToken))
        .ToDictionary(row => row.Id, row => (Func<Message>)(() => Decrypt(row)));

    /// <summary>When each of these messages came (ids not found are not in it), read without decrypting a body.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> ReadCreatedAtAsync(DbSession session, IEnumerable<Guid> ids,
        CancellationToken cancellationToken) =>
        (await session.QueryAsync<MessageRow>("Messages_ReadByIds", new { Ids = JsonSerializer.Serialize(ids) }, cancellationToken))
        .ToDictionary(row => row.Id, row => row.CreatedAt);

    public async Task<IReadOnlyList<Message>> ReadConversationAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<MessageRow>("Messages_ReadByConversation", new { ConversationId = conversationId }, cancellationToken))
            .Select(Decrypt).AsList();

    /// <summary>
    /// A case's transcript: the messages of its part of the person's conversation, its own and the intake that led to it, in the
    /// order they were stored (the view CaseMessages holds the rule); nothing of the person's other cases.
    /// </summary>
    public async Task<IReadOnlyList<Message>> ReadCaseAsync(DbSession session, Guid caseId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<MessageRow>("Messages_ReadByCase", new { CaseId = caseId }, cancellationToken))
            .Select(Decrypt).AsList();

    /// <summary>When the person last wrote in the conversation (null: never), read without any message's body.</summary>
    public async Task<DateTimeOffset?> ReadLastInboundAtAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken) =>
        (await session.QuerySingleAsync<LastInbound>("Messages_ReadLastInboundAt", new { ConversationId = conversationId }, cancellationToken)).At;

    private sealed record LastInbound
    {
        public DateTimeOffset? At { get; init; }
    }

    /// <summary>A body the retention or an erasure removed is stored empty and reads as empty; the row stays for statistics.</summary>
    private Message Decrypt(MessageRow row) => new(
        row.Id, row.ConversationId, row.CaseId, row.Direction, row.Channel, row.ChannelMessageId,
        row.BodyCipher.Length == 0 ? "" : protector.Unprotect(row.BodyCipher, ProtectedColumns.MessageBody.At(row.Id)),
        protector.UnprotectOrNull(row.MediaCipher, ProtectedColumns.MessageMedia.At(row.Id)),
        row.Segments, row.AuthorUserId, row.DeliveryStatus, row.CreatedAt, row.DeliveryError, row.Sequence, ContentErased: row.BodyCipher.Length == 0);
}
