using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace Hotline.Api.Auth;

/// <summary>
/// The second step of signing in, reached only with the pending cookie (<see cref="PendingSignIn"/>): enrolling
/// an authenticator app (QR code drawn here, as SVG, so the page needs no script of its own to draw it), or
/// giving a code from it or a recovery code.
/// </summary>
public static class TwoFactorEndpoints
{
    public const string Page = "/console/two-factor.html";
    public const string EnrolPage = "/console/enrol.html";

    public sealed record PendingView(string UserName, bool Enrolling, string? Secret, string AntiforgeryToken);

    public sealed record EnrolmentInput(string? Code);

    public sealed record EnrolledView(IReadOnlyList<string> RecoveryCodes, string Home);

    public static IEndpointRouteBuilder MapTwoFactorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/two-factor", Pending).WithName("GetPendingTwoFactor").WithSummary("What the half-signed-in caller must do next: enrol an authenticator or enter a code.").WithTags("Session").RequireAuthorization(PendingSignIn.Policy);
        app.MapGet("/api/two-factor/qr.svg", QrCode).WithName("GetTwoFactorQrCode").WithSummary("The QR code of the authenticator secret being enrolled, drawn by the server as SVG.").WithTags("Session").RequireAuthorization(PendingSignIn.Policy);
        app.MapPost("/api/two-factor/enrolment", Enrol).WithName("EnrolTwoFactor").WithSummary("Confirms an authenticator with its first code and gives the single-use recovery codes.").WithTags("Session").RequireAuthorization(PendingSignIn.Policy)
            .AddEndpointFilter<AntiforgeryFilter>();
        app.MapPost("/console/two-factor", Verify).WithName("VerifyTwoFactor").WithSummary("The second step of sign-in: a code from the authenticator or a recovery code starts the session.").WithTags("Session").RequireAuthorization(PendingSignIn.Policy)
            .RequireRateLimiting(SignInRateLimits.PerAddressPolicy);
        return app;
    }

    /// <summary>Who is signing in, whether they must enrol first (with the key to type when a camera cannot scan), and the antiforgery token of this step.</summary>
    public static Ok<PendingView> Pending(HttpContext context, IAntiforgery antiforgery)
    {
        var secret = context.User.SecretToEnrol();
        return TypedResults.Ok(new PendingView(context.User.Identity?.Name ?? "", secret is not null, secret,
            antiforgery.GetAndStoreTokens(context).RequestToken!));
    }

    public static Results<FileContentHttpResult, NotFound> QrCode(HttpContext context)
    {
        if (context.User.SecretToEnrol() is not { } secret)
        {
            return TypedResults.NotFound();
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(TwoFactorStore.AuthenticatorUri(secret, context.User.Identity?.Name ?? ""), QRCodeGenerator.ECCLevel.M);
        return TypedResults.File(Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(6)), "image/svg+xml");
    }

    /// <summary>The first code from the new app turns two-factor sign-in on, answers the ten recovery codes (shown once) and starts the session.</summary>
    public static async Task<Results<Ok<EnrolledView>, ProblemHttpResult>> Enrol(
        EnrolmentInput input, HttpContext context, TwoFactorStore twoFactor, Database database, UserRepository users, SessionStarter starter,
        CancellationToken cancellationToken)
    {
        if (context.User.SecretToEnrol() is not { } secret)
        {
            return TypedResults.Problem(detail: "This account already has two-factor sign-in. Sign in again with a code from the app.",
                statusCode: StatusCodes.Status409Conflict);
        }

        var user = await ReadUserAsync(context.User, database, users, cancellationToken);
        if (user is not { Disabled: false } || await twoFactor.EnrolAsync(user.Id, secret, input.Code ?? "", cancellationToken) is not { } codes)
        {
            return TypedResults.Problem(detail: "That code is not right. Check that the phone's clock is right and type the code the app shows now.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        await context.SignOutAsync(PendingSignIn.Scheme);
        return TypedResults.Ok(new EnrolledView(codes, await starter.StartAsync(context, user, cancellationToken)));
    }

    /// <summary>A code from the app, or a recovery code (spent by this use). A wrong one counts as a wrong password does.</summary>
    public static async Task<RedirectHttpResult> Verify(
        [FromForm] string code, HttpContext context, TwoFactorStore twoFactor, SignInService signIn, Database database, UserRepository users,
        SessionStarter starter, CancellationToken cancellationToken)
    {
        var user = await ReadUserAsync(context.User, database, users, cancellationToken);
        if (user is null || !signIn.MayTryNow(user))
        {
            return TypedResults.Redirect($"{Page}?error=wrong");
        }

        if (!await twoFactor.VerifyAsync(user.Id, code, cancellationToken))
        {
            await signIn.RecordFailureAsync(user, cancellationToken);
            return TypedResults.Redirect($"{Page}?error=wrong");
        }

        await context.SignOutAsync(PendingSignIn.Scheme);
        return TypedResults.Redirect(await starter.StartAsync(context, user, cancellationToken));
    }

    private static async Task<User?> ReadUserAsync(ClaimsPrincipal pending, Database database, UserRepository users, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return await users.FindByIdAsync(session, pending.UserId(), cancellationToken);
    }
}
