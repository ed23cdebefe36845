using Hotline.Api.CaseHistory;
using Hotline.Api.Casework;
using Hotline.Api.Media;
using Hotline.Api.Partners;

namespace Hotline.Api.Referrals;

/// <summary>
/// The caseworker's side of a referral: propose, record consent, send, withdraw. Each step is one
/// conditional update and one case event in the same transaction; a step out of order updates no row
/// and is refused. Only a caseworker who may see the case may touch its referrals, and a closed case's only one who may read
/// it in the case history.
/// </summary>
public sealed class ReferralWorkflow(
    Database database, ReferralRepository referrals, PartnerRepository partners, CaseReadModel cases, CaseQueue queue, CaseHistoryReader history,
    MediaItemRepository media, MessageRepository messages, CaseEventLog events, TimeProvider time)
{
    public async Task<Outcome<IReadOnlyList<ReferralView>>> ListAsync(User user, Guid caseId, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        if (await CheckCaseAsync(session, user, caseId, cancellationToken) is { } refusal)
        {
            return refusal.As<IReadOnlyList<ReferralView>>();
        }

        var names = (await partners.ReadAllAsync(session, cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
        return Outcome<IReadOnlyList<ReferralView>>.Done(
            await referrals.ViewsAsync(session, await referrals.ReadByCaseAsync(session, caseId, cancellationToken), names, cancellationToken));
    }

    /// <summary>
    /// What a consent can cover on the case now, for the consent form to offer: the photo fields only when the person sent a
    /// photo in it (or one is still being fetched), as <see cref="RecordConsentAsync"/> refuses them otherwise.
    /// </summary>
    public async Task<Outcome<IReadOnlyDictionary<string, string>>> ConsentFieldsAsync(User user, Guid caseId, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        if (await CheckCaseAsync(session, user, caseId, cancellationToken) is { } refusal)
        {
            return refusal.As<IReadOnlyDictionary<string, string>>();
        }

        var hasPhoto = await media.HasPhotoToShareAsync(session, caseId, time.GetUtcNow(), cancellationToken);
        return Outcome<IReadOnlyDictionary<string, string>>.Done(ReferralCodes.SharedFieldsFor(hasPhoto));
    }

    /// <summary>
    /// The photos a consent to 'photos' recorded now would share (those its partner then receives), for the consent form to list
    /// before the caseworker ticks the box: each with when the person sent it and the case view's address of its copy, and
    /// how many of the same messages' attachments are still being fetched (each goes too, once kept, if it is a photo).
    /// </summary>
    public async Task<Outcome<ConsentPhotos>> ConsentPhotosAsync(User user, Guid caseId, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        if (await CheckCaseAsync(session, user, caseId, cancellationToken) is { } refusal)
        {
            return refusal.As<ConsentPhotos>();
        }

        var now = time.GetUtcNow();
        var photos = await media.ReadShareablePhotosAsync(session, caseId, now, cancellationToken);
        var sentAt = await messages.ReadCreatedAtAsync(session, photos.Select(p => p.MessageId).Distinct(), cancellationToken);
        var covered = await media.CountPhotosToShareAsync(session, caseId, now, cancellationToken);
        return Outcome<ConsentPhotos>.Done(new ConsentPhotos(
            [.. photos.Select(p => new ConsentPhoto(p.Id, sentAt[p.MessageId], $"/api/cases/{caseId}/media/{p.Id}"))],
            // Two reads, not one snapshot: a file refused between them leaves the count one short, never below the list.
            Math.Max(0, covered - photos.Count)));
    }

    public async Task<Outcome<ReferralView>> ProposeAsync(User user, Guid caseId, ProposeReferral input, CancellationToken cancellationToken)
    {
        if (input.PartnerId is not { } partnerId || string.IsNullOrWhiteSpace(input.Service))
        {
            return Invalid("Choose a partner and the service the referral asks for.");
        }

        var service = input.Service.Trim();
        await using var session = await database.BeginWriteAsync(cancellationToken);
        if (await CheckCaseAsync(session, user, caseId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (input.RequestId is { } requestId && await referrals.FindByIdAsync(session, requestId, cancellationToken) is { } earlier)
        {
            return earlier.CaseId == caseId && earlier.CreatedBy == user.Id
                ? await CommitWithViewAsync(session, earlier.Id, null, cancellationToken)
                : Invalid("This request id was used for another referral; send a new one.");
        }

        var partner = await partners.FindByIdAsync(session, partnerId, cancellationToken);
        if (partner is not { Active: true })
        {
            return Invalid($"No active partner has the id {partnerId}; choose one from the directory.");
        }

        if (!partner.Offers(service))
        {
            return Invalid($"{partner.Name} does not offer '{service}'; it offers {string.Join(", ", partner.Services)}.");
        }

        var record = await queue.ReadByIdAsync(session, caseId, cancellationToken);
        if (record.Status == CaseStatus.Closed)
        {
            return Closed("a new referral needs an open case");
        }

        var open = (await referrals.ReadByCaseAsync(session, caseId, cancellationToken))
            .FirstOrDefault(r => r.PartnerId == partnerId && r.Service == service && r.Status is not (ReferralStatus.Declined or ReferralStatus.Completed or ReferralStatus.Withdrawn));
        if (open is not null)
        {
            return Outcome<ReferralView>.Refused(Refusal.Conflict,
                $"This case already has a referral to {partner.Name} for {PartnerServices.Labels.GetValueOrDefault(service, service).ToLowerInvariant()} that is {ReferralSteps.Describe(open.Status)}.");
        }

        var now = time.GetUtcNow();
        var id = input.RequestId ?? RowIds.Version7(now);
        await referrals.CreateAsync(session, id, caseId, partnerId, service, user.Id, now, cancellationToken);
        await events.AppendAsync(session, caseId, CaseEventTypes.ReferralProposed,
            new { ReferralId = id, PartnerId = partnerId, Service = service }, user.Id, cancellationToken);
        return await CommitWithViewAsync(session, id, partner.Name, cancellationToken);
    }

    public async Task<Outcome<ReferralView>> RecordConsentAsync(User user, Guid caseId, Guid referralId, RecordConsent input,
        CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var (referral, refusal) = await FindAsync(session, user, caseId, referralId, cancellationToken);
        if (referral is null)
        {
            return refusal!;
        }

        var record = await queue.ReadByIdAsync(session, caseId, cancellationToken);
        if (record.Status == CaseStatus.Closed)
        {
            return Closed("consent is recorded only while the case is open; withdraw the referral instead");
        }

        var now = time.GetUtcNow();
        var (consent, error) = ConsentValidation.Check(input, record.OpenedAt, now);
        if (consent is null)
        {
            return Invalid(error!);
        }

        // A consent to share photos on a case without one would tell the caseworker, and the partner, that photos were shared.
        if (consent.SharedFields.Contains("photos") && !await media.HasPhotoToShareAsync(session, caseId, consent.GivenAt, cancellationToken))
        {
            return Invalid(ConsentValidation.NoPhotoToShare(consent.SharedFields));
        }

        var args = new
        {
            Id = referralId,
            consent.GivenBy,
            consent.Channel,
            consent.GivenAt,
            SharedFields = JsonSerializer.Serialize(consent.SharedFields),
            SummaryCipher = referrals.Protect(consent.Summary, ProtectedColumns.ReferralSummary, referralId),
            consent.Nationality,
            RegionCipher = referrals.Protect(consent.Region, ProtectedColumns.ReferralRegion, referralId),
            consent.ContactRoute,
            // What the person agrees to share of the triage is the triage as it is now: a later one does not reach the partner.
            // The reasons are kept for 'urgency' too: they tell whether the band rests on an answer (PartnerDanger), and the
            // partner's view shows them as indicators only where the consent covers 'indicators'.
            SharedTriageReasons = consent.SharedFields.Contains("indicators") || consent.SharedFields.Contains("urgency") ? record.TriageReasons : null,
            SharedPriority = consent.SharedFields.Contains("urgency") ? (int?)record.Priority : null,
            Now = now,
        };
        if (!await referrals.TransitionAsync(session, "Referrals_RecordConsent", args, cancellationToken))
        {
            return OutOfOrder(referral.Status, "given consent", "proposed");
        }

        await events.AppendAsync(session, caseId, CaseEventTypes.ReferralConsentRecorded, new
        {
            ReferralId = referralId,
            consent.GivenBy,
            consent.Channel,
            consent.GivenAt,
            consent.SharedFields,
        }, user.Id, cancellationToken);
        return await CommitWithViewAsync(session, referralId, null, cancellationToken);
    }

    /// <summary>Sends a referral whose consent is recorded: from now on the partner sees what the consent covers.</summary>
    public Task<Outcome<ReferralView>> SendAsync(User user, Guid caseId, Guid referralId, CancellationToken cancellationToken) =>
        StepAsync(user, caseId, referralId, "Referrals_Send", CaseEventTypes.ReferralSent, "sent", "waiting to be sent (consent recorded)",
            "a referral is sent only while the case is open; withdraw it instead", cancellationToken);

    /// <summary>Withdrawing is allowed on a closed case too: it is how a referral left open at the close is ended.</summary>
    public Task<Outcome<ReferralView>> WithdrawAsync(User user, Guid caseId, Guid referralId, CancellationToken cancellationToken) =>
        StepAsync(user, caseId, referralId, "Referrals_Withdraw", CaseEventTypes.ReferralWithdrawn, "withdrawn", "still open", null, cancellationToken);

    /// <param name="closedRefusal">Why the step is refused on a closed case, or null when a closed case allows it.</param>
    private async Task<Outcome<ReferralView>> StepAsync(User user, Guid caseId, Guid referralId, string statement, string eventType,
        string step, string needs, string? closedRefusal, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var (referral, refusal) = await FindAsync(session, user, caseId, referralId, cancellationToken);
        if (referral is null)
        {
            return refusal!;
        }

        if (closedRefusal is not null
            && (await queue.ReadByIdAsync(session, caseId, cancellationToken)).Status == CaseStatus.Closed)
        {
            return Closed(closedRefusal);
        }

        if (!await referrals.TransitionAsync(session, statement, new { Id = referralId, Now = time.GetUtcNow() }, cancellationToken))
        {
            return OutOfOrder(referral.Status, step, needs);
        }

        await events.AppendAsync(session, caseId, eventType,
            new { ReferralId = referralId, referral.PartnerId, PreviousStatus = referral.Status.ToString() }, user.Id, cancellationToken);
        return await CommitWithViewAsync(session, referralId, null, cancellationToken);
    }

    private async Task<(ReferralRecord? Referral, Outcome<ReferralView>? Refusal)> FindAsync(
        DbSession session, User user, Guid caseId, Guid referralId, CancellationToken cancellationToken)
    {
        if (await CheckCaseAsync(session, user, caseId, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        var referral = await referrals.FindByIdAsync(session, referralId, cancellationToken);
        return referral is not null && referral.CaseId == caseId
            ? (referral, null)
            : (null, Outcome<ReferralView>.Refused(Refusal.NotFound, "This case has no such referral."));
    }

    /// <summary>An open case's referrals are for whoever may see the case; a closed case's by the case history's rule.</summary>
    private async Task<Outcome<ReferralView>?> CheckCaseAsync(DbSession session, User user, Guid caseId, CancellationToken cancellationToken)
    {
        if (await cases.ReadSummaryAsync(session, caseId, cancellationToken) is not { } summary)
        {
            return Outcome<ReferralView>.Refused(Refusal.NotFound, "No case has this id.");
        }

        var mayWork = summary.Status == nameof(CaseStatus.Closed)
            ? await history.MayReadClosedAsync(session, user, await queue.ReadByIdAsync(session, caseId, cancellationToken), cancellationToken)
            : CaseAccess.MaySee(user, summary);
        return mayWork ? null : Outcome<ReferralView>.Refused(Refusal.Forbidden, "You may not work on this case.");
    }

    private async Task<Outcome<ReferralView>> CommitWithViewAsync(DbSession session, Guid referralId, string? partnerName,
        CancellationToken cancellationToken)
    {
        var stored = (await referrals.FindByIdAsync(session, referralId, cancellationToken))!;
        partnerName ??= (await partners.FindByIdAsync(session, stored.PartnerId, cancellationToken))?.Name ?? "";
        var view = await referrals.ViewAsync(session, stored, partnerName, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return Outcome<ReferralView>.Done(view);
    }

    private static Outcome<ReferralView> Closed(string reason) =>
        Outcome<ReferralView>.Refused(Refusal.Conflict, $"The case is closed: {reason}.");

    private static Outcome<ReferralView> Invalid(string detail) => Outcome<ReferralView>.Refused(Refusal.Invalid, detail);

    private static Outcome<ReferralView> OutOfOrder(ReferralStatus current, string step, string needs) =>
        Outcome<ReferralView>.Refused(Refusal.Conflict, ReferralSteps.OutOfOrder(current, step, needs));
}
