using Hotline.Api.Partners;

namespace Hotline.Api.Referrals;

/// <summary>
/// Referrals of a case, for caseworkers (<c>/api/cases/{caseId}/referrals</c>), and a partner's inbox, for
/// NGO accounts (<c>/api/partner/referrals</c>). The two never share a route: an NGO account is refused
/// every case route by the CaseData policy, and staff have no inbox.
/// </summary>
public static class ReferralEndpoints
{
    /// <summary>The closed lists the consoles offer, with their wording; the server accepts nothing else.</summary>
    public sealed record ReferralOptions(
        IReadOnlyDictionary<string, string> Services,
        IReadOnlyDictionary<string, string> SharedFields,
        IReadOnlyDictionary<string, string> ConsentGivers,
        IReadOnlyDictionary<string, string> ConsentChannels,
        IReadOnlyDictionary<string, string> ContactRoutes,
        IReadOnlyDictionary<string, string> DeclineReasons,
        IReadOnlyDictionary<string, string> Outcomes);

    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/referral-options", GetOptions).WithName("GetReferralOptions").WithSummary("The services, consent details and outcomes a referral can name.").WithTags("Referrals").RequireAuthorization();

        var cases = app.MapGroup("/api/cases/{caseId:guid}/referrals").WithTags("Referrals")
            .RequireAuthorization(Policies.CaseData).AddEndpointFilter<AntiforgeryFilter>();
        cases.MapGet("", List).WithName("ListReferrals").WithSummary("The referrals of a case.");
        cases.MapGet("/consent-fields", ConsentFields).WithName("GetConsentFields")
            .WithSummary("What a consent can cover on this case: the photo fields only when the person sent a photo in it.");
        cases.MapGet("/consent-photos", ListConsentPhotos).WithName("GetConsentPhotos")
            .WithSummary("The photos a consent to share photos recorded now would send the partner, with when the person sent each.");
        cases.MapPost("", Propose).WithName("ProposeReferral").WithSummary("Proposes referring a case to a partner for one service.");
        cases.MapPost("/{referralId:guid}/consent", RecordConsent).WithName("RecordReferralConsent").WithSummary("Records who consented to the referral and which details may be shared.");
        cases.MapPost("/{referralId:guid}/send", Send).WithName("SendReferral").WithSummary("Sends a consented referral to its partner.");
        cases.MapPost("/{referralId:guid}/withdraw", Withdraw).WithName("WithdrawReferral").WithSummary("Withdraws a referral that is not yet declined or completed.");

