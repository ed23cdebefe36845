using Hotline.Api.Privacy;
using Hotline.Api.Storage;

namespace Hotline.Api.ConversationStore;

public sealed class ConversationRepository(FieldProtector protector, AddressHasher hasher, TimeProvider time)
{
    public async Task<Conversation> CreateAsync(DbSession session, ChannelAddress address, string? language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var conversation = new Conversation(Guid.CreateVersion7(now), address, language, null, ConversationStatus.Active, null, now, now, 1);
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
        return row is null ? null : Decrypt(row, address);
    }

    public async Task<Conversation?> FindByIdAsync(DbSession session, Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<ConversationRow>("Conversations_ReadById", new { Id = id }, cancellationToken);
        return row is null ? null : Decrypt(row);
    }

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
        }, cancellationToken) == 1;

    private Conversation Decrypt(ConversationRow row, ChannelAddress? knownAddress = null) => new(
        row.Id,
        knownAddress ?? new ChannelAddress(row.Channel, protector.Unprotect(row.AddressCipher, ProtectedColumns.ConversationAddress.At(row.Id))),
        row.Language,
        protector.UnprotectOrNull(row.EngineStateCipher, ProtectedColumns.ConversationEngineState.At(row.Id)),
        row.Status,
        row.StatusReason,
        row.CreatedAt,
        row.LastInboundAt,
        row.Version);
}
