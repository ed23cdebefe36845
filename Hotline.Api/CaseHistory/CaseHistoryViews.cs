using Hotline.Api.Casework;
using Hotline.Api.Referrals;

namespace Hotline.Api.CaseHistory;

/// <summary>What became of one referral of a closed case: no consent details and no summary.</summary>
public sealed record ReferralBrief(string PartnerName, string Service, string Status, string? Outcome);

/// <summary>A closed case as a list shows it.</summary>
/// <param name="Referrals">Its referrals; null where the list does not read them (the cases one handled).</param>
/// <param name="ContentErasedAt">When the retention or an erasure removed its messages, notes and answers (null: kept).</param>
public sealed record ClosedCase(
    Guid Id, string Language, string Priority, DateTimeOffset OpenedAt, DateTimeOffset ClosedAt, string Outcome,
    IReadOnlyList<ReferralBrief>? Referrals, DateTimeOffset? ContentErasedAt = null);

/// <summary>
/// A closed case, to read and never to change: its part of the person's conversation (from the close of
/// their case before it to its own close), its notes, answers and referrals. Once <see cref="ContentErasedAt"/> has passed, what
/// is left is the skeleton the statistics count: the messages' rows without their words, no notes, answers without the
/// person's words, referrals without their details.
/// </summary>
public sealed record ClosedCaseRecord(CaseDetail Detail, DateTimeOffset OpenedAt, DateTimeOffset ClosedAt, string Outcome, IReadOnlyList<ReferralView> Referrals,
    DateTimeOffset? ContentErasedAt = null);

internal sealed record ReferralBriefRow
{
    public Guid CaseId { get; init; }
    public string PartnerName { get; init; } = "";
    public string Service { get; init; } = "";
    public ReferralStatus Status { get; init; }
    public string? Outcome { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
