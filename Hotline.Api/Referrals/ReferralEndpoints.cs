using Hotline.Api.Auth;
using Hotline.Api.Partners;
using Hotline.Api.Storage;
using Hotline.Api.Users;
using Microsoft.AspNetCore.Http.HttpResults;

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

    public static Task<Results<Ok<IReadOnlyList<ReferralView>>, ProblemHttpResult>> List(
        Guid caseId, HttpContext context, Database database, UserRepository users, ReferralWorkflow workflow, CancellationToken cancellationToken) =>
        AsUserAsync(context, database, users, user => workflow.ListAsync(user, caseId, cancellationToken), cancellationToken);

    public static Task<Results<Ok<ReferralView>, ProblemHttpResult>> Propose(
        Guid caseId, ProposeReferral input, HttpContext context, Database database, UserRepository users, ReferralWorkflow workflow,
        CancellationToken cancellationToken) =>
        AsUserAsync(context, database, users, user => workflow.ProposeAsync(user, caseId, input, cancellationToken), cancellationToken);

    public static Task<Results<Ok<ReferralView>, ProblemHttpResult>> RecordConsent(
        Guid caseId, Guid referralId, RecordConsent input, HttpContext context, Database database, UserRepository users, ReferralWorkflow workflow,
        CancellationToken cancellationToken) =>
        AsUserAsync(context, database, users, user => workflow.RecordConsentAsync(user, caseId, referralId, input, cancellationToken), cancellationToken);

    public static Task<Results<Ok<ReferralView>, ProblemHttpResult>> Send(
        Guid caseId, Guid referralId, HttpContext context, Database database, UserRepository users, ReferralWorkflow workflow,
        CancellationToken cancellationToken) =>
        AsUserAsync(context, database, users, user => workflow.SendAsync(user, caseId, referralId, cancellationToken), cancellationToken);

    public static Task<Results<Ok<ReferralView>, ProblemHttpResult>> Withdraw(
        Guid caseId, Guid referralId, HttpContext context, Database database, UserRepository users, ReferralWorkflow workflow,
        CancellationToken cancellationToken) =>
        AsUserAsync(context, database, users, user => workflow.WithdrawAsync(user, caseId, referralId, cancellationToken), cancellationToken);

    public static Task<Results<Ok<IReadOnlyList<PartnerReferralView>>, ProblemHttpResult>> Inbox(
        HttpContext context, Database database, UserRepository users, PartnerInbox inbox, CancellationToken cancellationToken) =>
        AsUserAsync(context, database, users, user => inbox.ListAsync(user, cancellationToken), cancellationToken);

    public static Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> InboxItem(
        Guid referralId, HttpContext context, Database database, UserRepository users, PartnerInbox inbox, CancellationToken cancellationToken) =>
        AsUserAsync(context, database, users, user => inbox.GetAsync(user, referralId, cancellationToken), cancellationToken);

    public static Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> Accept(
        Guid referralId, HttpContext context, Database database, UserRepository users, PartnerInbox inbox, CancellationToken cancellationToken) =>
        AsUserAsync(context, database, users, user => inbox.AcceptAsync(user, referralId, cancellationToken), cancellationToken);

    public static Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> Decline(
        Guid referralId, DeclineReferral input, HttpContext context, Database database, UserRepository users, PartnerInbox inbox,
        CancellationToken cancellationToken) =>
        AsUserAsync(context, database, users, user => inbox.DeclineAsync(user, referralId, input, cancellationToken), cancellationToken);

    public static Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> Complete(
        Guid referralId, CompleteReferral input, HttpContext context, Database database, UserRepository users, PartnerInbox inbox,
        CancellationToken cancellationToken) =>
        AsUserAsync(context, database, users, user => inbox.CompleteAsync(user, referralId, input, cancellationToken), cancellationToken);

    /// <summary>Re-reads the account on every call, so a disabled account or a changed organisation takes effect at once.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> AsUserAsync<T>(
        HttpContext context, Database database, UserRepository users, Func<User, Task<ReferralResult<T>>> action, CancellationToken cancellationToken)
    {
        User? user;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            user = await users.FindByIdAsync(session, context.User.UserId(), cancellationToken);
        }

        return user is { Disabled: false }
            ? (await action(user)).ToHttp()
            : TypedResults.Problem(detail: "This account is disabled.", statusCode: StatusCodes.Status403Forbidden);
    }
}
