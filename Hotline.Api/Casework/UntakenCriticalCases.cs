namespace Hotline.Api.Casework;

/// <summary>
/// Since when the oldest Critical case in the queue whose person nobody can write to (quiet or opted out) has been so with
/// no caseworker taking it: the age the <c>HotlineCriticalCaseNobodyCanWriteTo</c> alert pages on (docs/operations.md,
/// "Alerts"). What such a person wrote, an urgent word, is to be read and acted on; once a caseworker has taken the case
/// (released it herself, written a note, proposed or sent a referral; a claim that ran out, a hand-over or a supervisor's
/// take-over does not count), it has been, and the case waits in the queue for the person to write again, which pages nobody. A new urgent word or a new quiet spell makes it untaken again.
/// </summary>
public sealed class UntakenCriticalCases
{
    /// <summary>Null when every such case has been taken since it became Critical and nobody could write to its person.</summary>
    public async Task<DateTimeOffset?> ReadOldestUntakenSinceAsync(DbSession session, CancellationToken cancellationToken)
    {
        var events = await session.QueryAsync<CaseEvent>("CaseEvents_ReadOfQueuedCriticalNobodyCanWriteTo",
            new { Critical = (int)PriorityBand.Critical }, cancellationToken);
        return events.GroupBy(e => e.CaseId).Select(c => UntakenSince(c.ToList())).Min();
    }

    /// <summary>
    /// Replays one case's events in order. Each event that leaves it Critical with nobody able to write to the person (the
    /// band raised or re-triaged while quiet, an urgent word, the person going quiet or opting out while Critical) starts the clock unless
    /// it runs already; a caseworker taking the case stops it, and so does the case leaving that state.
    /// </summary>
    private static DateTimeOffset? UntakenSince(IReadOnlyList<CaseEvent> events)
    {
        var statusChanges = events.Where(e => e.Type == CaseEventTypes.ConversationStatusChanged && !OvertakenInItsTurn(events, e)).ToList();
        // The case's opening says whether the person could be written to then (PersonStatus). A case opened before it did: a
        // person whose first change of status was to become writable again could not be written to before it; one whose status
        // never changed while the case was open has kept the status they have now, which is quiet or opted out. A first change
        // to quiet or opted out says nothing of before (quiet, then STOP), and is read as from a person who could be written to.
        var nobodyCanWrite = statusChanges.Count == 0 || Field(statusChanges[0], "Status") is nameof(ConversationStatus.Active) or null;
        var critical = false;
        DateTimeOffset? untakenSince = null;
        foreach (var caseEvent in events)
        {
            switch (caseEvent.Type)
            {
                case CaseEventTypes.Queued or CaseEventTypes.PriorityChanged:
                    critical = Field(caseEvent, "Priority") is { } priority ? priority == nameof(PriorityBand.Critical) : critical;
                    nobodyCanWrite = caseEvent.Type == CaseEventTypes.Queued && Field(caseEvent, "PersonStatus") is { Length: > 0 } opened
                        ? opened != nameof(ConversationStatus.Active)
                        : nobodyCanWrite;
                    break;
                case CaseEventTypes.ConversationStatusChanged when OvertakenInItsTurn(events, caseEvent):
                    continue;
                case CaseEventTypes.ConversationStatusChanged:
                    nobodyCanWrite = Field(caseEvent, "Status") is { } status ? status != nameof(ConversationStatus.Active) : nobodyCanWrite;
                    break;
                case CaseEventTypes.UrgentWordMatched:
                    // Another urgent word from a person nobody can write to is something new to read.
                    break;
                case CaseEventTypes.Released or CaseEventTypes.NoteAdded
                    or CaseEventTypes.ReferralProposed or CaseEventTypes.ReferralSent
                    when caseEvent.ActorUserId is not null:
                    untakenSince = null;
                    continue;
                default:
                    // Taken means a caseworker acted on the case, by a step of her own choosing that leaves it on record: she
                    // released it (having read it, she chose to wait for the person), wrote a note, proposed or sent a referral.
                    // A hand-over is not: it moves the claim to a colleague, who may never open it before her claim runs out, or
                    // to another language's queue, where nobody may be on shift to read the urgent word; nor is a supervisor's
                    // take-over (CaseTakenOver), which moves the claim to her the same way. A claim alone is not: a claim that ran out (LeaseExpired) was never acted on, as
                    // her laptop closed or her connection went, nor one returned with her account disabled (a release with no
                    // caseworker behind it); and a renewal is the console's own, every minute while the page shows the case, not
                    // her doing. While she holds the case it is not in the queue and pages nobody; when the claim ends with
                    // nothing done, the clock reads as if she had never claimed it.
                    continue;
            }

            untakenSince = critical && nobodyCanWrite ? untakenSince ?? caseEvent.OccurredAt : null;
        }

        return untakenSince;
    }

    /// <summary>
    /// Whether the same turn changed the person's status again after this change: START from a person waiting to say it is
    /// safe writes "active", then "quiet" as the safety question is asked, at one instant. They could be written to at
    /// neither, and reading the first as writable would restart the clock of a person nobody has been able to reach.
    /// </summary>
    private static bool OvertakenInItsTurn(IReadOnlyList<CaseEvent> events, CaseEvent change) =>
        events.Any(e => e.Type == CaseEventTypes.ConversationStatusChanged && e.Sequence > change.Sequence && e.OccurredAt == change.OccurredAt);

    /// <summary>
    /// The field, or null for an event that does not parse or whose field is not text: the case-event stream sets such a row aside (Quarantine), and the
    /// replay goes past it as if it said nothing, so one unreadable row cannot stop every gauge the sampler reads with it.
    /// </summary>
    private static string? Field(CaseEvent caseEvent, string name)
    {
        try
        {
            using var data = JsonDocument.Parse(caseEvent.Data);
            return !data.RootElement.TryGetProperty(name, out var value) ? ""
                : value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
