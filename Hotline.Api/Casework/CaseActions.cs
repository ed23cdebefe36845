using Hotline.Api.CaseStore;
using Hotline.Api.ConversationStore;
using Hotline.Api.Messages;
using Hotline.Api.Outbox;
using Hotline.Api.Outcomes;
using Hotline.Api.Storage;
using Hotline.Api.Users;

namespace Hotline.Api.Casework;

/// <summary>What a caseworker does to a case beyond the queue's own moves: reply to the person and keep notes.</summary>
public sealed class CaseActions(
    Database database, CaseQueue cases, ConversationRepository conversations, OutboundWriter outbound, MessageRepository messages, CaseNoteRepository notes,
    CaseEventLog events, CaseReadModel read)
{
    public const int MaxNoteLength = 10_000;
    private const string ReusedRequest = "This request id was used for something else; reload the page and try again.";

    /// <summary>
    /// Queues a reply in the outbox; only the lease holder may, and never to a person who opted out or went quiet.
    /// The console's request id becomes the message's id: a repeat (a double click, a retry after a lost answer)
    /// answers with the reply it queued and never texts the person twice.
    /// </summary>
    public async Task<Outcome<MessageView>> ReplyAsync(User user, Guid caseId, Guid leaseToken, string body, Guid requestId,
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
        if (record is null || !CaseQueue.Holds(record, leaseToken, await session.DatabaseNowAsync(cancellationToken)))
        {
            return Outcome<MessageView>.Refused(Refusal.Conflict, "Your claim on this case has ended (it expired or was taken over); take the case again to reply.");
        }

        var conversation = (await conversations.FindByIdAsync(session, record.ConversationId, cancellationToken))!;
        if (OutboundWriter.RefusalFor(conversation, body) is { } refusal)
        {
            return Outcome<MessageView>.Refused(Refusal.Conflict, refusal);
        }

        var message = await outbound.WriteAsync(session, conversation, caseId, body, user.Id, requestId, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return Outcome<MessageView>.Done(CaseReadModel.ToView(message));
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
