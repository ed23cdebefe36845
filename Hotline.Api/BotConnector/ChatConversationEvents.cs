using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.BotConnector;

/// <summary>
/// The two activities without a message that the hotline acts on. conversationUpdate: a person joined the
/// chat, so they get a short, neutral welcome in their locale's language when nothing is going on in their conversation
/// (new, or its case closed and nothing written since); never beside a live case or intake, and never when it is quiet
/// or opted out (the hotline never writes first after that). endOfConversation: the person closed the chat,
/// so the conversation goes quiet and nothing more is sent until they write again. Each is done once per
/// activity id, in one transaction with the record that it was done.
/// </summary>
public sealed class ChatConversationEvents(
    Database database,
    ConversationRepository conversations,
    ChatRouteRepository routes,
    CaseQueue queue,
    CaseEventLog events,
    OutboundWriter outbound,
    OutboxSignal outboxSignal,
    WaitingReplies waiting,
    ChatActivityLog log,
    ChatKeys keys)
{
    public const string ClosedReason = "The person closed the chat.";

    /// <summary>Welcomes each person the activity adds (never the bot itself); true when a welcome was queued.</summary>
    public async Task<bool> MembersAddedAsync(ReceivedActivity activity, CancellationToken cancellationToken)
    {
        var people = activity.MembersAdded.Where(m => !activity.IsBot(m)).ToList();
        if (people.Count == 0)
        {
            return false;
        }

        var activityKey = keys.Activity(activity);
        var queued = await ChatActivityLog.RetryOnRaceAsync(async () =>
        {
            await using var session = await database.BeginWriteAsync(cancellationToken);
            if (await SeenAsync(session, activity, activityKey, cancellationToken))
            {
                return false;
            }

            var welcomed = false;
            foreach (var person in people)
            {
                var address = ChatKeys.Person(activity.ChannelId, person.Id);
                var conversation = await conversations.FindByAddressAsync(session, address, cancellationToken)
                    ?? await conversations.CreateAsync(session, address, null, cancellationToken);
                await routes.SaveAsync(session, conversation.Id, ReplyAddress.ToSender(activity, person), cancellationToken);
                if (await AwaitsFirstWordAsync(session, conversation, cancellationToken))
                {
                    await outbound.WriteAsync(session, conversation, null, ChatWelcome.TextFor(activity.Locale), null, cancellationToken);
                    welcomed = true;
                }
            }

            await log.RecordAsync(session, activityKey, activity.Type, cancellationToken);
            await session.CommitAsync(cancellationToken);
            return welcomed;
        });
        if (queued)
        {
            outboxSignal.Notify();
        }

        return queued;
    }

    /// <summary>
    /// Whether opening the chat should be answered with the welcome: the conversation is active (not quiet, not opted
    /// out) and nothing is going on in it, either nothing was ever written (a new person) or its last case was closed
    /// and they have not written since (their next message begins a new intake). Never beside an open case or an intake
    /// that has asked something: a welcome there is a second, automatic voice after the caseworker's or the intake's own.
    /// </summary>
    private async Task<bool> AwaitsFirstWordAsync(DbSession session, Conversation conversation, CancellationToken cancellationToken)
    {
        if (conversation.Status != ConversationStatus.Active
            || await queue.FindOpenAsync(session, conversation.Id, cancellationToken) is not null)
        {
            return false;
        }

        // No intake state: nothing has been written yet (a new conversation's LastInboundAt is its creation).
        if (conversation.EngineState is null)
        {
            return true;
        }

        var lastClosed = (await queue.ReadClosedOfConversationAsync(session, conversation.Id, cancellationToken))
            .Max(c => c.ClosedAt);
        return lastClosed is not null && (conversation.LastInboundAt is null || conversation.LastInboundAt <= lastClosed);
    }

    /// <summary>Makes the sender's conversation quiet; true when it was active.</summary>
    public async Task<bool> EndedAsync(ReceivedActivity activity, CancellationToken cancellationToken)
    {
        var activityKey = keys.Activity(activity);
        var address = ChatKeys.Person(activity.ChannelId, activity.From.Id);
        return await ChatActivityLog.RetryOnRaceAsync(async () =>
        {
            await using var session = await database.BeginWriteAsync(cancellationToken);
            if (await SeenAsync(session, activity, activityKey, cancellationToken))
            {
                return false;
            }

            var conversation = await conversations.FindByAddressAsync(session, address, cancellationToken);
            var quietened = conversation is { Status: ConversationStatus.Active };
            if (quietened)
            {
                var quiet = conversation! with { Status = ConversationStatus.Quiet, StatusReason = ClosedReason };
                if (!await conversations.UpdateAsync(session, quiet, cancellationToken))
                {
                    throw new ConcurrencyConflictException($"Conversation {quiet.Id} changed while the chat was being closed.");
                }

                await waiting.CancelAsync(session, quiet.Id, ClosedReason, cancellationToken);

                if (await queue.FindOpenAsync(session, quiet.Id, cancellationToken) is { } openCase)
                {
                    await events.AppendAsync(session, openCase.Id, CaseEventTypes.ConversationStatusChanged,
                        new { Status = quiet.Status.ToString(), Reason = quiet.StatusReason }, null, cancellationToken);
                }
            }

            await log.RecordAsync(session, activityKey, activity.Type, cancellationToken);
            await session.CommitAsync(cancellationToken);
            return quietened;
        });
    }

    /// <summary>
    /// Seen under its key, or under the key without the conversation it had before: a delivery repeated across the upgrade
    /// does nothing twice. The seen activities are kept 48 hours, so the older key stops matching then.
    /// </summary>
    private async Task<bool> SeenAsync(DbSession session, ReceivedActivity activity, string activityKey, CancellationToken cancellationToken) =>
        await log.SeenAsync(session, activityKey, cancellationToken)
        || await log.SeenAsync(session, keys.ActivityWithoutConversation(activity), cancellationToken);
}
