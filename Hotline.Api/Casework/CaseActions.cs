using System.Data.Common;
using Hotline.Api.Referrals;

namespace Hotline.Api.Casework;

/// <summary>What a caseworker does to a case beyond the queue's own moves: reply to the person and keep notes.</summary>
public sealed class CaseActions(
    Database database, CaseQueue cases, ConversationRepository conversations, OutboundWriter outbound, MessageRepository messages, CaseNoteRepository notes,
    CaseEventLog events, CaseReadModel read, ReferralRepository referrals, WhatsAppHolds whatsAppHolds, SafetyQuestionReplies safetyQuestions,
    TimeProvider time, HotlineMetrics metrics)
{
    public const int MaxNoteLength = 10_000;
    public const string LeaseLost = "Your claim on this case has ended (it expired or was taken over).";
    private const string ReusedRequest = "This request id was used for something else; reload the page and try again.";
    private const int ReplyAttempts = 3;

    /// <summary>
    /// Queues a reply in the outbox; only the lease holder may, and never to a person who opted out or went quiet.
    /// The console's request id becomes the message's id: a repeat (a double click, a retry after a lost answer)
    /// answers with the reply it queued and never texts the person twice.
    /// </summary>
    public async Task<Outcome<MessageView>> ReplyAsync(User user, Guid caseId, Guid leaseToken, string body, Guid requestId,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryReplyAsync(user, caseId, leaseToken, body, requestId, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < ReplyAttempts)
            {
                // On SQL Server a message of the person's was saved after this first reply read the conversation: the next
                // attempt reads what its turn did. SQLite's single writer leaves no such race.
            }
            catch (DbException ex) when (DbErrors.IsDeadlockVictim(ex) && attempt < ReplyAttempts)
            {
                // On SQL Server a first reply takes the case, the event counter and the conversation; a message of the person's
                // that appends no case event takes the conversation, then the counter: either may be chosen as the victim, its
                // transaction rolled back whole. The request id makes the next attempt answer once, as the inbound side does.
            }
        }
    }

    private async Task<Outcome<MessageView>> TryReplyAsync(User user, Guid caseId, Guid leaseToken, string body, Guid requestId,
        CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        if (await messages.FindByIdAsync(session, requestId, cancellationToken) is { } earlier)
        {
            return earlier.CaseId == caseId && earlier.AuthorUserId == user.Id
                ? Outcome<MessageView>.Done(CaseReadModel.ToView(earlier))
                : Outcome<MessageView>.Refused(Refusal.Conflict, ReusedRequest);
        }

        var record = await cases.FindByIdAsync(session, caseId, cancellationToken);
        var now = await session.DatabaseNowAsync(cancellationToken);
        if (record is null || !CaseQueue.Holds(record, leaseToken, now))
        {
            return Outcome<MessageView>.Refused(Refusal.Conflict, "Your claim on this case has ended (it expired or was taken over); take the case again to reply.");
        }

        var conversation = (await conversations.FindByIdAsync(session, record.ConversationId, cancellationToken))!;
        if (OutboundWriter.RefusalFor(conversation, body) is { } refusal)
        {
            return Outcome<MessageView>.Refused(Refusal.Conflict, refusal);
        }

        // Outside WhatsApp's window free text would be refused: held behind the approved template, or refused without one.
        var windowClosed = WhatsAppWindow.IsClosed(conversation, time.GetUtcNow());
        if (windowClosed && !whatsAppHolds.SendsTemplate)
        {
            return Outcome<MessageView>.Refused(Refusal.Conflict, WhatsAppWindow.ClosedRefusal);
        }

        var openCase = await cases.FindOpenForIntakeAsync(session, conversation.Id, cancellationToken);
        var firstReply = openCase is { CaseworkerHasWritten: false };
        if (firstReply)
        {
            // The intake engine decides on whether she has written: a turn it took on the conversation as read before this reply
            // must not be saved after it (it would record an answer and put the next question on the phone after her), so the
            // conversation takes a new version, and such a turn is taken again. The case (with its event), the conversation,
            // then the message: the order in which a message's turn that changes the case locks them on SQL Server. A turn that
            // changes no case (a question asked again, an empty message) takes the conversation first, and one of the two may
            // then be a deadlock's victim: ReplyAsync tries the reply again.
            await read.EndIntakeAtFirstReplyAsync(session, caseId, cancellationToken);
        }

        // Asking whether it is safe to write saves the conversation with the question open: a new version, as a first reply needs.
        var askedIfSafe = await safetyQuestions.RecordIfAskedAsync(session, conversation, openCase, body, requestId, cancellationToken);
        if (firstReply && !askedIfSafe && !await conversations.AdvanceVersionAsync(session, conversation, cancellationToken))
        {
            throw new ConcurrencyConflictException($"Conversation {conversation.Id} changed while a first reply was being written.");
        }

        var message = await outbound.WriteAsync(session, conversation, caseId, body, user.Id, requestId, cancellationToken);

        if (windowClosed)
        {
            await whatsAppHolds.HoldNewAsync(session, conversation, message, cancellationToken);
        }

        // Read back for the place in the conversation the database gave it, by which the console orders the transcript.
        var stored = (await messages.FindByIdAsync(session, message.Id, cancellationToken))!;
        await session.CommitAsync(cancellationToken);
        if (firstReply)
        {
            metrics.FirstCaseworkerReply(record.Priority, now - record.QueuedAt);
        }

        return Outcome<MessageView>.Done(CaseReadModel.ToView(stored));
    }

    /// <summary>
    /// Closes the case with an outcome code; the caseworker's own words, if any, become an encrypted note written in the
    /// same transaction. "Referred" needs a referral that reached the partner: a proposal, or one with consent but not
    /// sent, has not referred anyone, and statistics would count it. A refused close changes nothing.
    /// </summary>
    public async Task<Outcome<bool>> CloseAsync(User user, Guid caseId, Guid leaseToken, string? outcome, string? note,
        CancellationToken cancellationToken)
    {
        var code = outcome?.Trim() ?? "";
        if (!CaseOutcomes.IsChoice(code))
        {
            return Outcome<bool>.Refused(Refusal.Invalid,
                $"Choose an outcome: {string.Join(", ", CaseOutcomes.Choices.Select(c => c.Code))}. Anything else goes into the note.");
        }

        if (note is { Length: > MaxNoteLength })
        {
            return Outcome<bool>.Refused(Refusal.Invalid, $"The note has at most {MaxNoteLength} characters.");
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        if (code == CaseOutcomes.Referred && !(await referrals.ReadByCaseAsync(session, caseId, cancellationToken))
                .Any(r => r.Status is ReferralStatus.Sent or ReferralStatus.Accepted or ReferralStatus.Completed))
        {
            return Outcome<bool>.Refused(Refusal.Conflict,
                "This case has no referral sent to a partner, so it cannot close as referred. Send the referral first (a proposed referral is not sent), or choose another outcome.");
        }

        if (!await cases.CloseAsync(session, caseId, leaseToken, user.Id, code, cancellationToken))
        {
            return Outcome<bool>.Refused(Refusal.Conflict, LeaseLost);
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            var written = await notes.AddAsync(session, caseId, user.Id, note.Trim(), cancellationToken);
            await events.AppendAsync(session, caseId, CaseEventTypes.NoteAdded, new { NoteId = written.Id }, user.Id, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return Outcome<bool>.Done(true);
    }

    /// <summary>Adds a note; the console's request id becomes the note's id, so a repeat answers with the note it made.</summary>
    public async Task<Outcome<NoteView>> AddNoteAsync(User user, Guid caseId, string body, Guid requestId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Length > MaxNoteLength)
        {
            return Outcome<NoteView>.Refused(Refusal.Invalid, $"A note must have text and at most {MaxNoteLength} characters.");
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        var summary = await read.ReadSummaryAsync(session, caseId, cancellationToken);
        if (summary is null || !CaseAccess.MaySee(user, summary))
        {
            return Outcome<NoteView>.Refused(Refusal.Forbidden, "You may not work on this case.");
        }

        if (summary.Status == nameof(CaseStatus.Closed))
        {
            return Outcome<NoteView>.Refused(Refusal.Conflict, "The case is closed: it is kept as it was closed, and notes can no longer be added.");
        }

        if (await notes.FindByIdAsync(session, requestId, cancellationToken) is { } earlier)
        {
            return earlier.CaseId == caseId && earlier.AuthorUserId == user.Id
                ? Outcome<NoteView>.Done(new NoteView(earlier.Id, earlier.AuthorUserId, earlier.Body, earlier.CreatedAt))
                : Outcome<NoteView>.Refused(Refusal.Conflict, ReusedRequest);
        }

        var note = await notes.AddAsync(session, requestId, caseId, user.Id, body, cancellationToken);
        await events.AppendAsync(session, caseId, CaseEventTypes.NoteAdded, new { NoteId = note.Id }, user.Id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return Outcome<NoteView>.Done(new NoteView(note.Id, note.AuthorUserId, note.Body, note.CreatedAt));
    }
}
