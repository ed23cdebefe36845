namespace Hotline.Bot.ActivityProtocol;

/// <summary>A user or bot account in a channel: its id, and its display name when the channel gives one.</summary>
public sealed record ChatParty(string Id, string? Name);

/// <summary>A link to an attachment held by the channel; the hotline keeps the link, not the content.</summary>
public sealed record AttachmentLink(Uri Url, string ContentType);

/// <summary>
/// An activity that passed <see cref="ActivityRules"/>: every field the hotline relies on is present and
/// within bounds, so code past the edge does not check again.
/// </summary>
public sealed record ReceivedActivity(
    string Type,
    string? Id,
    Uri ServiceUrl,
    string ChannelId,
    ChatParty From,
    ChatParty? Recipient,
    string ConversationId,
    bool IsGroup,
    string Text,
    string? Locale,
    IReadOnlyList<ChatParty> MembersAdded,
    IReadOnlyList<AttachmentLink> Attachments)
{
    /// <summary>
    /// The hotline's address for the person: user ids are only unique within one channel, so the channel id
    /// is part of it ("msteams:29:1abc..." and "webchat:29:1abc..." are two people).
    /// </summary>
    public static string UserKey(string channelId, string userId) => $"{channelId}:{userId}";

    /// <summary>Whether an account is the bot itself (a conversationUpdate lists the bot among the members added).</summary>
    public bool IsBot(ChatParty party) => Recipient is not null && string.Equals(party.Id, Recipient.Id, StringComparison.Ordinal);
}
