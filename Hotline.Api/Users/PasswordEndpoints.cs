using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hotline.Api.Users;

/// <summary>
/// A person's own password: replacing a one-time password right after signing in with it (reached only with the
/// pending cookie that says so, <see cref="PendingSignIn.ForPasswordChange"/>), and changing it from the console.
/// </summary>
public static class PasswordEndpoints
{
    public const string ChoosePage = "/console/choose-password.html";

    public sealed record PendingChangeView(string UserName, string AntiforgeryToken);

    public sealed record ChosenPassword(string? NewPassword);

    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    public sealed record ChangedView(string Home);

    public static IEndpointRouteBuilder MapPasswordEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/password-change", Pending).WithName("GetPendingPasswordChange").WithSummary("Who signed in with a one-time password and must choose their own now, with this step's antiforgery token.").WithTags("Session").RequireAuthorization(PendingSignIn.Policy);
        app.MapPost("/api/password-change", Choose).WithName("ChooseOwnPassword").WithSummary("Replaces the one-time password with the person's own, ends every other session and starts theirs.").WithTags("Session").RequireAuthorization(PendingSignIn.Policy)
            .AddEndpointFilter<AntiforgeryFilter>();
        app.MapPost("/api/session/password", Change).WithName("ChangeOwnPassword").WithSummary("Changes the signed-in person's password (the current one required); their other sessions end, this one continues.").WithTags("Session").RequireAuthorization()
            .AddEndpointFilter<AntiforgeryFilter>();
        return app;
    }

    public static Results<Ok<PendingChangeView>, NotFound> Pending(HttpContext context, IAntiforgery antiforgery) =>
        context.User.MustChangePassword()
            ? TypedResults.Ok(new PendingChangeView(context.User.Identity?.Name ?? "", antiforgery.GetAndStoreTokens(context).RequestToken!))
            : TypedResults.NotFound();

    /// <summary>The one thing a one-time password allows: choosing a password of one's own. The session starts only then.</summary>
    public static async Task<Results<Ok<ChangedView>, ProblemHttpResult>> Choose(
        ChosenPassword input, HttpContext context, PasswordChanges passwords, SessionStarter starter, CancellationToken cancellationToken)
    {
        if (!context.User.MustChangePassword())
        {
            return TypedResults.Problem(detail: "Sign in first.", statusCode: StatusCodes.Status403Forbidden);
        }

        var changed = await passwords.ChangeAsync(context.User.UserId(), Stamp(context.User), currentPassword: null, input.NewPassword ?? "",
            keepSessionId: null, AuditSource.Of(context), cancellationToken);
        if (changed.Value is not { } done)
        {
            return changed.ToProblem();
        }

        await context.SignOutAsync(PendingSignIn.Scheme);
        return TypedResults.Ok(new ChangedView(await starter.StartAsync(context, done.User, cancellationToken)));
    }

    /// <summary>The signed-in person's own change: this session continues under the new stamp, every other one ends.</summary>
    public static async Task<Results<Ok<ChangedView>, ProblemHttpResult>> Change(
        PasswordChange input, Caller caller, HttpContext context, PasswordChanges passwords, CancellationToken cancellationToken)
    {
        var sessionId = context.User.SessionId()!.Value;
        var changed = await passwords.ChangeAsync(caller.User.Id, Stamp(context.User), input.CurrentPassword ?? "", input.NewPassword ?? "",
            sessionId, AuditSource.Of(context), cancellationToken);
        if (changed.Value is not { } done)
        {
            return changed.ToProblem();
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            SessionClaims.For(done.User, context.User.SignedInTime()!.Value, sessionId));
        return TypedResults.Ok(new ChangedView(SessionEndpoints.HomeOf(done.User.Role)));
    }

    private static string Stamp(ClaimsPrincipal principal) => principal.FindFirstValue(SessionClaims.SecurityStamp) ?? "";
}
