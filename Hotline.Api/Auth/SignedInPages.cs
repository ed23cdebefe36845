namespace Hotline.Api.Auth;

/// <summary>
/// The console's pages for a signed-in person. Opened without a session (every first visit to <c>/console/</c>, a bookmark),
/// the page's script asked <c>/api/session</c>, got its 401, which the browser logs as an error in its console, and only then
/// left for the sign-in form. Such a page is not served now: the browser goes to the sign-in form before any script runs,
/// told why when an account change ended the session (as the 401's <see cref="SessionEnds.Header"/> tells the console). Nothing
/// is opened up: the pages hold no data, and every API endpoint and the hub still refuse with 401.
/// </summary>
public static class SignedInPages
{
    // "/console/" arrives here as index.html (UseDefaultFiles rewrote it). The sign-in steps (SignInStepPages) are not here.
    private static readonly HashSet<string> Pages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/console/index.html", "/console/supervisor.html", "/console/partner.html", "/console/partners.html", "/console/accounts.html",
        "/console/statistics.html", "/console/audit.html", "/console/sims.html", "/console/erase.html", "/console/translations.html",
        "/console/password.html",
    };

    public static IApplicationBuilder UseSignedInPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The session cookie was checked by UseAuthentication, which left the caller here (AuthServices).
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && Pages.Contains(context.Request.Path.Value ?? "") && context.Features.Get<Caller>() is null)
        {
            context.Response.Redirect(context.Items[typeof(SessionEnd)] is SessionEnd end
                ? $"/console/signin.html?ended={Uri.EscapeDataString(end.Code())}"
                : "/console/signin.html");
            return;
        }

        await next(context);
    });
}
