using Hotline.Api.Statistics;

namespace Hotline.Api.Referrals;

/// <summary>Referrals as stored. The summary and the outcome note are encrypted, bound to their column and row.</summary>
public sealed class ReferralRepository(FieldProtector protector, IndicatorMap indicators)
{
    public Task<ReferralRecord?> FindByIdAsync(DbSession session, Guid id, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<ReferralRecord>("Referrals_ReadById", new { Id = id }, cancellationToken);

    public async Task<IReadOnlyList<ReferralRecord>> ReadByCaseAsync(DbSession session, Guid caseId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<ReferralRecord>("Referrals_ReadByCase", new { CaseId = caseId }, cancellationToken)).AsList();

    public Task CreateAsync(DbSession session, Guid id, Guid caseId, Guid partnerId, string service, Guid createdBy, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        session.ExecuteAsync("Referrals_Create",
            new { Id = id, CaseId = caseId, PartnerId = partnerId, Service = service, CreatedAt = now, CreatedBy = createdBy }, cancellationToken);

    /// <summary>Runs one transition statement; false when the referral was not at the step the statement follows.</summary>
    public async Task<bool> TransitionAsync(DbSession session, string statement, object args, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(statement, args, cancellationToken) == 1;

    public string? Protect(string? text, ProtectedColumn column, Guid referralId) => protector.ProtectOrNull(text, column.At(referralId));

    public ReferralView ToView(ReferralRecord r, string partnerName) => new(
        r.Id, r.CaseId, r.PartnerId, partnerName, r.Service, r.Status.ToString(),
        r.ConsentGivenAt is { } givenAt
            ? new ConsentView(r.ConsentGivenBy ?? "", r.ConsentChannel ?? "", givenAt, r.Shared,
                protector.UnprotectOrNull(r.SummaryCipher, ProtectedColumns.ReferralSummary.At(r.Id)), r.Nationality, RegionOf(r.Id, r.RegionCipher, r.Region), r.ContactRoute)
            : null,
        r.DeclineReason, r.Outcome, protector.UnprotectOrNull(r.OutcomeNoteCipher, ProtectedColumns.ReferralOutcomeNote.At(r.Id)),
        r.CreatedAt, r.SentAt, r.RespondedAt, r.CompletedAt, r.Version);

    /// <summary>
    /// A place can identify a person as surely as a name: the region a consent shares is encrypted like a summary. A
    /// consent recorded before migration 0018 kept it in <paramref name="legacyClear"/>.
    /// </summary>
    private string? RegionOf(Guid referralId, string? cipher, string? legacyClear) =>
        protector.UnprotectOrNull(cipher, ProtectedColumns.ReferralRegion.At(referralId)) ?? legacyClear;

    public async Task<IReadOnlyList<PartnerReferralView>> ReadInboxAsync(DbSession session, Guid partnerId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<PartnerInboxRow>("Referrals_ReadSentToPartner", new { PartnerId = partnerId }, cancellationToken))
            .Select(ToPartnerView).ToList();

    public Task<PartnerInboxRow?> FindInInboxAsync(DbSession session, Guid partnerId, Guid id, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<PartnerInboxRow>("Referrals_ReadSentToPartnerById", new { Id = id, PartnerId = partnerId }, cancellationToken);

    /// <summary>
    /// The partner's view, built field by field from what the consent covers: a field the consent does not
    /// name is never read into the view, and a withdrawn referral shares nothing at all.
    /// </summary>
    public PartnerReferralView ToPartnerView(PartnerInboxRow row)
    {
        var fields = row.SharedFields is null ? [] : JsonSerializer.Deserialize<List<string>>(row.SharedFields) ?? [];
        bool Covers(string field) => fields.Contains(field, StringComparer.Ordinal);
        var shared = row.Status == ReferralStatus.Withdrawn ? null : new SharedDetails(
            fields,
            Covers("language") ? row.CaseLanguage : null,
            Covers("nationality") ? row.Nationality : null,
            Covers("region") ? RegionOf(row.Id, row.RegionCipher, row.Region) : null,
            Covers("indicators") ? indicators.IndicatorsOf(row.CaseTriageReasons) : null,
            Covers("urgency") ? row.CasePriority.ToString() : null,
            Covers("summary") ? protector.UnprotectOrNull(row.SummaryCipher, ProtectedColumns.ReferralSummary.At(row.Id)) : null,
            Covers("contact_route") ? row.ContactRoute : null);
        return new PartnerReferralView(row.Id, row.Service, row.Status.ToString(), row.SentAt, row.RespondedAt, row.CompletedAt,
            row.DeclineReason, row.Outcome, protector.UnprotectOrNull(row.OutcomeNoteCipher, ProtectedColumns.ReferralOutcomeNote.At(row.Id)), shared);
    }
}

/// <summary>A referral in a partner's inbox with the case columns a consent can cover. Never leaves the server as it is.</summary>
public sealed record PartnerInboxRow
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public string Service { get; init; } = "";
    public ReferralStatus Status { get; init; }
    public string? SharedFields { get; init; }
    public string? SummaryCipher { get; init; }
    public string? Nationality { get; init; }
    public string? Region { get; init; }
    public string? RegionCipher { get; init; }
    public string? ContactRoute { get; init; }
    public string? DeclineReason { get; init; }
    public string? Outcome { get; init; }
    public string? OutcomeNoteCipher { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset SentAt { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string CaseLanguage { get; init; } = "";
    public string CaseTriageReasons { get; init; } = "[]";
    public PriorityBand CasePriority { get; init; }
}
