namespace Hotline.Api.Auth;

/// <summary>
/// Outside Development the cookies that carry a sign-in (the session, the half-signed-in step) are
/// <c>Secure</c> and named <c>__Host-...</c> whatever the request's scheme: behind the TLS-terminating proxy the
/// request reaching the app is plain http, and the prefix makes a browser refuse the cookie unless it is Secure, for
/// the whole host (Path=/) and set by it (no Domain). Development keeps plain names so that http://localhost works.
/// </summary>
public static class CookieHardening
{
    public const string HostPrefix = "__Host-";

    public static void Apply(CookieBuilder cookie, string name, IHostEnvironment environment)
    {
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.Path = "/";
        if (environment.IsDevelopment())
        {
            cookie.Name = name;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        else
        {
            cookie.Name = HostPrefix + name;
            cookie.SecurePolicy = CookieSecurePolicy.Always;
        }
    }
}
