namespace Hotline.Api.Casework;

/// <summary>
/// What the hub tells consoles, each in the past tense and each carrying its case-event sequence number.
/// A push is a hint: a console that missed one fetches the events after the last number it saw.
/// </summary>
public interface ICaseClient
{
    /// <summary>
    /// The changes to cases this group may see, in sequence order: one push per group per batch of the
    /// event log, not one per change. A console in several groups may hear a change more than once.
    /// </summary>
    Task CasesChanged(IReadOnlyList<CaseChange> changes);

    Task MessageReceived(MessageNotice notice);

    Task ReplyQueued(MessageNotice notice);

    Task MessageHeard(MessageHeardNotice notice);

    Task MessageStatusChanged(MessageStatusNotice notice);

    Task QueueStatisticsChanged(QueueStatistics statistics);

    Task ColleagueOpenedCase(Guid caseId, string colleague);
}
