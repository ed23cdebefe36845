using Hotline.Api.Casework;
using Hotline.Api.Media;
using Hotline.Api.Statistics;

namespace Hotline.Api.Referrals;

/// <summary>Referrals as stored. The summary and the outcome note are encrypted, bound to their column and row.</summary>
public sealed class ReferralRepository(FieldProtector protector, IndicatorMap indicators, MediaItemRepository media, CaseEventLog events,
    DeclinedAnswers declined)
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

    /// <summary>
    /// The caseworker's view of a referral, with how many photos its partner receives (<paramref name="photosShared"/>,
    /// null when the consent does not cover 'photos'). <see cref="ViewAsync"/> counts them.
    /// </summary>
    public ReferralView ToView(ReferralRecord r, string partnerName, int? photosShared = null) => new(
        r.Id, r.CaseId, r.PartnerId, partnerName, r.Service, r.Status.ToString(),
        r.ConsentGivenAt is { } givenAt
            ? new ConsentView(r.ConsentGivenBy ?? "", r.ConsentChannel ?? "", givenAt, r.Shared,
                protector.UnprotectOrNull(r.SummaryCipher, ProtectedColumns.ReferralSummary.At(r.Id)), r.Nationality, RegionOf(r.Id, r.RegionCipher, r.Region), r.ContactRoute)
            : null,
        r.DeclineReason, r.Outcome, protector.UnprotectOrNull(r.OutcomeNoteCipher, ProtectedColumns.ReferralOutcomeNote.At(r.Id)),
        r.CreatedAt, r.SentAt, r.RespondedAt, r.CompletedAt, r.Version, photosShared);

    /// <summary>
    /// The caseworker's view with the number of photos the partner receives, by the rule its inbox serves them by
    /// (<see cref="SharedPhotosAsync"/>): what the consent covered up to when it was given, none once withdrawn or declined;
    /// before the referral is sent, what it will receive.
    /// </summary>
    public async Task<ReferralView> ViewAsync(DbSession session, ReferralRecord r, string partnerName, CancellationToken cancellationToken) =>
        ToView(r, partnerName, r.Covers("photos")
            ? (await PhotosOfConsentAsync(session, r.CaseId, r.Status, r.Shared, r.ConsentGivenAt, cancellationToken)).Count
            : null);

    /// <summary>The views of a case's referrals, each partner named from <paramref name="partnerNames"/>.</summary>
    public async Task<IReadOnlyList<ReferralView>> ViewsAsync(DbSession session, IEnumerable<ReferralRecord> records,
        IReadOnlyDictionary<Guid, string> partnerNames, CancellationToken cancellationToken)
    {
        var views = new List<ReferralView>();
        foreach (var r in records)
        {
            views.Add(await ViewAsync(session, r, partnerNames.GetValueOrDefault(r.PartnerId, ""), cancellationToken));
        }

        return views;
    }

    /// <summary>
    /// A place can identify a person as surely as a name: the region a consent shares is encrypted like a summary. A
    /// consent recorded before migration 0018 kept it in <paramref name="legacyClear"/>, which <see cref="ReferralRegionBackfill"/>
    /// seals at the next start: read here only between the migrations and that.
    /// </summary>
    private string? RegionOf(Guid referralId, string? cipher, string? legacyClear) =>
        protector.UnprotectOrNull(cipher, ProtectedColumns.ReferralRegion.At(referralId)) ?? legacyClear;

    public async Task<IReadOnlyList<PartnerReferralView>> ReadInboxAsync(DbSession session, Guid partnerId, CancellationToken cancellationToken)
    {
        var views = new List<PartnerReferralView>();
        foreach (var row in await session.QueryAsync<PartnerInboxRow>("Referrals_ReadSentToPartner", new { PartnerId = partnerId }, cancellationToken))
        {
            views.Add(await PartnerViewAsync(session, row, cancellationToken));
        }

        return views;
    }

    public Task<PartnerInboxRow?> FindInInboxAsync(DbSession session, Guid partnerId, Guid id, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<PartnerInboxRow>("Referrals_ReadSentToPartnerById", new { Id = id, PartnerId = partnerId }, cancellationToken);

    /// <summary>
    /// The photos a referral shares with its partner: none unless its consent covers 'photos' and it still stands (see
    /// <see cref="SharesNothing"/>); then the case's kept photos received up to when consent was given.
    /// </summary>
    public Task<IReadOnlyList<MediaItem>> SharedPhotosAsync(DbSession session, PartnerInboxRow row, CancellationToken cancellationToken) =>
        PhotosOfConsentAsync(session, row.CaseId, row.Status, Fields(row), row.ConsentGivenAt, cancellationToken);

    private async Task<IReadOnlyList<MediaItem>> PhotosOfConsentAsync(DbSession session, Guid caseId, ReferralStatus status,
        IReadOnlyList<string> fields, DateTimeOffset? consentGivenAt, CancellationToken cancellationToken) =>
        !SharesNothing(status) && fields.Contains("photos") && consentGivenAt is { } givenAt
            ? await media.ReadShareablePhotosAsync(session, caseId, givenAt, cancellationToken)
            : [];

    /// <summary>
    /// A referral the hotline withdrew, or the partner declined, shares nothing about the person any more: the partner keeps
    /// its existence, service, dates and (declined) its own reason. A partner that said no has no use for the details, and
    /// one that kept them could still be read, leaked or pressed for them.
    /// </summary>
    public static bool SharesNothing(ReferralStatus status) => status is ReferralStatus.Withdrawn or ReferralStatus.Declined;

    /// <summary>
    /// The partner's view, built field by field from what the consent covers: a field the consent does not
    /// name is never read into the view, and a withdrawn or declined referral, or one whose details went with its case's
    /// content, shares nothing at all.
    /// </summary>
    public async Task<PartnerReferralView> PartnerViewAsync(DbSession session, PartnerInboxRow row, CancellationToken cancellationToken)
    {
        var fields = Fields(row);
        bool Covers(string field) => fields.Contains(field, StringComparer.Ordinal);
        // Erasure and retention empty the consent's shared fields with the rest: read as a consent, that would say the
        // person agreed to share nothing, so the partner is told the details were removed instead.
        var detailsRemoved = row.CaseContentErasedAt is not null;
        var photos = Covers("photos")
            ? (await SharedPhotosAsync(session, row, cancellationToken)).Select(p => PartnerPhotos.Shared(row.Id, p, Covers("location"))).ToList()
            : null;
        var caseEvents = Covers("indicators") || Covers("urgency") ? await events.ReadByCaseAsync(session, row.CaseId, cancellationToken) : [];
        var answersDeclined = declined.In(caseEvents);
        var reasons = Covers("indicators") || Covers("urgency") ? row.SharedTriageReasons ?? row.CaseTriageReasons : null;
        var priority = Covers("urgency") ? row.SharedPriority ?? row.CasePriority : (PriorityBand?)null;
        var shared = SharesNothing(row.Status) || detailsRemoved ? null : new SharedDetails(
            fields,
            Covers("language") ? row.CaseLanguage : null,
            Covers("nationality") ? row.Nationality : null,
            Covers("region") ? RegionOf(row.Id, row.RegionCipher, row.Region) : null,
            Covers("indicators") ? indicators.IndicatorsOf(reasons ?? "[]") : null,
            priority?.ToString(),
            Covers("summary") ? protector.UnprotectOrNull(row.SummaryCipher, ProtectedColumns.ReferralSummary.At(row.Id)) : null,
            Covers("contact_route") ? row.ContactRoute : null,
            photos,
            Covers("indicators") && answersDeclined,
            Covers("urgency") ? PartnerDanger.Of(reasons ?? "[]", caseEvents.Where(e => e.OccurredAt <= row.ConsentGivenAt).ToList(), answersDeclined) : null);
        return new PartnerReferralView(row.Id, row.Service, row.Status.ToString(), row.SentAt, row.RespondedAt, row.CompletedAt,
            row.DeclineReason, row.Outcome, protector.UnprotectOrNull(row.OutcomeNoteCipher, ProtectedColumns.ReferralOutcomeNote.At(row.Id)), shared,
            detailsRemoved, HotlineClosedAt(row));
    }

    /// <summary>
    /// When the hotline closed the case of a referral whose partner can reach the person only through the hotline caseworker:
    /// the route "Through the hotline caseworker", or none at all (the consent shared no route, and the partner's page says
    /// "Only through the hotline"); null for a route where the person contacts the partner, and for a withdrawn or declined
    /// referral. Read from the route the referral was sent with, which its consent named (a route is kept only when the
    /// consent covered it) and which erasure keeps, as Referrals_Accept reads it: a referral whose details were removed while
    /// it waited is refused for the same reason, and says so.
    /// </summary>
    public static DateTimeOffset? HotlineClosedAt(PartnerInboxRow row) =>
        !SharesNothing(row.Status) && row.ContactRoute is null or ReferralCodes.ThroughHotline ? row.CaseClosedAt : null;

    private static List<string> Fields(PartnerInboxRow row) =>
        row.SharedFields is null ? [] : JsonSerializer.Deserialize<List<string>>(row.SharedFields) ?? [];
}

