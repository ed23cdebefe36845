using System.Diagnostics;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Api.Auth;

public static class SessionEndpoints
{
    /// <param name="OrganisationLinked">
    /// Only for an NGO partner's account: whether an administrator linked it to its organisation. The partner's page checks it
    /// before asking for the inbox, whose refusal (403) the browser would log as an error in its console for an account that
    /// is simply not linked yet; null for every other role.
    /// </param>
    public sealed record SessionView(Guid UserId, string UserName, string DisplayName, string Role, IReadOnlyList<string> Languages, string AntiforgeryToken,
        bool? OrganisationLinked = null);

    public sealed record AntiforgeryView(string Token);

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/console/signin", SignIn).WithName("SignIn").WithSummary("The sign-in form's post: starts a cookie session; success and failure both redirect.").WithTags("Session").AllowAnonymous().RequireRateLimiting(SignInRateLimits.PerAddressPolicy);
        app.MapPost("/console/signout", SignOut).WithName("SignOut").WithSummary("Ends the caller's session on the server, so no copy of its cookie works again.").WithTags("Session").RequireAuthorization();
        app.MapGet("/api/antiforgery", Antiforgery).WithName("GetAntiforgeryToken").WithSummary("Gives the antiforgery token that every state-changing console request carries.").WithTags("Session").AllowAnonymous();
        app.MapGet("/api/session", Current).WithName("GetSession").WithSummary("Who is signed in: name, role and languages.").WithTags("Session").RequireAuthorization();
        return app;
    }

    /// <summary>
    /// The sign-in form (antiforgery-checked, since it is a form post). Success and failure both redirect, so the
    /// page never shows a password; every refusal is the same one, so it tells nothing about the account.
    /// </summary>
    public static async Task<Results<RedirectHttpResult, StatusCodeHttpResult>> SignIn(
        [FromForm] string userName, [FromForm] string password, HttpContext context, SignInService signIn, SignInNameLimiter nameLimiter,
        PasswordChecks checks, KnownDevices devices, TwoFactorStore twoFactor, IOptions<AuthOptions> options, SessionStarter starter,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        userName = userName.Trim();
        using var lease = nameLimiter.AttemptAcquire(userName);
        if (!lease.IsAcquired)
        {
            await audit.RecordAsync(AuditEntry.By(context, AuditActions.SignInLockedOut, null, AuditOutcomes.Refused), cancellationToken);
            return TooManyAttempts(context, lease);
        }

        User? user;
        var knownDevice = devices.Vouches(context, userName);
        using (var check = checks.AttemptAcquire(knownDevice))
        {
            if (!check.IsAcquired)
            {
                return TooManyAttempts(context, check);
            }

            user = await signIn.CheckAsync(userName, password, knownDevice, cancellationToken);
        }

        if (user is null)
        {
            // The typed name is never recorded (it may be a password typed in the wrong field).
            await audit.RecordAsync(AuditEntry.By(context, AuditActions.SignInFailed, null, AuditOutcomes.Refused), cancellationToken);
            await SignInService.AnswerRefusalAsync(started, cancellationToken);
            return TypedResults.Redirect("/console/signin.html?error=wrong");
        }

        await audit.RecordAsync(AuditEntry.By(context, AuditActions.SignInSucceeded, user.Id) with { Actor = user.Id.ToString() }, cancellationToken);
        if (await twoFactor.IsEnrolledAsync(user.Id, cancellationToken))
        {
            await context.SignInAsync(PendingSignIn.Scheme, PendingSignIn.For(user, secretToEnrol: null));
            return TypedResults.Redirect(TwoFactorEndpoints.Page);
        }

        if (options.Value.RequireTwoFactor)
        {
            await context.SignInAsync(PendingSignIn.Scheme, PendingSignIn.For(user, TwoFactorStore.NewSecret()));
            return TypedResults.Redirect(TwoFactorEndpoints.EnrolPage);
        }

        return TypedResults.Redirect(await starter.StartAsync(context, user, cancellationToken));
    }

    private static StatusCodeHttpResult TooManyAttempts(HttpContext context, System.Threading.RateLimiting.RateLimitLease refused)
    {
        SignInRateLimits.SetRetryAfter(context.Response, refused);
        return TypedResults.StatusCode(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>Where each role starts: the admin reads no case, so it starts at the partner directory; the reviewer at the translations.</summary>
    public static string HomeOf(UserRole role) => role switch
    {
        UserRole.Ngo => "/console/partner.html",
        UserRole.Admin => "/console/partners.html",
        UserRole.Reviewer => "/console/translations.html",
        _ => "/console/",
    };

    /// <summary>Ends the session on the server (every copy of the cookie is refused from now on) and closes its live connections.</summary>
    public static async Task<RedirectHttpResult> SignOut(
        [FromForm] string? reason, HttpContext context, SessionStore sessions, LiveSessions live, CancellationToken cancellationToken)
    {
        if (context.User.SessionId() is { } sessionId)
        {
            await sessions.EndAsync(sessionId, cancellationToken);
            live.Close(sessionId);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        // The console's pages are no-cache, not no-store, so the browser may keep a signed-in page in its back/forward
        // cache, a case's transcript on it, for the Back button to show the next person at this computer. This drops the
        // origin's cached pages and that cache (session.js also reloads a page restored from it).
        context.Response.Headers["Clear-Site-Data"] = "\"cache\"";
        return TypedResults.Redirect("/console/signin.html");
    }

    public static Ok<AntiforgeryView> Antiforgery(HttpContext context, IAntiforgery antiforgery) =>
        TypedResults.Ok(new AntiforgeryView(antiforgery.GetAndStoreTokens(context).RequestToken!));

    public static Ok<SessionView> Current(Caller caller, HttpContext context, IAntiforgery antiforgery)
    {
        var user = caller.User;
        var token = antiforgery.GetAndStoreTokens(context).RequestToken!;
        return TypedResults.Ok(new SessionView(user.Id, user.UserName, user.DisplayName, user.Role.ToString(), user.Languages, token,
            user.Role == UserRole.Ngo ? user.OrganisationId is not null : null));
    }
}
