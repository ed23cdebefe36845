using Hotline.Api.Inbound;
using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.BotConnector;

/// <summary>
/// A chat message goes the one way in, like an SMS: the inbound pipeline stores it, runs the conversation
/// engine (the activity's locale is offered as the language) and queues the case and the replies. Before
/// that, the reply route is saved from this authenticated activity, so the reply the pipeline queues can
/// be sent; a message already stored (a repeated delivery) changes nothing, not even the route. A message stored under
/// the key without the conversation (before it was part of the key) is a repeat only of the same person's message.
/// </summary>
public sealed class ChatMessageIntake(
    Database database,
    ConversationRepository conversations,
    MessageRepository messages,
    ChatRouteRepository routes,
    ChatKeys keys,
    InboundPipeline pipeline)
{
    public async Task<IngestResult> ReceiveAsync(ReceivedActivity activity, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var address = ChatKeys.Person(activity.ChannelId, activity.From.Id);
        var activityKey = keys.Activity(activity);
        var known = await ChatActivityLog.RetryOnRaceAsync(async () =>
        {
            await using var session = await database.BeginWriteAsync(cancellationToken);
            if (await messages.FindRepeatAsync(session, Channel.Chat, activityKey, cancellationToken) is not null)
            {
                return true;
            }

            var conversation = await conversations.FindByAddressAsync(session, address, cancellationToken)
                ?? await conversations.CreateAsync(session, address, null, cancellationToken);
            if (await messages.FindRepeatAsync(session, Channel.Chat, keys.ActivityWithoutConversation(activity), cancellationToken) is { } stored
                && stored.ConversationId == conversation.Id)
            {
                // Stored before the key named the conversation: this person's repeat (the transaction, uncommitted, keeps nothing).
                return true;
            }

            await routes.SaveAsync(session, conversation.Id, ReplyAddress.ToSender(activity, activity.From), cancellationToken);
            await session.CommitAsync(cancellationToken);
            return false;
        });
        if (known)
        {
            return IngestResult.Duplicate;
        }

        var media = activity.Attachments.Select(a => new MediaReference(a.Url.AbsoluteUri, a.ContentType, activity.ServiceUrl.AbsoluteUri)).ToList();
        var envelope = new InboundEnvelope(address, activityKey, activity.Text, media, activity.Locale, receivedAt);
        return (await pipeline.IngestAsync(envelope, cancellationToken)).Kind;
    }
}
