using Hotline.Api.Inbound;
using Hotline.Api.IntakeHost;
using Hotline.Api.Translations;

namespace Hotline.Api.Casework;

/// <summary>
/// A caseworker's reply that asks whether it is safe to write (the canned reply, alone or inside a message of hers): the
/// engine records the question open in the conversation's state, in the reply's own transaction, so that the person's "no"
/// makes the conversation wait until they say it is safe, as a "no" to the intake's question does (docs/casework.md). Read
/// from the words she sends, not from how they reached the reply box, so no console can leave the question unrecorded.
/// </summary>
/// <remarks>
/// Her question is on the phone only once it has left, and a message the person wrote before that crossed it: read as the
/// answer, their "hello" that released it from WhatsApp's hold closed it unseen, and their "no" after reading it was hers to
/// read, not the answer. So the conversation keeps the id of the reply that asks it (it is the reply's own message, written
/// in this transaction, so no later reply of hers is mistaken for it), and each message of the person's asks the outbox
/// where that reply is (<see cref="WhereIsAsync"/>): on its way (pending, held), may have left (being sent, or an attempt
/// whose outcome is unknown), left (sent, given up as "May not have reached the phone", or its row gone: retention deletes
/// only finished rows), or never to leave (failed for good, cancelled). The engine reads the message against her question
/// only if it has left, reads a "no" as the answer if it may have left (read as crossing it, a "no" to a question Twilio had
/// taken while its answer was lost let her next reply through: a review), and closes a question that never left: read against it, "he locked the door,
/// it is not safe here" answered a question the person never saw and refused her "Call 112 now" (a review). The id is
/// forgotten once the reply has left or never will (kept while it may have left), so a conversation with no question on its way costs a message no
/// look-up. Asked again, the latest asking is the one followed, whatever became of the earlier: it is the last to reach the
/// phone, and a message read against the earlier one once it had left closed the question while the latest was still on its
/// way (its "no" then let her next reply through). The engine knows it was asked again while open, and reads a "no" as the
/// answer until the latest has left (an earlier asking may be what the person answers). If the latest never leaves, the
/// earlier one (kept while it had not left when she asked again: <c>Conversations.EarlierSafetyQuestionMessageId</c>) is
/// the question only if it has left, may have or is on its way (<see cref="WhereIsEarlierAsync"/>); never left either, there is none.
/// </remarks>
public sealed class SafetyQuestionReplies(TranslationBooks books, IntakeEngines engines, ConversationRepository conversations, OutboxRepository outbox,
    MessageRepository messages, CaseQueue queue)
{
    /// <summary>
    /// Whether <paramref name="body"/> asks it; if it does, the conversation is saved with the question open and the id of
    /// <paramref name="messageId"/>, the reply that asks it, which gives it a new version: an engine turn taken on it as read
    /// before the reply fails its save and is taken again, seeing the question.
    /// </summary>
    public async Task<bool> RecordIfAskedAsync(DbSession session, Conversation conversation, OpenCase? openCase, string body, Guid messageId,
        CancellationToken cancellationToken)
    {
        if (!(await books.CurrentAsync(session, cancellationToken)).SafetyQuestion.IsAskedIn(body))
        {
            return false;
        }

        // The latest asking is followed: it is the last on the phone. Where the earlier one is tells the engine whether it was
        // still open (one that never left is closed), and so whether the person's message may answer it meanwhile.
        var earlier = await WhereIsAsync(session, conversation, cancellationToken);
        await RecordOpenAsync(session, conversation, openCase, messageId, cancellationToken, earlier);
        return true;
    }

    /// <summary>
    /// Her reply <paramref name="messageId"/>, which Twilio took, is held again: WhatsApp refused it outside its 24-hour window
    /// (63016), so it never reached the phone and goes when the person next writes. If it asks the question and no question
    /// of hers is recorded, a message of the person's that arrived between Twilio taking it and the refusal read it as on the
    /// phone, answered it and forgot it: that "hello" closed a question the person never saw, and their "no" once it reached
    /// them let her next reply through. The question is recorded open again with this reply's id, for the first message
    /// written once it has really left. One still recorded is this reply (held, it reads as on its way) or a later asking
    /// of hers, which stands. The intake's own texts are not hers: its question has its own reading. Only while the person
    /// may be written to: quiet (the discreet word or "not safe" since) or opted out, the engine keeps its state and the held
    /// reply is cancelled when released, so there is nothing to record and the conversation is not written.
    /// </summary>
    public async Task ReopenIfHeldAgainAsync(DbSession session, Conversation conversation, Guid messageId, CancellationToken cancellationToken)
    {
        if (conversation.Status != ConversationStatus.Active
            || conversation.SafetyQuestionMessageId is not null
            || await messages.FindByIdAsync(session, messageId, cancellationToken) is not { AuthorUserId: not null } reply
            || !(await books.CurrentAsync(session, cancellationToken)).SafetyQuestion.IsAskedIn(reply.Body))
        {
            return;
        }

        var openCase = await queue.FindOpenForIntakeAsync(session, conversation.Id, cancellationToken);
        await RecordOpenAsync(session, conversation, openCase, messageId, cancellationToken);
    }

    private async Task RecordOpenAsync(DbSession session, Conversation conversation, OpenCase? openCase, Guid asking,
        CancellationToken cancellationToken, CaseworkerQuestion earlier = CaseworkerQuestion.Left)
    {
        var chosen = await engines.ForConversationAsync(session, conversation, cancellationToken);
        var state = chosen.Engine.CaseworkerAskedIfSafe(EngineSnapshots.Of(conversation, openCase, registeredLanguage: null, earlier));
        // The asking followed until now is the earlier one, kept in case this one never leaves; none is followed once it left.
        var saved = conversation with
        {
            EngineState = state, TranslationVersion = chosen.TranslationVersion, SafetyQuestionMessageId = asking,
            EarlierSafetyQuestionMessageId = StillToSettle(earlier) ? conversation.SafetyQuestionMessageId : null,
        };
        if (!await conversations.UpdateAsync(session, saved, cancellationToken))
        {
            throw new ConcurrencyConflictException($"Conversation {conversation.Id} changed while a caseworker's question whether it is safe to write was recorded.");
        }
    }

    /// <summary>
    /// Where the conversation's last recorded question of hers is: on its way (pending, or held until the person writes: a
    /// message arriving now was written before the person could read it), may have left (being sent, or an attempt whose
    /// outcome is unknown: a "no" now is the answer), left for the phone (sent; or given up unconfirmed, "May not have reached
    /// the phone", as on the phone as it will ever be), or never to leave. No look-up when none is on its way.
    /// </summary>
    public Task<CaseworkerQuestion> WhereIsAsync(DbSession session, Conversation conversation, CancellationToken cancellationToken) =>
        WhereAskingIsAsync(session, conversation.SafetyQuestionMessageId, cancellationToken);

    /// <summary>
    /// Where her earlier asking is, which the person may be answering when the latest never left (<paramref name="latest"/>):
    /// none recorded means it had left when she asked again (or she asked once, and the engine knows). Read only then, so a
    /// message costs no look-up otherwise. Before, the earlier asking was taken to be on the phone whatever became of it: a
    /// "no" after both askings were refused for good was read as the answer and refused her next reply (a review).
    /// </summary>
    public async Task<CaseworkerQuestion> WhereIsEarlierAsync(DbSession session, Conversation conversation, CaseworkerQuestion latest,
        CancellationToken cancellationToken) =>
        latest == CaseworkerQuestion.NeverLeft
            ? await WhereAskingIsAsync(session, conversation.EarlierSafetyQuestionMessageId, cancellationToken)
            : CaseworkerQuestion.Left;

    private async Task<CaseworkerQuestion> WhereAskingIsAsync(DbSession session, Guid? askingId, CancellationToken cancellationToken) =>
        askingId is { } asking
            ? await outbox.ReadStateByMessageIdAsync(session, asking, cancellationToken) switch
            {
                { Status: OutboxStatus.Sending } or { Status: OutboxStatus.Pending, OutcomeUnknown: true } => CaseworkerQuestion.MayHaveLeft,
                { Status: OutboxStatus.Pending or OutboxStatus.Held } => CaseworkerQuestion.OnItsWay,
                { Status: OutboxStatus.Failed, OutcomeUnknown: true } => CaseworkerQuestion.Left,
                { Status: OutboxStatus.Failed or OutboxStatus.Cancelled } => CaseworkerQuestion.NeverLeft,
                { Status: OutboxStatus.Sent } or null => CaseworkerQuestion.Left,
                var unknown => throw new InvalidOperationException($"Outbox status {unknown.Status} is not known to say where a message is."),
            }
            : CaseworkerQuestion.Left;

    /// <summary>Not settled where the question is: the conversation keeps its id, and the next message asks again.</summary>
    public static bool StillToSettle(CaseworkerQuestion where) => where is CaseworkerQuestion.OnItsWay or CaseworkerQuestion.MayHaveLeft;
}
