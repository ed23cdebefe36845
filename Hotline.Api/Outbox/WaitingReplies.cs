namespace Hotline.Api.Outbox;

/// <summary>
/// Cancels what waits to be sent to a person who has just gone quiet or opted out, inside the transaction that silences
/// them. Left to the dispatcher, a reply was cancelled only if it was claimed during the silence: one waiting behind a reply
/// that could not be checked, or held outside WhatsApp's window, outlived it, and the person's "yes" or START sent text
/// written before the discreet word to a phone someone else may now be reading. The silencing turn's own last words are
/// written after this (<see cref="OutboundWriter.WriteLastWordAsync"/>), so they are not among them. A row being sent, or
/// whose last attempt may have reached Twilio, is left to the dispatcher: it asks Twilio whether it arrived first, and, the
/// conversation marked as silenced after it (<see cref="ConversationRepository.MarkSilencedAsync"/>), records it as sent if it
/// did and cancels it if it did not, even once the silence has ended (before, START or the "yes" sent it then).
/// </summary>
public sealed class WaitingReplies(CaseEventLog events, MessageRepository messages, ConversationRepository conversations)
{
    /// <param name="reason">Why nothing may be sent now (the conversation's new status reason): the console shows it on each reply.</param>
    public async Task CancelAsync(DbSession session, Guid conversationId, string reason, CancellationToken cancellationToken)
    {
        await conversations.MarkSilencedAsync(session, conversationId, cancellationToken);
        var waiting = await session.QueryAsync<WaitingReply>("Outbox_ReadWaitingByConversation", new { ConversationId = conversationId },
            cancellationToken);
        foreach (var reply in waiting)
        {
            if (await session.ExecuteAsync("Outbox_CancelWaiting", new { reply.Id, LastError = reason }, cancellationToken) != 1)
            {
                continue;
            }

            await MarkCancelledAsync(session, reply.MessageId, reply.CaseId, reason, cancellationToken);
        }
    }

    /// <summary>The message reads as cancelled, with why, and its case hears of it: the console shows it as never sent.</summary>
    public async Task MarkCancelledAsync(DbSession session, Guid messageId, Guid? caseId, string reason, CancellationToken cancellationToken)
    {
        await messages.MarkUndeliverableAsync(session, messageId, DeliveryStatuses.Cancelled, reason, cancellationToken);
        if (caseId is { } id)
        {
            await events.AppendAsync(session, id, CaseEventTypes.MessageStatusChanged,
                new { MessageId = messageId, Status = DeliveryStatuses.Cancelled, Error = reason }, null, cancellationToken);
        }
    }

    private sealed record WaitingReply
    {
        public Guid Id { get; init; }
        public Guid MessageId { get; init; }
        public Guid? CaseId { get; init; }
    }
}
