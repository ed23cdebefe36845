using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.BotConnector;

/// <summary>
/// The keys the hotline stores for chat activities. A person's address is "{channelId}:{from.id}" (user ids
/// are unique only within a channel). An activity is known by a keyed HMAC of "{channelId}:{id}": ids are
/// unique only within a channel too, and on Direct Line an activity id embeds the conversation id, so the
/// id itself is never stored where a lookup needs it in the clear.
/// </summary>
public sealed class ChatKeys(AddressHasher hasher)
{
    public static ChannelAddress Person(string channelId, string userId) => ChannelAddress.Chat(ReceivedActivity.UserKey(channelId, userId));

    public string Activity(ReceivedActivity activity) =>
        hasher.Hash(ChannelAddress.Chat($"activity:{activity.ChannelId}:{activity.Id}"));
}
