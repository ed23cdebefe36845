using Hotline.Api.Cases;
using Hotline.Api.Conversations;
using Hotline.Api.Outbox;
using Hotline.Api.Storage;
using Hotline.Api.Users;

namespace Hotline.Api.Casework;

/// <summary>What a caseworker does to a case beyond the queue's own moves: reply to the person and keep notes.</summary>
public sealed class CaseActions(
    Database database, ConversationRepository conversations, OutboundWriter outbound, CaseNoteRepository notes, CaseEventLog events, CaseReadModel read)
{
    public const int MaxNoteLength = 10_000;

    /// <summary>Queues a reply in the outbox; only the lease holder may, and never to a person who opted out or went quiet.</summary>
    public async Task<ActionAnswer<MessageView>> ReplyAsync(User user, Guid caseId, Guid leaseToken, string body, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var record = await session.QuerySingleOrDefaultAsync<CaseRecord>("Cases_ReadById", new { Id = caseId }, cancellationToken);
        if (record is null || !CaseQueue.Holds(record, leaseToken, await session.DatabaseNowAsync(cancellationToken)))
        {
            return ActionAnswer<MessageView>.Refused("Your claim on this case has ended (it expired or was taken over); take the case again to reply.");
        }

        var conversation = (await conversations.FindByIdAsync(session, record.ConversationId, cancellationToken))!;
        if (OutboundWriter.RefusalFor(conversation, body) is { } refusal)
        {
            return ActionAnswer<MessageView>.Refused(refusal);
        }

        var message = await outbound.WriteAsync(session, conversation, caseId, body, user.Id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return ActionAnswer<MessageView>.Done(CaseReadModel.ToView(message));
    }

    public async Task<ActionAnswer<NoteView>> AddNoteAsync(User user, Guid caseId, string body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Length > MaxNoteLength)
        {
            return ActionAnswer<NoteView>.Refused($"A note must have text and at most {MaxNoteLength} characters.");
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        var summary = await read.ReadSummaryAsync(session, caseId, cancellationToken);
        if (summary is null || !CaseAccess.MaySee(user, summary))
        {
            return ActionAnswer<NoteView>.Refused("You may not work on this case.");
        }

        var note = await notes.AddAsync(session, caseId, user.Id, body, cancellationToken);
        await events.AppendAsync(session, caseId, CaseEventTypes.NoteAdded, new { NoteId = note.Id }, user.Id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return ActionAnswer<NoteView>.Done(new NoteView(note.Id, note.AuthorUserId, note.Body, note.CreatedAt));
    }
}
