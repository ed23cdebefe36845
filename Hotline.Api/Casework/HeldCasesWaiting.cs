namespace Hotline.Api.Casework;

/// <summary>
/// The cases a caseworker holds whose person waits for her reply: nobody answered them yet, or they wrote after her last reply
/// (a reply that failed or was cancelled answering nobody), and they can be written to. Only she can answer such a case while she
/// holds it: it is out of the queue, and no colleague's "Take next case" reaches it.
/// </summary>
public sealed class HeldCasesWaiting(CaseQueue queue, CaseReadModel read, ConversationRepository conversations, WhatsAppHolds whatsAppHolds,
    TimeProvider time)
{
    /// <summary>
    /// The cases the caseworker holds whose person waits for her reply and whom she can write to now, in the order she should
    /// answer them: the gravest band first, a person in danger right now first within it, then the longest wait. A case she
    /// cannot write to now is left out (<see cref="CannotBeWrittenToAsync"/>): her reply would be refused, so it waits for no
    /// reply of hers, whatever the console says of it.
    /// </summary>
    public async Task<IReadOnlyList<CaseSummary>> WaitingAsync(DbSession session, Guid userId, CancellationToken cancellationToken)
    {
        var now = await session.DatabaseNowAsync(cancellationToken);
        var waiting = new List<CaseSummary>();
        foreach (var caseId in await queue.ReadClaimedByAsync(session, userId, cancellationToken))
        {
            // A claim whose time ran out is no longer hers to answer: the next claim returns it to the queue.
            if (await queue.FindByIdAsync(session, caseId, cancellationToken) is { LeaseToken: { } token } record
                && CaseQueue.Holds(record, token, now)
                && await read.ReadSummaryAsync(session, caseId, cancellationToken) is { } summary
                && WaitingSince(summary) is not null
                && !await CannotBeWrittenToAsync(session, record, cancellationToken))
            {
                waiting.Add(summary);
            }
        }

        return [.. waiting
            .OrderByDescending(s => Enum.TryParse<PriorityBand>(s.Priority, out var band) ? (int)band : -1)
            .ThenByDescending(s => s.InDangerNow).ThenBy(s => WaitingSince(s)).ThenBy(s => s.Id)];
    }

    /// <summary>
    /// The Critical case of those <see cref="WaitingAsync"/> gives, first in its order; null when there is none. "Take next case"
    /// gives it to her again instead of another case: a Critical person in the queue can be taken by any colleague of the
    /// language, the one she holds by nobody but her. A case she cannot write to now is not given again: her reply would be
    /// refused, and take next would hand her the same case for ever while a Critical person in the queue waited for nobody.
    /// </summary>
    public static CaseSummary? FirstCritical(IReadOnlyList<CaseSummary> waiting) =>
        waiting.FirstOrDefault(s => s.Priority == nameof(PriorityBand.Critical));

    /// <summary>
    /// Take next's refusal when the queue holds no case for her. The people she holds who wait for her reply (those of
    /// <see cref="WaitingAsync"/>, in its order) come with it (<see cref="ActionAnswer{T}.Waiting"/>), and the console names them
    /// once, on the line with their wait and a button to open the first. The refusal named them too, and the console showed both:
    /// the same cases twice, one under the other.
    /// </summary>
    public const string NoCaseInTheQueue = "No case is waiting in your languages.";

    /// <summary>
    /// True for a WhatsApp case whose 24-hour window has closed when no re-engagement template is configured: a reply is refused
    /// (<see cref="WhatsAppWindow.ClosedRefusal"/>, by the rule of <see cref="CaseActions"/>) until the person writes again.
    /// With a template the reply is held behind it, so she can still answer.
    /// </summary>
    private async Task<bool> CannotBeWrittenToAsync(DbSession session, CaseRecord record, CancellationToken cancellationToken) =>
        !whatsAppHolds.SendsTemplate
        && await conversations.FindByIdAsync(session, record.ConversationId, cancellationToken) is { } conversation
        && WhatsAppWindow.IsClosed(conversation, time.GetUtcNow());

    /// <summary>
    /// Since when the person has waited for a human reply, by the rule of the queue and the consoles (queue.js, waitingSince):
    /// since queued when nobody answered, since their first message after the last reply; null when nobody owes them one now.
    /// </summary>
    public static DateTimeOffset? WaitingSince(CaseSummary summary) =>
        summary.ConversationStatus is nameof(ConversationStatus.Quiet) or nameof(ConversationStatus.OptedOut) ? null
            : summary.AnsweredAt is null ? summary.QueuedAt
            : summary.UnansweredSince;
}
