using Hotline.Api.Storage;
using Hotline.Api.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Api.Auth;

public static class SessionEndpoints
{
    public sealed record SessionView(Guid UserId, string UserName, string DisplayName, string Role, IReadOnlyList<string> Languages, string AntiforgeryToken);

    public sealed record AntiforgeryView(string Token);

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/console/signin", SignIn).WithName("SignIn").WithSummary("The sign-in form's post: starts a cookie session; success and failure both redirect.").WithTags("Session").AllowAnonymous();
        app.MapPost("/console/signout", SignOut).WithName("SignOut").WithSummary("Ends the caller's session on the server, so no copy of its cookie works again.").WithTags("Session").RequireAuthorization();
        app.MapGet("/api/antiforgery", Antiforgery).WithName("GetAntiforgeryToken").WithSummary("Gives the antiforgery token that every state-changing console request carries.").WithTags("Session").AllowAnonymous();
        app.MapGet("/api/session", Current).WithName("GetSession").WithSummary("Who is signed in: name, role and languages.").WithTags("Session").RequireAuthorization();
        return app;
    }

    /// <summary>The sign-in form (antiforgery-checked, since it is a form post). Success and failure both redirect, so the page never shows a password.</summary>
    public static async Task<RedirectHttpResult> SignIn(
        [FromForm] string userName, [FromForm] string password, HttpContext context, SignInService signIn, SessionStore sessions,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (result, user) = await signIn.CheckAsync(userName.Trim(), password, cancellationToken);
        if (result != SignInResult.SignedIn)
        {
            return TypedResults.Redirect(result == SignInResult.LockedOut ? "/console/signin.html?error=locked" : "/console/signin.html?error=wrong");
        }

        var sessionId = await sessions.StartAsync(user!.Id, cancellationToken);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionClaims.For(user, time.GetUtcNow(), sessionId));
        return TypedResults.Redirect(user!.Role == UserRole.Ngo ? "/console/partner.html" : "/console/");
    }

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
        return TypedResults.Redirect("/console/signin.html");
    }

    public static Ok<AntiforgeryView> Antiforgery(HttpContext context, IAntiforgery antiforgery) =>
        TypedResults.Ok(new AntiforgeryView(antiforgery.GetAndStoreTokens(context).RequestToken!));

    public static async Task<Results<Ok<SessionView>, UnauthorizedHttpResult>> Current(
        HttpContext context, IAntiforgery antiforgery, Database database, UserRepository users, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        var user = await users.FindByIdAsync(session, context.User.UserId(), cancellationToken);
        if (user is null || user.Disabled)
        {
            return TypedResults.Unauthorized();
        }

        var token = antiforgery.GetAndStoreTokens(context).RequestToken!;
        return TypedResults.Ok(new SessionView(user.Id, user.UserName, user.DisplayName, user.Role.ToString(), user.Languages, token));
    }
}