        var inbox = app.MapGroup("/api/partner/referrals").WithTags("Partner inbox")
            .RequireAuthorization(p => p.RequireRole(nameof(UserRole.Ngo))).AddEndpointFilter<AntiforgeryFilter>();
        inbox.MapGet("", Inbox).WithName("GetPartnerInbox").WithSummary("The referrals sent to the caller's organisation, with only what consent covers.");
        inbox.MapGet("/{referralId:guid}", InboxItem).WithName("GetPartnerInboxReferral").WithSummary("One referral sent to the caller's organisation, with only what consent covers.");
        inbox.MapGet("/{referralId:guid}/photos/{sha256}", InboxPhoto).WithName("GetPartnerInboxPhoto")
            .WithSummary("A photo a referral's consent shares: the copy without metadata, never the original.");
        inbox.MapPost("/{referralId:guid}/accept", Accept).WithName("AcceptReferral").WithSummary("The partner accepts a referral sent to it.");
        inbox.MapPost("/{referralId:guid}/decline", Decline).WithName("DeclineReferral").WithSummary("The partner declines a referral sent to it, with a reason.");
        inbox.MapPost("/{referralId:guid}/outcome", Complete).WithName("CompleteReferral").WithSummary("The partner records the outcome of an accepted referral.");
        return app;
    }

    public static Ok<ReferralOptions> GetOptions() => TypedResults.Ok(new ReferralOptions(
        PartnerServices.Labels, ReferralCodes.SharedFields, ReferralCodes.ConsentGivers, ReferralCodes.ConsentChannels,
        ReferralCodes.ContactRoutes, ReferralCodes.DeclineReasons, ReferralCodes.Outcomes));

    public static async Task<Results<Ok<IReadOnlyList<ReferralView>>, ProblemHttpResult>> List(
        Guid caseId, Caller caller, HttpContext context, ReferralWorkflow workflow, AuditTrail audit, CancellationToken cancellationToken)
    {
        var result = (await workflow.ListAsync(caller.User, caseId, cancellationToken)).ToHttp();
        await audit.RecordAsync(AuditEntry.By(context, AuditActions.CaseReferralsRead, caseId, AuditOutcomes.Of(result)), cancellationToken);
        return result;
    }

    /// <summary>Not audited: it shows no content of the case, only whether the consent form offers the photo fields.</summary>
    public static async Task<Results<Ok<IReadOnlyDictionary<string, string>>, ProblemHttpResult>> ConsentFields(
        Guid caseId, Caller caller, ReferralWorkflow workflow, CancellationToken cancellationToken) =>
        (await workflow.ConsentFieldsAsync(caller.User, caseId, cancellationToken)).ToHttp();

    /// <summary>Audited as a read of the case's referrals: it names the case's photos and when each came, content of the case.</summary>
    public static async Task<Results<Ok<ConsentPhotos>, ProblemHttpResult>> ListConsentPhotos(
        Guid caseId, Caller caller, HttpContext context, ReferralWorkflow workflow, AuditTrail audit, CancellationToken cancellationToken)
    {
        var result = (await workflow.ConsentPhotosAsync(caller.User, caseId, cancellationToken)).ToHttp();
        await audit.RecordAsync(AuditEntry.By(context, AuditActions.CaseReferralsRead, caseId, AuditOutcomes.Of(result)), cancellationToken);
        return result;
    }

    public static Task<Results<Ok<ReferralView>, ProblemHttpResult>> Propose(
        Guid caseId, ProposeReferral input, Caller caller, HttpContext context, ReferralWorkflow workflow, AuditTrail audit,
        CancellationToken cancellationToken) =>
        AnsweredAsync(AuditActions.CaseReferralsRead, caseId, context, audit,
            workflow.ProposeAsync(caller.User, caseId, input, cancellationToken), cancellationToken);

    public static Task<Results<Ok<ReferralView>, ProblemHttpResult>> RecordConsent(
        Guid caseId, Guid referralId, RecordConsent input, Caller caller, HttpContext context, ReferralWorkflow workflow, AuditTrail audit,
        CancellationToken cancellationToken) =>
        AnsweredAsync(AuditActions.CaseReferralsRead, caseId, context, audit,
            workflow.RecordConsentAsync(caller.User, caseId, referralId, input, cancellationToken), cancellationToken);

    public static Task<Results<Ok<ReferralView>, ProblemHttpResult>> Send(
        Guid caseId, Guid referralId, Caller caller, HttpContext context, ReferralWorkflow workflow, AuditTrail audit,
        CancellationToken cancellationToken) =>
        AnsweredAsync(AuditActions.CaseReferralsRead, caseId, context, audit,
            workflow.SendAsync(caller.User, caseId, referralId, cancellationToken), cancellationToken);

    public static Task<Results<Ok<ReferralView>, ProblemHttpResult>> Withdraw(
        Guid caseId, Guid referralId, Caller caller, HttpContext context, ReferralWorkflow workflow, AuditTrail audit,
        CancellationToken cancellationToken) =>
        AnsweredAsync(AuditActions.CaseReferralsRead, caseId, context, audit,
            workflow.WithdrawAsync(caller.User, caseId, referralId, cancellationToken), cancellationToken);

    /// <summary>
    /// A step's answer is the referral as it now stands, consent summary and shared details included (a colleague may have
    /// written them): a read, audited as the list or the inbox item is (<paramref name="action"/>). A refused step showed nothing.
    /// </summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> AnsweredAsync<T>(
        string action, Guid subject, HttpContext context, AuditTrail audit, Task<Outcome<T>> step, CancellationToken cancellationToken)
    {
        var result = (await step).ToHttp();
        if (AuditOutcomes.Of(result) == AuditOutcomes.Succeeded)
        {
            await audit.RecordAsync(AuditEntry.By(context, action, subject), cancellationToken);
        }

        return result;
    }

    public static async Task<Results<Ok<IReadOnlyList<PartnerReferralView>>, ProblemHttpResult>> Inbox(
        Caller caller, HttpContext context, PartnerInbox inbox, AuditTrail audit, CancellationToken cancellationToken)
    {
        var result = (await inbox.ListAsync(caller.User, cancellationToken)).ToHttp();
        // The list shows each referral's shared details: one row for the list and one per referral in it, so that who saw a
        // referral's details can be found by its id, as when it is opened alone.
        var shown = result.Result is Ok<IReadOnlyList<PartnerReferralView>> { Value: { } listed } ? listed : [];
        await audit.RecordAllAsync(
            [AuditEntry.By(context, AuditActions.PartnerInboxRead, null, AuditOutcomes.Of(result)),
             .. shown.Select(referral => AuditEntry.By(context, AuditActions.PartnerInboxItemRead, referral.Id))],
            cancellationToken);
        return result;
    }

    public static async Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> InboxItem(
        Guid referralId, Caller caller, HttpContext context, PartnerInbox inbox, AuditTrail audit, CancellationToken cancellationToken)
    {
        var result = (await inbox.GetAsync(caller.User, referralId, cancellationToken)).ToHttp();
        await audit.RecordAsync(AuditEntry.By(context, AuditActions.PartnerInboxItemRead, referralId, AuditOutcomes.Of(result)), cancellationToken);
        return result;
    }

    /// <summary>Never cached; every answer is audited, with the photo's media item as subject when one was served.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> InboxPhoto(
        Guid referralId, string sha256, Caller caller, HttpContext context, PartnerPhotos photos, AuditTrail audit, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var photo = await photos.ReadAsync(caller.User, referralId, sha256, cancellationToken);
        await audit.RecordAsync(photo.Value is { } served
            ? AuditEntry.By(context, AuditActions.PartnerInboxPhotoRead, served.MediaId)
            : AuditEntry.By(context, AuditActions.PartnerInboxPhotoRead, referralId, AuditOutcomes.Refused), cancellationToken);
        return photo.Value is { } jpeg ? TypedResults.File(jpeg.Jpeg, "image/jpeg") : photo.ToProblem();
    }

    public static Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> Accept(
        Guid referralId, Caller caller, HttpContext context, PartnerInbox inbox, AuditTrail audit, CancellationToken cancellationToken) =>
        AnsweredAsync(AuditActions.PartnerInboxItemRead, referralId, context, audit,
            inbox.AcceptAsync(caller.User, referralId, cancellationToken), cancellationToken);

    public static Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> Decline(
        Guid referralId, DeclineReferral input, Caller caller, HttpContext context, PartnerInbox inbox, AuditTrail audit,
        CancellationToken cancellationToken) =>
        AnsweredAsync(AuditActions.PartnerInboxItemRead, referralId, context, audit,
            inbox.DeclineAsync(caller.User, referralId, input, cancellationToken), cancellationToken);

    public static Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> Complete(
        Guid referralId, CompleteReferral input, Caller caller, HttpContext context, PartnerInbox inbox, AuditTrail audit,
        CancellationToken cancellationToken) =>
        AnsweredAsync(AuditActions.PartnerInboxItemRead, referralId, context, audit,
            inbox.CompleteAsync(caller.User, referralId, input, cancellationToken), cancellationToken);
}
