using Hotline.Api.Inbound;
using Hotline.Api.Media;
using Hotline.Bot.Intake.Scripts;

namespace Hotline.Api.Casework;

/// <summary>The queries behind the console: the queue, one case, and what changed after a sequence number.</summary>
public sealed class CaseReadModel(CaseQueue cases, MessageRepository messages, MediaItemRepository media, CaseNoteRepository notes,
    CaseEventLog events, FieldProtector protector, IntakeScript script, DeclinedAnswers declined, IOptions<QueueOptions> queueOptions,
    IOptions<TwilioOptions> twilio, TimeProvider time)
{
    public async Task<QueueView> ReadQueueAsync(DbSession session, User user, CancellationToken cancellationToken)
    {
        var last = await LastSequenceAsync(session, cancellationToken);
        var rows = await session.QueryAsync<CaseSummaryRow>("Cases_ReadOpenSummaries",
            new { All = CaseAccess.SeesAll(user) ? 1 : 0, UserId = user.Id }, cancellationToken);
        return new QueueView(last, rows.Select(r => r.ToView(twilio.Value.WhatsApp.SendsTemplate)).AsList());
    }

    public async Task<CaseSummary?> ReadSummaryAsync(DbSession session, Guid caseId, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<CaseSummaryRow>("Cases_ReadSummaryById", new { Id = caseId }, cancellationToken))?.ToView(twilio.Value.WhatsApp.SendsTemplate);

    /// <summary>
    /// The case as a caseworker opens it. Its <see cref="CaseDetail.LastSequence"/> is read first, so the case is as of that event
    /// or later: a console orders what it reads and what is pushed by it, since the person's status (quiet, said it is safe)
    /// changes the conversation, not the case's version.
    /// </summary>
    public async Task<CaseDetail?> ReadDetailAsync(DbSession session, Guid caseId, User viewer, CancellationToken cancellationToken)
    {
        var lastSequence = await LastSequenceAsync(session, cancellationToken);
        var record = await cases.FindByIdAsync(session, caseId, cancellationToken);
        var summary = await ReadSummaryAsync(session, caseId, cancellationToken);
        if (record is null || summary is null)
        {
            return null;
        }

        var attachments = (await media.ReadConversationAsync(session, record.ConversationId, cancellationToken)).ToLookup(m => m.MessageId);
        // The case's part of the person's conversation only: an earlier case is read in the case history, where that read is
        // audited under its own id, and a later one is another case, which the viewer of this one may not be allowed to read.
        var transcript = (await messages.ReadCaseAsync(session, caseId, cancellationToken))
            .Select(m => ToView(m) with { Attachments = attachments.Contains(m.Id) ? [.. attachments[m.Id].Select(AttachmentView.Of)] : null })
            .ToList();
        var caseNotes = (await notes.ReadByCaseAsync(session, caseId, cancellationToken))
            .Select(n => new NoteView(n.Id, n.AuthorUserId, n.Body, n.CreatedAt)).ToList();
        var caseEvents = await events.ReadByCaseAsync(session, caseId, cancellationToken);
        var answers = caseEvents.Where(e => e.Type == CaseEventTypes.AnswerRecorded).Select(ToAnswer).ToList();
        var isAssignee = record.AssigneeId == viewer.Id && record.Status == CaseStatus.Claimed;
        var urgentWords = caseEvents.Where(e => e.Type == CaseEventTypes.UrgentWordMatched).Select(e => Field(e, "Word")).Distinct().ToList();
        var lastInbound = transcript.LastOrDefault(m => m.Direction == nameof(MessageDirection.Inbound))?.At;
        return new CaseDetail(summary, transcript, caseNotes, answers, isAssignee ? record.LeaseToken : null,
            isAssignee ? record.LeaseExpiresAt : null, lastSequence,
            Unanswered(caseEvents, summary, answers), urgentWords, WhatsAppWindow.Of(summary.Channel, lastInbound, time.GetUtcNow()),
            declined.In(caseEvents), LeftOpen(caseEvents), SaidSafeAt(caseEvents),
            StoppedAnswering: caseEvents.LastOrDefault(e => e.Type == CaseEventTypes.IntakeEnded) is { } ended
                && Field(ended, "Reason") == IntakeEnded.StoppedAnswering,
            LeaseSeconds: isAssignee ? queueOptions.Value.LeaseSeconds : null);
    }

    /// <summary>When the person last said it is safe to write, if that is the last change of their status the case has seen.</summary>
    private static DateTimeOffset? SaidSafeAt(IReadOnlyList<CaseEvent> caseEvents) =>
        caseEvents.LastOrDefault(e => e.Type == CaseEventTypes.ConversationStatusChanged) is { } changed
            && Field(changed, "Reason") == EngineTurnApplier.SaidSafeReason
            ? changed.OccurredAt
            : null;

    /// <summary>The question <see cref="EndIntakeAtFirstReplyAsync"/> found open on the phone, when the intake ended there.</summary>
    private IntakeQuestionLeftOpen? LeftOpen(IReadOnlyList<CaseEvent> caseEvents) =>
        caseEvents.LastOrDefault(e => e.Type == CaseEventTypes.IntakeEnded) is { } ended && Field(ended, "LeftOpen") is { Length: > 0 } step
            && script.FindStep(step) is not null
            ? new IntakeQuestionLeftOpen(step, script.Text(script.BaseLanguage, step))
            : null;

    /// <summary>
    /// At a caseworker's first reply, inside its write: the intake asks nothing more from then on (beside a caseworker no reply
    /// is read as an answer, docs/intake/README.md), so the case stops showing a question in progress at once rather than at
    /// the person's next message, and lists what is left for her to ask, as the intake will then.
    /// </summary>
    public async Task EndIntakeAtFirstReplyAsync(DbSession session, Guid caseId, CancellationToken cancellationToken)
    {
        if (await ReadSummaryAsync(session, caseId, cancellationToken) is not { IntakeQuestion: not null } summary)
        {
            return;
        }

        var caseEvents = await events.ReadByCaseAsync(session, caseId, cancellationToken);
        var answers = caseEvents.Where(e => e.Type == CaseEventTypes.AnswerRecorded).Select(ToAnswer).ToList();
        var leftOpen = caseEvents.LastOrDefault(e => e.Type == CaseEventTypes.IntakeProgressed) is { } progressed ? Field(progressed, "StepId") : null;
        await cases.ChangeIntakeProgressAsync(session, caseId, null, null, CaseEventTypes.IntakeEnded,
            new { Reason = IntakeEnded.CaseworkerWrote, Unanswered = Unanswered(caseEvents, summary, answers), LeftOpen = leftOpen },
            cancellationToken);
    }

    /// <summary>
    /// The questions the person consented to and has not answered: as the intake listed them when it stopped, or, while it
    /// still asks, those it has not had an answer to, the one it is on included (a caseworker who takes the case now asks
    /// them in their own words).
    /// </summary>
    private List<string> Unanswered(IReadOnlyList<CaseEvent> caseEvents, CaseSummary summary, List<AnswerView> answers)
    {
        if (caseEvents.LastOrDefault(e => e.Type == CaseEventTypes.IntakeEnded) is { } ended)
        {
            using var data = JsonDocument.Parse(ended.Data);
            return data.RootElement.TryGetProperty("Unanswered", out var list) && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Select(step => step.GetString() ?? "")]
                : [];
        }

        var consented = answers.Any(a => a.StepId == script.ConsentStepId && a.AnswerCode == AnswerCodes.Yes);
        if (summary.IntakeQuestion is null || !consented)
        {
            return [];
        }

        var answered = answers.Select(a => a.StepId).ToHashSet(StringComparer.Ordinal);
        return [.. script.Questions.Where(q => q.Record && !q.GrantsConsent && !answered.Contains(q.Id)).Select(q => q.Id)];
    }

    private static string Field(CaseEvent caseEvent, string name)
    {
        using var data = JsonDocument.Parse(caseEvent.Data);
        return data.RootElement.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
    }

    public Task<long> LastSequenceAsync(DbSession session, CancellationToken cancellationToken) =>
        events.ReadLastSequenceAsync(session, cancellationToken);

    /// <summary>A stored message's view (one just written has no <see cref="Message.Sequence"/> until it is read back).</summary>
    public static MessageView ToView(Message message) => new(message.Id, message.Direction.ToString(), message.Body, message.Segments,
        message.DeliveryStatus, message.DeliveryError, message.CreatedAt, message.AuthorUserId, message.Sequence, ContentErased: message.ContentErased);

    private AnswerView ToAnswer(CaseEvent caseEvent)
    {
        using var data = JsonDocument.Parse(caseEvent.Data);
        var stepId = data.RootElement.TryGetProperty("StepId", out var step) ? step.GetString() ?? "" : "";
        return new AnswerView(
            stepId,
            data.RootElement.TryGetProperty("AnswerCode", out var code) ? code.GetString() ?? "" : "",
            protector.UnprotectOrNull(data.RootElement.TryGetProperty("TextCipher", out var text) ? text.GetString() : null,
                ProtectedColumns.AnswerTextOf(caseEvent.CaseId, stepId)),
            caseEvent.OccurredAt);
    }
}
