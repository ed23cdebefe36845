using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.BotConnector;

/// <summary>Where replies to one hotline conversation go, as of the person's latest authenticated activity.</summary>
public sealed record ChatRoute(Guid ConversationId, ReplyAddress Address, DateTimeOffset UpdatedAt);

/// <summary>
/// One route per conversation, rewritten from every authenticated activity so replies follow the person to
/// their latest bot conversation. The bot conversation id, the user's id and name and the activity id can
/// identify a person on some channels, so they are encrypted like a phone number; the service URL, the
/// channel id and the bot's own account are not personal and stay readable.
/// </summary>
public sealed class ChatRouteRepository(FieldProtector protector, TimeProvider time)
{
    public async Task<ChatRoute?> FindAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<ChatRouteRow>("ChatRoutes_ReadByConversation",
            new { ConversationId = conversationId }, cancellationToken);
        return row is null ? null : Decrypt(row);
    }

    /// <summary>Stores the route inside the caller's transaction, replacing any earlier one.</summary>
    public async Task SaveAsync(DbSession session, Guid conversationId, ReplyAddress address, CancellationToken cancellationToken)
    {
        var exists = await session.QuerySingleOrDefaultAsync<ChatRouteRow>("ChatRoutes_ReadByConversation",
            new { ConversationId = conversationId }, cancellationToken) is not null;
        await session.ExecuteAsync(exists ? "ChatRoutes_Update" : "ChatRoutes_Create", new
        {
            ConversationId = conversationId,
            ServiceUrl = address.ServiceUrl.OriginalString,
            address.ChannelId,
            BotConversationIdCipher = protector.Protect(address.ConversationId, ProtectedColumns.ChatRouteBotConversationId.At(conversationId)),
            BotId = address.Bot.Id,
            BotName = address.Bot.Name,
            UserIdCipher = protector.Protect(address.User.Id, ProtectedColumns.ChatRouteUserId.At(conversationId)),
            UserNameCipher = protector.ProtectOrNull(address.User.Name, ProtectedColumns.ChatRouteUserName.At(conversationId)),
            ReplyToIdCipher = protector.Protect(address.ReplyToId, ProtectedColumns.ChatRouteReplyToId.At(conversationId)),
            address.Locale,
            UpdatedAt = time.GetUtcNow(),
        }, cancellationToken);
    }

    private ChatRoute Decrypt(ChatRouteRow row) => new(
        row.ConversationId,
        new ReplyAddress(
            new Uri(row.ServiceUrl),
            row.ChannelId,
            protector.Unprotect(row.BotConversationIdCipher, ProtectedColumns.ChatRouteBotConversationId.At(row.ConversationId)),
            new ChatParty(row.BotId, row.BotName),
            new ChatParty(protector.Unprotect(row.UserIdCipher, ProtectedColumns.ChatRouteUserId.At(row.ConversationId)),
                protector.UnprotectOrNull(row.UserNameCipher, ProtectedColumns.ChatRouteUserName.At(row.ConversationId))),
            protector.Unprotect(row.ReplyToIdCipher, ProtectedColumns.ChatRouteReplyToId.At(row.ConversationId)),
            row.Locale),
        row.UpdatedAt);

    private sealed record ChatRouteRow
    {
        public Guid ConversationId { get; init; }
        public string ServiceUrl { get; init; } = "";
        public string ChannelId { get; init; } = "";
        public string BotConversationIdCipher { get; init; } = "";
        public string BotId { get; init; } = "";
        public string? BotName { get; init; }
        public string UserIdCipher { get; init; } = "";
        public string? UserNameCipher { get; init; }
        public string ReplyToIdCipher { get; init; } = "";
        public string? Locale { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }
}