/// <summary>A referral in a partner's inbox with the case columns a consent can cover. Never leaves the server as it is.</summary>
public sealed record PartnerInboxRow
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public string Service { get; init; } = "";
    public ReferralStatus Status { get; init; }
    public string? SharedFields { get; init; }
    public DateTimeOffset? ConsentGivenAt { get; init; }
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
    /// <summary>The case's triage reasons as they were when consent was recorded, where the consent shares 'indicators'.</summary>
    public string? SharedTriageReasons { get; init; }
    /// <summary>The case's priority as it was when consent was recorded, where the consent shares 'urgency'.</summary>
    public PriorityBand? SharedPriority { get; init; }
    /// <summary>
    /// The case's triage reasons and priority now, read in place of <see cref="SharedTriageReasons"/> and
    /// <see cref="SharedPriority"/> where the consent covers them and they are null: an instance older than migration 0037,
    /// during a rolling deploy, records consent without them, and no later step of the referral writes them. Read so, such a
    /// referral shares what one consented before 0037 shares (the migration gave those the case's triage). Read here, not
    /// backfilled at start: a start-up backfill runs when a newer instance starts, and the consents the older ones record
    /// after it would stay empty until the next start.
    /// </summary>
    public string CaseTriageReasons { get; init; } = "[]";
    /// <summary>The case's priority now; see <see cref="CaseTriageReasons"/>.</summary>
    public PriorityBand CasePriority { get; init; }
    /// <summary>When the case's content was erased (on request or by retention), the referral's details with it.</summary>
    public DateTimeOffset? CaseContentErasedAt { get; init; }
    /// <summary>When the hotline closed the case; told to the partner only where the contact route went through the hotline.</summary>
    public DateTimeOffset? CaseClosedAt { get; init; }
}
