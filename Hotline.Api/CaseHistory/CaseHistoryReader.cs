using Hotline.Api.Casework;
using Hotline.Api.Partners;
using Hotline.Api.Referrals;

namespace Hotline.Api.CaseHistory;

/// <summary>
/// Closed cases, read-only: the ones a caseworker held when they were closed, and a person's earlier cases.
/// A caseworker reads a closed case they held, or any closed case of a person whose open case they may see
/// or whose other case they held; supervisors and admins read every closed case. Nothing is merged: each
/// case keeps its own notes, answers and referrals.
/// </summary>
public sealed class CaseHistoryReader(CaseQueue cases, CaseReadModel read, ReferralRepository referrals, PartnerRepository partners)
{
    /// <summary>At most this many of the cases one handled are listed, the latest first.</summary>
    public const int HandledListLength = 50;

    public async Task<IReadOnlyList<ClosedCase>> ReadHandledAsync(DbSession session, User user, CancellationToken cancellationToken) =>
        (await session.QueryAsync<CaseRecord>("Cases_ReadClosedByAssignee", new { UserId = user.Id, Take = HandledListLength }, cancellationToken))
            .Select(c => ToClosedCase(c, null)).ToList();

    /// <summary>The person's closed cases opened before <paramref name="caseId"/>, oldest first; null when the caller may not see that case.</summary>
    public async Task<IReadOnlyList<ClosedCase>?> ReadEarlierAsync(DbSession session, User user, Guid caseId, CancellationToken cancellationToken)
    {
        if (await FindReadableAsync(session, user, caseId, cancellationToken) is not var (record, closed))
        {
            return null;
        }

        var briefs = (await session.QueryAsync<ReferralBriefRow>("Referrals_ReadBriefsByConversation",
            new { record.ConversationId }, cancellationToken)).ToLookup(b => b.CaseId);
        return closed.Where(c => c.OpenedAt < record.OpenedAt && c.Id != record.Id)
            .Select(c => ToClosedCase(c, briefs[c.Id].Select(b => new ReferralBrief(b.PartnerName, b.Service, b.Status.ToString(), b.Outcome)).ToList()))
            .ToList();
    }

    /// <summary>A closed case to read; null when it does not exist, is still open, or the caller may not read it.</summary>
    public async Task<ClosedCaseRecord?> ReadClosedAsync(DbSession session, User user, Guid caseId, CancellationToken cancellationToken)
    {
        if (await FindReadableAsync(session, user, caseId, cancellationToken) is not var (record, _)
            || record.Status != CaseStatus.Closed
            || await read.ReadDetailAsync(session, caseId, user, cancellationToken) is not { } detail)
        {
            return null;
        }

        var closedAt = record.ClosedAt!.Value;
        var names = (await partners.ReadAllAsync(session, cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
        var referralViews = await referrals.ViewsAsync(session, await referrals.ReadByCaseAsync(session, caseId, cancellationToken), names,
            cancellationToken);
        return new ClosedCaseRecord(detail with { LeaseToken = null, LeaseExpiresAt = null, LeaseSeconds = null },
            record.OpenedAt, closedAt, record.Outcome ?? "", referralViews, record.ContentErasedAt);
    }

    public Task<CaseRecord?> FindAsync(DbSession session, Guid caseId, CancellationToken cancellationToken) =>
        cases.FindByIdAsync(session, caseId, cancellationToken);

    /// <summary>The case and the person's closed cases, when the caller may read the case.</summary>
    private async Task<(CaseRecord Case, IReadOnlyList<CaseRecord> Closed)?> FindReadableAsync(
        DbSession session, User user, Guid caseId, CancellationToken cancellationToken)
    {
        if (await FindAsync(session, caseId, cancellationToken) is not { } record)
        {
            return null;
        }

        var closed = await cases.ReadClosedOfConversationAsync(session, record.ConversationId, cancellationToken);
        return await MayReadAsync(session, user, closed, record.ConversationId, cancellationToken) ? (record, closed) : null;
    }

    /// <summary>
    /// Whether the caller may read a closed case's content (its attachments, its referrals), by the case history's rule: the
    /// language rule that lets a caseworker see an open case would let anyone of the language read every closed one.
    /// </summary>
    public async Task<bool> MayReadClosedAsync(DbSession session, User user, CaseRecord record, CancellationToken cancellationToken) =>
        await MayReadAsync(session, user, await cases.ReadClosedOfConversationAsync(session, record.ConversationId, cancellationToken),
            record.ConversationId, cancellationToken);

    private async Task<bool> MayReadAsync(DbSession session, User user, IReadOnlyList<CaseRecord> closed, Guid conversationId,
        CancellationToken cancellationToken)
    {
        if (CaseAccess.SeesAll(user))
        {
            return true;
        }

        if (user.Role is not UserRole.Caseworker)
        {
            return false;
        }

        if (closed.Any(c => c.AssigneeId == user.Id))
        {
            return true;
        }

        var open = await cases.FindOpenAsync(session, conversationId, cancellationToken);
        return open is not null && await read.ReadSummaryAsync(session, open.Id, cancellationToken) is { } summary && CaseAccess.MaySee(user, summary);
    }

    private static ClosedCase ToClosedCase(CaseRecord c, IReadOnlyList<ReferralBrief>? briefs) =>
        new(c.Id, c.Language, c.Priority.ToString(), c.OpenedAt, c.ClosedAt!.Value, c.Outcome ?? "", briefs, c.ContentErasedAt);
}
