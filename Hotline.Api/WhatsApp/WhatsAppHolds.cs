using Hotline.Api.Casework;

namespace Hotline.Api.WhatsApp;

/// <summary>
/// Free text that WhatsApp will not deliver now waits in the outbox, Held, until the person writes again; then it
/// goes, in the order it was written. Whatever finds the window closed comes here: a caseworker's reply written
/// after it closed, a reply still unsent when it closed (a backlog, an outage), and Twilio's 63016 on the send or
/// in a status callback. Where an approved template is configured it is queued once per silence, so that the
/// person may see there is something to read and write back. Every step runs inside the caller's transaction.
/// </summary>
public sealed class WhatsAppHolds(OutboundWriter writer, ConversationRepository conversations, CaseEventLog events, OutboxSignal signal,
    SafetyQuestionReplies safetyQuestions, WaitingReplies waiting, IOptions<TwilioOptions> twilio)
{
    private readonly WhatsAppTemplateOptions _template = twilio.Value.WhatsApp;

    /// <summary>Whether a reply outside the window is held behind the template (true) or refused (false).</summary>
    public bool SendsTemplate => _template.SendsTemplate;

    /// <summary>Holds a reply just written to a conversation whose window is closed.</summary>
    public async Task HoldNewAsync(DbSession session, Conversation conversation, Message message, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("Outbox_HoldNew", new { MessageId = message.Id, LastError = WhatsAppWindow.HeldReason }, cancellationToken);
        await MarkHeldAsync(session, conversation, message.Id, message.CaseId, cancellationToken);
    }

    /// <summary>Holds a claimed reply the dispatcher must not send as free text; false when the lease was lost meanwhile.</summary>
    public async Task<bool> HoldClaimedAsync(DbSession session, OutboxItem item, Message message, Conversation conversation,
        CancellationToken cancellationToken)
    {
        if (await session.ExecuteAsync("Outbox_HoldClaimed", new { item.Id, item.LeaseToken, LastError = WhatsAppWindow.HeldReason },
                cancellationToken) != 1)
        {
            return false;
        }

        await MarkHeldAsync(session, conversation, message.Id, message.CaseId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Holds a reply that Twilio took and WhatsApp then refused with 63016 (a status callback); false when its outbox row
    /// is not a sent one (held already by an earlier copy of the callback, or gone). A caseworker's question whether it is
    /// safe to write, closed meanwhile by a message of the person's that crossed it, is open again
    /// (<see cref="SafetyQuestionReplies.ReopenIfHeldAgainAsync"/>). When the person has gone quiet or opted out since it
    /// was sent, it is cancelled instead: held, their next message ("yes", START) would release text written before the
    /// silence onto a phone someone else may be reading. So it is when that silence has ended before the 63016 arrives (it was
    /// written before the latest silence began: <see cref="SendPermission.WrittenBeforeSilence"/>). A last word of the present
    /// quiet spell is held as any reply.
    /// </summary>
    public async Task<bool> HoldSentAsync(DbSession session, Guid messageId, Guid? caseId, CancellationToken cancellationToken)
    {
        if (await session.QuerySingleOrDefaultAsync<RefusedReply>("Outbox_ReadForHoldByMessageId", new { MessageId = messageId }, cancellationToken)
            is not { } refused)
        {
            return false;
        }

        var conversation = (await conversations.FindByIdAsync(session, refused.ConversationId, cancellationToken))!;
        var allowed = SendPermission.Allows(conversation, refused.SendWhileQuietAtVersion);
        if (!allowed || SendPermission.WrittenBeforeSilence(refused.Sequence, refused.SilencedThroughSequence))
        {
            var reason = "WhatsApp did not deliver it (its 24-hour window had closed), and it is not sent again: " +
                (allowed ? "it was written before the person went quiet or opted out." : conversation.StatusReason);
            if (await session.ExecuteAsync("Outbox_CancelSent", new { MessageId = messageId, LastError = reason }, cancellationToken) != 1)
            {
                return false;
            }

            await waiting.MarkCancelledAsync(session, messageId, caseId, reason, cancellationToken);
            return true;
        }

        if (await session.ExecuteAsync("Outbox_HoldSent", new { MessageId = messageId, LastError = WhatsAppWindow.HeldReason }, cancellationToken) != 1)
        {
            return false;
        }

        await MarkHeldAsync(session, conversation, messageId, caseId, cancellationToken);
        await safetyQuestions.ReopenIfHeldAgainAsync(session, conversation, messageId, cancellationToken);
        return true;
    }

    /// <summary>The person wrote: every reply held for them is due again, in the order written.</summary>
    public async Task ReleaseAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken)
    {
        var held = (await session.QueryAsync<HeldReply>("Outbox_ReadHeldByConversation", new { ConversationId = conversationId }, cancellationToken))
            .AsList();
        if (held.Count == 0)
        {
            return;
        }

        await session.ExecuteAsync("Outbox_ReleaseHeld", new { ConversationId = conversationId }, cancellationToken);
        foreach (var reply in held)
        {
            await session.ExecuteAsync("Messages_ReleaseHeld", new { Id = reply.MessageId }, cancellationToken);
            if (reply.CaseId is { } caseId)
            {
                await events.AppendAsync(session, caseId, CaseEventTypes.MessageStatusChanged,
                    new { reply.MessageId, Status = DeliveryStatuses.Pending, Error = (string?)null }, null, cancellationToken);
            }
        }

        session.AfterCommit(signal.Notify);
    }

    private async Task MarkHeldAsync(DbSession session, Conversation conversation, Guid messageId, Guid? caseId, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("Messages_MarkHeld", new { Id = messageId, DeliveryError = WhatsAppWindow.HeldReason }, cancellationToken);
        if (caseId is { } id)
        {
            await events.AppendAsync(session, id, CaseEventTypes.MessageStatusChanged,
                new { MessageId = messageId, Status = DeliveryStatuses.Held, Error = WhatsAppWindow.HeldReason }, null, cancellationToken);
        }

        await ReengageOnceAsync(session, conversation, caseId, cancellationToken);
    }

    /// <summary>
    /// Queues the template unless one went (or waits to go) since the person last wrote: the person is invited to write
    /// once, however many replies wait. Never to a person who went quiet or opted out.
    /// </summary>
    private async Task ReengageOnceAsync(DbSession session, Conversation conversation, Guid? caseId, CancellationToken cancellationToken)
    {
        if (!SendsTemplate || conversation.Status != ConversationStatus.Active)
        {
            return;
        }

        var since = conversation.LastInboundAt ?? conversation.CreatedAt;
        if (await session.QuerySingleAsync<long>("Outbox_CountReengagementsSince", new { ConversationId = conversation.Id, Since = since },
                cancellationToken) > 0)
        {
            return;
        }

        var template = await writer.WriteAsync(session, conversation, caseId, WhatsAppWindow.TemplateNote, null, cancellationToken);
        await session.ExecuteAsync("Outbox_MarkReengagement", new { MessageId = template.Id }, cancellationToken);
    }

    private sealed record RefusedReply
    {
        public Guid ConversationId { get; init; }
        public int? SendWhileQuietAtVersion { get; init; }
        public long Sequence { get; init; }
        public long? SilencedThroughSequence { get; init; }
    }

    private sealed record HeldReply
    {
        public Guid MessageId { get; init; }
        public Guid? CaseId { get; init; }
    }
}
