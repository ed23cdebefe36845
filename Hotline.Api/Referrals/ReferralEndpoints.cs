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
        cases.MapPost("", Propose).WithName("ProposeReferral").WithSummary("Proposes referring a case to a partner for one service.");
        cases.MapPost("/{referralId:guid}/consent", RecordConsent).WithName("RecordReferralConsent").WithSummary("Records who consented to the referral and which details may be shared.");
        cases.MapPost("/{referralId:guid}/send", Send).WithName("SendReferral").WithSummary("Sends a consented referral to its partner.");
        cases.MapPost("/{referralId:guid}/withdraw", Withdraw).WithName("WithdrawReferral").WithSummary("Withdraws a referral that is not yet declined or completed.");

        var inbox = app.MapGroup("/api/partner/referrals").WithTags("Partner inbox")
            .RequireAuthorization(p => p.RequireRole(nameof(UserRole.Ngo))).AddEndpointFilter<AntiforgeryFilter>();
        inbox.MapGet("", Inbox).WithName("GetPartnerInbox").WithSummary("The referrals sent to the caller's organisation, with only what consent covers.");
        inbox.MapGet("/{referralId:guid}", InboxItem).WithName("GetPartnerInboxReferral").WithSummary("One referral sent to the caller's organisation, with only what consent covers.");
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

    public static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> Propose(
        Guid caseId, ProposeReferral input, Caller caller, ReferralWorkflow workflow, CancellationToken cancellationToken) =>
        (await workflow.ProposeAsync(caller.User, caseId, input, cancellationToken)).ToHttp();

    public static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> RecordConsent(
        Guid caseId, Guid referralId, RecordConsent input, Caller caller, ReferralWorkflow workflow, CancellationToken cancellationToken) =>
        (await workflow.RecordConsentAsync(caller.User, caseId, referralId, input, cancellationToken)).ToHttp();

    public static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> Send(
        Guid caseId, Guid referralId, Caller caller, ReferralWorkflow workflow, CancellationToken cancellationToken) =>
        (await workflow.SendAsync(caller.User, caseId, referralId, cancellationToken)).ToHttp();

    public static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> Withdraw(
        Guid caseId, Guid referralId, Caller caller, ReferralWorkflow workflow, CancellationToken cancellationToken) =>
        (await workflow.WithdrawAsync(caller.User, caseId, referralId, cancellationToken)).ToHttp();

    public static async Task<Results<Ok<IReadOnlyList<PartnerReferralView>>, ProblemHttpResult>> Inbox(
        Caller caller, HttpContext context, PartnerInbox inbox, AuditTrail audit, CancellationToken cancellationToken)
    {
        var result = (await inbox.ListAsync(caller.User, cancellationToken)).ToHttp();
        await audit.RecordAsync(AuditEntry.By(context, AuditActions.PartnerInboxRead, null, AuditOutcomes.Of(result)), cancellationToken);
        return result;
    }

    public static async Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> InboxItem(
        Guid referralId, Caller caller, HttpContext context, PartnerInbox inbox, AuditTrail audit, CancellationToken cancellationToken)
    {
        var result = (await inbox.GetAsync(caller.User, referralId, cancellationToken)).ToHttp();
        await audit.RecordAsync(AuditEntry.By(context, AuditActions.PartnerInboxItemRead, referralId, AuditOutcomes.Of(result)), cancellationToken);
        return result;
    }

    public static async Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> Accept(
        Guid referralId, Caller caller, PartnerInbox inbox, CancellationToken cancellationToken) =>
        (await inbox.AcceptAsync(caller.User, referralId, cancellationToken)).ToHttp();

    public static async Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> Decline(
        Guid referralId, DeclineReferral input, Caller caller, PartnerInbox inbox, CancellationToken cancellationToken) =>
        (await inbox.DeclineAsync(caller.User, referralId, input, cancellationToken)).ToHttp();

    public static async Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> Complete(
        Guid referralId, CompleteReferral input, Caller caller, PartnerInbox inbox, CancellationToken cancellationToken) =>
        (await inbox.CompleteAsync(caller.User, referralId, input, cancellationToken)).ToHttp();
}
