namespace Hotline.Api.Casework;

/// <summary>
/// Browsers send the session cookie with a WebSocket opened by any site; the Origin header is how the
/// hub tells the console's own page from another site's page. Requests without an Origin (non-browser
/// clients) still need the cookie.
/// </summary>
public static class HubOriginCheck
{
    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin
            && !IsOwnOrigin(context, origin))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next();
    });

    private static bool IsOwnOrigin(HttpContext context, string origin)
    {
        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        var publicBase = context.RequestServices.GetRequiredService<IOptions<HotlineOptions>>().Value.PublicBaseUrl;
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || (publicBase is not null && Uri.TryCreate(publicBase, UriKind.Absolute, out var configured)
                && string.Equals(origin, configured.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase));
    }
}
