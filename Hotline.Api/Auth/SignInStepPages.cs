using Microsoft.AspNetCore.Authentication;

namespace Hotline.Api.Auth;

/// <summary>
/// The two-factor pages are steps of signing in, reached only with the pending cookie (<see cref="PendingSignIn"/>).
/// Opened without one (a bookmark, the browser's history, a newcomer clicking through), the page's script asked for a step
/// that did not exist and got 401s before leaving; a person already signed in saw the sign-in form. With no step to take,
/// the page is not served: a signed-in person goes to where their role starts, anyone else to the sign-in form. Enrolling
/// from a session is not offered (docs/security.md, "Two-factor sign-in"), so there is no page of theirs to show instead.
/// Where two-factor sign-in is not switched on at all (<see cref="AuthOptions.RequireTwoFactor"/> off), the enrolment page
/// says so instead (<see cref="OffPage"/>, a page without script, with a link back): a silent redirect left a newcomer who had
/// typed its address to guess why the page she asked for never showed.
/// </summary>
public static class SignInStepPages
{
    public const string OffPage = "/console/two-factor-off.html";

    public static IApplicationBuilder UseSignInStepPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var isStep = path.Equals(TwoFactorEndpoints.Page, StringComparison.OrdinalIgnoreCase)
            || path.Equals(TwoFactorEndpoints.EnrolPage, StringComparison.OrdinalIgnoreCase);
        // Signing in as someone else from a signed-in browser has both cookies: the step in progress wins.
        if (isStep && !(await context.AuthenticateAsync(PendingSignIn.Scheme)).Succeeded)
        {
            var off = path.Equals(TwoFactorEndpoints.EnrolPage, StringComparison.OrdinalIgnoreCase)
                && !context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.RequireTwoFactor;
            // The session cookie was checked by UseAuthentication, which left the caller here (AuthServices).
            context.Response.Redirect(off ? OffPage
                : context.Features.Get<Caller>() is { } caller ? SessionEndpoints.HomeOf(caller.User.Role) : "/console/signin.html");
            return;
        }

        await next(context);
    });
}
