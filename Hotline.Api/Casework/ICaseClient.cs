namespace Hotline.Api.Casework;

/// <summary>
/// What the hub tells consoles, each in the past tense and each carrying its case-event sequence number.
/// A push is a hint: a console that missed one fetches the events after the last number it saw.
/// </summary>
public interface ICaseClient
{
    Task CaseQueued(CaseChange change);

    Task CaseUpdated(CaseChange change);

    Task MessageReceived(MessageNotice notice);

    Task ReplyQueued(MessageNotice notice);

    Task MessageStatusChanged(MessageStatusNotice notice);

    Task QueueStatisticsChanged(QueueStatistics statistics);

    Task ColleagueOpenedCase(Guid caseId, string colleague);
}
