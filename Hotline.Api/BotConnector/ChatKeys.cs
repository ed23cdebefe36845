using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.BotConnector;

/// <summary>
/// The keys the hotline stores for chat activities. A person's address is "{channelId}:{from.id}" (user ids
/// are unique only within a channel). An activity is known by a keyed HMAC of its channel, its conversation and its
/// id: the Activity schema promises an id unique only within its conversation (Telegram numbers messages per chat), so
/// by channel and id alone a second person's message with the same id was dropped as a repeat. On Direct Line an
/// activity id embeds the conversation id, so the id itself is never stored where a lookup needs it in the clear.
/// </summary>
public sealed class ChatKeys(AddressHasher hasher)
{
    public static ChannelAddress Person(string channelId, string userId) => ChannelAddress.Chat(ReceivedActivity.UserKey(channelId, userId));

    /// <summary>The conversation id is length-prefixed: conversation ids and activity ids both hold ':' ("a:1Xy|0000").</summary>
    public string Activity(ReceivedActivity activity) =>
        hasher.Hash(ChannelAddress.Chat($"activity:{activity.ChannelId}:{activity.ConversationId.Length}:{activity.ConversationId}:{activity.Id}"));

    /// <summary>
    /// The key activities were stored under before the conversation was part of it ("{channelId}:{id}"). A delivery repeated
    /// across the upgrade carries an activity stored under it, so callers look it up as well: a message only among the same
    /// person's messages (another person's message with that id is theirs), a chat event among the seen activities, which
    /// the retention sweep keeps 48 hours (docs/architecture.md, "Activities").
    /// </summary>
    public string ActivityWithoutConversation(ReceivedActivity activity) =>
        hasher.Hash(ChannelAddress.Chat($"activity:{activity.ChannelId}:{activity.Id}"));
}
