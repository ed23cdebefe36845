namespace Hotline.Api.ConversationStore;

public sealed class ConversationRepository(FieldProtector protector, AddressHasher hasher, TimeProvider time)
{
    public async Task<Conversation> CreateAsync(DbSession session, ChannelAddress address, string? language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var conversation = new Conversation(RowIds.Version7(now), address, language, null, ConversationStatus.Active, null, now, now, 1);
        await session.ExecuteAsync("Conversations_Create", new
        {
            conversation.Id,
            Channel = address.Channel.ToString(),
            AddressHash = hasher.Hash(address),
            AddressCipher = protector.Protect(address.Value, ProtectedColumns.ConversationAddress.At(conversation.Id)),
            conversation.Language,
            EngineStateCipher = (string?)null,
            Status = conversation.Status.ToString(),
            conversation.CreatedAt,
            conversation.LastInboundAt,
        }, cancellationToken);
        return conversation;
    }

    public async Task<Conversation?> FindByAddressAsync(DbSession session, ChannelAddress address, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<ConversationRow>("Conversations_ReadByAddress",
            new { Channel = address.Channel.ToString(), AddressHash = hasher.Hash(address) }, cancellationToken);
        // Found by the keyed hash of this address: the stored cipher holds the same address, so it is not decrypted again.
        return row is null ? null : Decrypt(row, ReadableEngineStateOf(row), address);
    }

    public async Task<Conversation?> FindByIdAsync(DbSession session, Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<ConversationRow>("Conversations_ReadById", new { Id = id }, cancellationToken);
        return row is null ? null : Decrypt(row, protector.UnprotectOrNull(row.EngineStateCipher, ProtectedColumns.ConversationEngineState.At(row.Id)));
    }

    /// <summary>
    /// Conversations by id in one statement, for sending: without the intake's state and language, which sending never
    /// reads. Each is decrypted only when its own is asked for: one that cannot be decrypted throws then, and holds up
    /// no other. Ids not found are not in it.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Func<Conversation>>> ReadForSendingByIdsAsync(DbSession session, IEnumerable<Guid> ids,
        CancellationToken cancellationToken) =>
        (await session.QueryAsync<ConversationRow>("Conversations_ReadForSendingByIds", new { Ids = JsonSerializer.Serialize(ids) }, cancellationToken))
        .ToDictionary(row => row.Id, row => (Func<Conversation>)(() => Decrypt(row, engineState: null)));

    /// <summary>Saves a changed conversation; false when someone else changed it since it was read.</summary>
    public async Task<bool> UpdateAsync(DbSession session, Conversation conversation, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("Conversations_Update", new
        {
            conversation.Id,
            conversation.Language,
            EngineStateCipher = protector.ProtectOrNull(conversation.EngineState, ProtectedColumns.ConversationEngineState.At(conversation.Id)),
            Status = conversation.Status.ToString(),
            conversation.StatusReason,
            conversation.LastInboundAt,
            conversation.Version,
            conversation.TranslationVersion,
            conversation.SafetyQuestionMessageId,
            conversation.EarlierSafetyQuestionMessageId,
        }, cancellationToken) == 1;

    /// <summary>
    /// In the transaction that silences the person, before its own last words are written: every message stored so far was
    /// written before this silence, and is never sent after it (<see cref="Outbox.SendPermission.WrittenBeforeSilence"/>).
    /// Changes no version: the silencing turn saves the conversation after it.
    /// </summary>
    public Task MarkSilencedAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Conversations_MarkSilenced", new { Id = conversationId }, cancellationToken);

    /// <summary>
    /// At a caseworker's first reply, in its transaction: a new version of the conversation, so that an engine turn taken on
    /// it as it was read before the reply fails its save (<see cref="UpdateAsync"/>) and is taken again, seeing that she has
    /// written. False when someone else changed it since it was read.
    /// </summary>
    public async Task<bool> AdvanceVersionAsync(DbSession session, Conversation conversation, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("Conversations_AdvanceVersion", new { conversation.Id, conversation.Version }, cancellationToken) == 1;

    /// <summary>
    /// For a message the person just sent: the engine's state, or null when it does not decrypt (altered, or
    /// under a key no longer configured; the protector has logged which row). An unreadable state is treated
    /// as one that does not parse: the engine starts the intake again at the safety question, or, with a case
    /// open, leaves the person with their caseworker, and the state written after the turn replaces it.
    /// Refusing it would refuse every message the person sends, and Twilio retries none. Background jobs read
    /// by id and set such a conversation aside instead.
    /// </summary>
    private string? ReadableEngineStateOf(ConversationRow row)
    {
        try
        {
            return protector.UnprotectOrNull(row.EngineStateCipher, ProtectedColumns.ConversationEngineState.At(row.Id));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private Conversation Decrypt(ConversationRow row, string? engineState, ChannelAddress? knownAddress = null) => new(
        row.Id,
        knownAddress ?? new ChannelAddress(row.Channel, protector.Unprotect(row.AddressCipher, ProtectedColumns.ConversationAddress.At(row.Id))),
        row.Language,
        engineState,
        row.Status,
        row.StatusReason,
        row.CreatedAt,
        row.LastInboundAt,
        row.Version)
    {
        TranslationVersion = row.TranslationVersion,
        SafetyQuestionMessageId = row.SafetyQuestionMessageId,
        EarlierSafetyQuestionMessageId = row.EarlierSafetyQuestionMessageId,
        QuietSinceVersion = row.QuietSinceVersion,
    };
}
