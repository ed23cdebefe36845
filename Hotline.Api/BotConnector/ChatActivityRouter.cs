using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.BotConnector;

/// <summary>What the hotline did with an authenticated activity; every outcome is acknowledged with 200.</summary>
public enum ActivityOutcome
{
    Stored,
    Duplicate,
    Welcomed,
    Closed,
    Ignored,
}

/// <summary>Hands an authenticated, valid activity to the part that acts on its type; any other type is acknowledged and ignored (A2014).</summary>
public sealed class ChatActivityRouter(ChatMessageIntake intake, ChatConversationEvents conversationEvents, ILogger<ChatActivityRouter> logger)
{
    public async Task<ActivityOutcome> HandleAsync(ReceivedActivity activity, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (activity.IsGroup && ActivityTypes.IsHandled(activity.Type))
        {
            // Anything the hotline wrote in a group would be read by everyone in it, so it takes part only in one-to-one chats.
            logger.LogWarning("A {Type} activity from a group conversation on channel {Channel} was ignored.", activity.Type, activity.ChannelId);
            return ActivityOutcome.Ignored;
        }

        return activity.Type switch
        {
            ActivityTypes.Message => await intake.ReceiveAsync(activity, receivedAt, cancellationToken) == Inbound.IngestResult.Stored
                ? ActivityOutcome.Stored
                : ActivityOutcome.Duplicate,
            ActivityTypes.ConversationUpdate => await conversationEvents.MembersAddedAsync(activity, cancellationToken)
                ? ActivityOutcome.Welcomed
                : ActivityOutcome.Ignored,
            ActivityTypes.EndOfConversation => await conversationEvents.EndedAsync(activity, cancellationToken)
                ? ActivityOutcome.Closed
                : ActivityOutcome.Ignored,
            _ => ActivityOutcome.Ignored,
        };
    }
}
