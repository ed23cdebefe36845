namespace Hotline.Api.Inbound;

/// <summary>Turns the engine's decisions into stored changes, inside the caller's transaction.</summary>
public sealed class EngineTurnApplier(
    ConversationRepository conversations, CaseQueue queue, CaseEventLog events, OutboundWriter outbound, WaitingReplies waiting,
    FieldProtector protector, CaseLanguageLearning caseLanguage)
{
    public sealed record Applied(Conversation Conversation, Guid? CaseId);

    /// <param name="wokeUpFrom">The person's message ended a quiet spell, whose reason this was: the consoles are told, as of every
    /// change of status (null: it ended none).</param>
    public async Task<Applied> ApplyAsync(DbSession session, Conversation conversation, Guid? openCaseId, EngineTurn turn,
        CancellationToken cancellationToken, Conversation? wokeUpFrom = null)
    {
        var updated = conversation with { EngineState = turn.State, Language = turn.Language ?? conversation.Language };
        var caseId = openCaseId;
        var caseEvents = new List<(string Type, object Data)>();
        if (wokeUpFrom is not null)
        {
            caseEvents.Add((CaseEventTypes.ConversationStatusChanged, new { Status = updated.Status.ToString(), Reason = WokeUpReason(wokeUpFrom) }));
        }

        foreach (var engineEvent in turn.Events)
        {
            switch (engineEvent)
            {
                case CaseRequested requested when caseId is null:
                    var language = updated.Language ?? NewCase.UnknownLanguage;
                    caseId = (await queue.EnqueueAsync(session,
                        new NewCase(updated.Id, language, requested.Priority, requested.Score, requested.Reasons, updated.Status), cancellationToken)).Id;
                    break;
                case CaseRequested requested:
                    await queue.ChangePriorityAsync(session, caseId.Value, requested.Priority, requested.Score, requested.Reasons, cancellationToken);
                    break;
                case PriorityChanged changed when caseId is { } id:
                    await queue.ChangePriorityAsync(session, id, changed.Priority, changed.Score, changed.Reasons, cancellationToken);
                    break;
                case IntakeProgressed progressed when caseId is { } id:
                    await queue.ChangeIntakeProgressAsync(session, id, progressed.Question, progressed.Questions, CaseEventTypes.IntakeProgressed,
                        new { progressed.StepId, progressed.Question, progressed.Questions }, cancellationToken);
                    break;
                case IntakeEnded ended when caseId is { } id:
                    // Her first reply ended the intake in its own transaction (CaseReadModel.EndIntakeAtFirstReplyAsync); the engine
                    // learns of it at this message and ends it again, which would only push the case to every console once more. A
                    // case with no intake in progress at her reply (opened by a hand-off before any question) ends it here.
                    if (ended.Reason != IntakeEnded.CaseworkerWrote || !await events.HasAsync(session, id, CaseEventTypes.IntakeEnded, cancellationToken))
                    {
                        await queue.ChangeIntakeProgressAsync(session, id, null, null, CaseEventTypes.IntakeEnded,
                            new { ended.Reason, ended.Unanswered }, cancellationToken);
                    }

                    break;
                case UrgentWordMatched urgent:
                    caseEvents.Add((CaseEventTypes.UrgentWordMatched, new { urgent.Word, urgent.Language }));
                    break;
                case OptedOut optedOut:
                    updated = updated with { Status = ConversationStatus.OptedOut, StatusReason = $"The person sent {optedOut.Keyword}." };
                    caseEvents.Add((CaseEventTypes.ConversationStatusChanged, new { Status = updated.Status.ToString(), Reason = updated.StatusReason }));
                    break;
                case OptedIn optedIn:
                    updated = updated with { Status = ConversationStatus.Active, StatusReason = $"The person sent {optedIn.Keyword}." };
                    caseEvents.Add((CaseEventTypes.ConversationStatusChanged, new { Status = updated.Status.ToString(), Reason = updated.StatusReason }));
                    break;
                case WaitsUntilSafe waits when updated.Status != ConversationStatus.OptedOut:
                    updated = Quiet(updated, AskedIfSafe(updated, waits.Cause), caseEvents);
                    break;
                case WentQuiet quiet when updated.Status != ConversationStatus.OptedOut:
                    updated = Quiet(updated, QuietReason(quiet.Reason), caseEvents);
                    break;
                case HandoffRequested handoff:
                    caseEvents.Add((CaseEventTypes.HandoffRequested, new { handoff.Reason }));
                    break;
                case AnswerRecorded answer:
                    // Sealed when appended below: the answer is bound to its case, which this turn may not have opened yet.
                    caseEvents.Add((CaseEventTypes.AnswerRecorded, answer));
                    break;
            }
        }

        // A case opened before the person chose a language waits in the unknown-language pool, seen by every caseworker and
        // answered by whoever speaks no matter what; once the language is known it goes to that language's team.
        if (openCaseId is { } openedBefore && updated.Language is { } chosen && chosen != conversation.Language)
        {
            await caseLanguage.LearnAsync(session, openedBefore, chosen, cancellationToken);
        }

        if (caseId is { } caseForEvents)
        {
            foreach (var (type, data) in caseEvents)
            {
                var stored = data is AnswerRecorded answer ? AnswerData(caseForEvents, answer) : data;
                await events.AppendAsync(session, caseForEvents, type, stored, null, cancellationToken);
            }
        }

        if (Silenced(conversation, updated))
        {
            await waiting.CancelAsync(session, updated.Id, updated.StatusReason ?? "The conversation does not accept messages now.", cancellationToken);
        }

        if (!await conversations.UpdateAsync(session, updated, cancellationToken))
        {
            throw new ConcurrencyConflictException($"Conversation {updated.Id} changed while a message was being handled.");
        }

        return new Applied(updated with { Version = updated.Version + 1 }, caseId);
    }

    /// <summary>
    /// Quiet for this reason; the consoles hear of it only if the status or its reason changed. While the person is asked whether
    /// it is safe, every turn says it still waits: a message the engine asks again after ("in simpler words") left the status
    /// as it was, and a case's history read "asked whether it is safe to write now" twice, as if something had happened.
    /// </summary>
    private static Conversation Quiet(Conversation conversation, string reason, List<(string Type, object Data)> caseEvents)
    {
        if (conversation.Status == ConversationStatus.Quiet && conversation.StatusReason == reason)
        {
            return conversation;
        }

        caseEvents.Add((CaseEventTypes.ConversationStatusChanged, new { Status = nameof(ConversationStatus.Quiet), Reason = reason }));
        return conversation with { Status = ConversationStatus.Quiet, StatusReason = reason };
    }

    /// <summary>
    /// The turn began a quiet spell or opted the person out: nothing written before it may reach the phone. Staying quiet (the
    /// person writing again while asked whether it is safe) is the same spell, whose last words still waiting go out.
    /// </summary>
    public static bool Silenced(Conversation before, Conversation after) =>
        after.Status is ConversationStatus.Quiet or ConversationStatus.OptedOut && after.Status != before.Status;

    private object AnswerData(Guid caseId, AnswerRecorded answer) => new
    {
        answer.StepId,
        answer.AnswerCode,
        TextCipher = protector.ProtectOrNull(answer.Text, ProtectedColumns.AnswerTextOf(caseId, answer.StepId)),
    };

    /// <summary>
    /// Queues the engine's replies unless the person has opted out. A turn that leaves the conversation quiet
    /// still sends its own replies (the discreet word's decoy, the not-safe acknowledgement, the safety question
    /// asked again): they are last words, and the outbox knows them as such, so nothing else queued goes out while
    /// quiet, and they go out in order within the quiet spell even if the person writes again before they have left.
    /// </summary>
    public async Task QueueRepliesAsync(DbSession session, Conversation conversation, Guid? caseId, EngineTurn turn,
        CancellationToken cancellationToken)
    {
        if (conversation.Status == ConversationStatus.OptedOut)
        {
            return;
        }

        var sendable = conversation with { Status = ConversationStatus.Active };
        foreach (var reply in turn.Replies.Where(r => OutboundWriter.RefusalFor(sendable, r.Text) is null))
        {
            await (conversation.Status == ConversationStatus.Quiet
                ? outbound.WriteLastWordAsync(session, conversation, caseId, reply.Text, cancellationToken)
                : outbound.WriteAsync(session, conversation, caseId, reply.Text, null, cancellationToken));
        }
    }

    /// <summary>
    /// Why the quiet ended. While the person was asked whether it is safe to write, the engine ends the wait only at their
    /// answer that it is (every other turn says it still waits): the caseworker waiting for that is told it in those words.
    /// </summary>
    private static string WokeUpReason(Conversation quiet) =>
        quiet.StatusReason is { } reason && (reason == AskedIfSafeReason || reason == ReturnedReason
            || reason.EndsWith(AskedIfSafeAfterQuietReason, StringComparison.Ordinal))
            ? SaidSafeReason
            : "The person wrote again.";

    /// <summary>The reason of the status change that ends the wait for the safety answer (the console shows when it happened).</summary>
    public const string SaidSafeReason = "The person said it is safe to write now.";

    private const string AskedIfSafeReason = "The person wrote again and is asked whether it is safe to write now.";

    private const string AskedIfSafeAfterQuietReason = " They wrote again and are asked whether it is safe to write now.";

    private const string ReturnedReason = "The person wrote again after their last case was closed and is asked whether it is safe to write now.";

    /// <summary>
    /// Why nobody may write while the person is asked: after a quiet spell, what began it stays first ("The person used the
    /// discreet word."), since it tells the caseworker who may be reading the phone; the asking follows, once. The engine
    /// names that cause on every turn, so STOP and START in between (which replaced the status's reason) do not lose it; a
    /// state from before the engine named it keeps the reason stored with the quiet status.
    /// </summary>
    private static string AskedIfSafe(Conversation conversation, string? cause)
    {
        if (cause == WaitsUntilSafe.Returned)
        {
            return ReturnedReason;
        }

        if (cause is not null)
        {
            return QuietReason(cause) + AskedIfSafeAfterQuietReason;
        }

        if (conversation is not { Status: ConversationStatus.Quiet, StatusReason: { } reason })
        {
            return AskedIfSafeReason;
        }

        return reason == AskedIfSafeReason || reason.EndsWith(AskedIfSafeAfterQuietReason, StringComparison.Ordinal)
            ? reason
            : reason + AskedIfSafeAfterQuietReason;
    }

    private static string QuietReason(string reason) => reason switch
    {
        "not_safe_now" => "The person said it is not safe to text now.",
        "discreet_word" => "The person used the discreet word.",
        "safety_unanswered" => "The person went silent before saying it is safe to write.",
        _ => "The person asked for silence.",
    };
}
