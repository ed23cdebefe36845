using System.Text.Json;
using Dapper;
using Hotline.Api.CaseStore;
using Hotline.Api.Inbound;
using Hotline.Api.Messages;
using Hotline.Api.Privacy;
using Hotline.Api.Storage;
using Hotline.Api.Users;

namespace Hotline.Api.Casework;

/// <summary>The queries behind the console: the queue, one case, and what changed after a sequence number.</summary>
public sealed class CaseReadModel(CaseQueue cases, MessageRepository messages, CaseNoteRepository notes, CaseEventLog events, FieldProtector protector)
{
    public async Task<QueueView> ReadQueueAsync(DbSession session, User user, CancellationToken cancellationToken)
    {
        var last = await LastSequenceAsync(session, cancellationToken);
        var rows = await session.QueryAsync<CaseSummaryRow>("Cases_ReadOpenSummaries",
            new { All = CaseAccess.SeesAll(user) ? 1 : 0, UserId = user.Id }, cancellationToken);
        return new QueueView(last, rows.Select(r => r.ToView()).AsList());
    }

    public async Task<CaseSummary?> ReadSummaryAsync(DbSession session, Guid caseId, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<CaseSummaryRow>("Cases_ReadSummaryById", new { Id = caseId }, cancellationToken))?.ToView();

    public async Task<CaseDetail?> ReadDetailAsync(DbSession session, Guid caseId, User viewer, CancellationToken cancellationToken)
    {
        var record = await cases.FindByIdAsync(session, caseId, cancellationToken);
        var summary = await ReadSummaryAsync(session, caseId, cancellationToken);
        if (record is null || summary is null)
        {
            return null;
        }

        var transcript = (await messages.ReadConversationAsync(session, record.ConversationId, cancellationToken)).Select(ToView).ToList();
        var caseNotes = (await notes.ReadByCaseAsync(session, caseId, cancellationToken))
            .Select(n => new NoteView(n.Id, n.AuthorUserId, n.Body, n.CreatedAt)).ToList();
        var caseEvents = await events.ReadByCaseAsync(session, caseId, cancellationToken);
        var answers = caseEvents.Where(e => e.Type == CaseEventTypes.AnswerRecorded).Select(ToAnswer).ToList();
        var isAssignee = record.AssigneeId == viewer.Id && record.Status == CaseStatus.Claimed;
        return new CaseDetail(summary, transcript, caseNotes, answers, isAssignee ? record.LeaseToken : null,
            isAssignee ? record.LeaseExpiresAt : null, await LastSequenceAsync(session, cancellationToken));
    }

    public Task<long> LastSequenceAsync(DbSession session, CancellationToken cancellationToken) =>
        events.ReadLastSequenceAsync(session, cancellationToken);

    public static MessageView ToView(Message message) => new(message.Id, message.Direction.ToString(), message.Body, message.Segments,
        message.DeliveryStatus, message.DeliveryError, message.CreatedAt, message.AuthorUserId);

    private AnswerView ToAnswer(CaseEvent caseEvent)
    {
        using var data = JsonDocument.Parse(caseEvent.Data);
        return new AnswerView(
            data.RootElement.TryGetProperty("StepId", out var step) ? step.GetString() ?? "" : "",
            data.RootElement.TryGetProperty("AnswerCode", out var code) ? code.GetString() ?? "" : "",
            protector.UnprotectOrNull(
                data.RootElement.TryGetProperty("TextCipher", out var text) ? text.GetString() : null, EngineTurnApplier.AnswerTextPurpose),
            caseEvent.OccurredAt);
    }
}
