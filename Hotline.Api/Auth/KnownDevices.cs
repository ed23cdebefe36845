using System.Security.Cryptography;
using Hotline.Api.Users;
using Microsoft.AspNetCore.DataProtection;

namespace Hotline.Api.Auth;

/// <summary>
/// A browser that completed a sign-in keeps a sealed cookie naming that person (OWASP's "device cookie"). Its later
/// sign-ins as that person are admitted beside the budget that everyone else shares (<see cref="PasswordChecks"/>),
/// so a flood of guesses cannot keep a caseworker out of her own console. The cookie opens nothing by itself: the
/// password, and the second factor, are still checked, and every other limit still applies. A browser without it is
/// treated the same whatever name it tries, so it tells nothing about names.
/// </summary>
public sealed class KnownDevices(IDataProtectionProvider protection, IHostEnvironment environment, TimeProvider time)
{
    public const string CookieName = "hotline.device";

    /// <summary>How long a browser stays known without signing in again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Hotline.Auth.KnownDevice").ToTimeLimitedDataProtector();

    /// <summary>Marks the browser as one <paramref name="user"/> signed in with (again, for another <see cref="Lifetime"/>).</summary>
    public void Remember(HttpContext context, User user)
    {
        var cookie = NewCookie();
        cookie.MaxAge = Lifetime;
        var now = time.GetUtcNow();
        context.Response.Cookies.Append(cookie.Name!, _protector.Protect(Normalised(user.UserName), now + Lifetime), cookie.Build(context, now));
    }

    /// <summary>Whether the browser signed in as <paramref name="userName"/> before, within <see cref="Lifetime"/>.</summary>
    public bool Vouches(HttpContext context, string userName)
    {
        if (context.Request.Cookies[NewCookie().Name!] is not { Length: > 0 } sealedName)
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(sealedName) == Normalised(userName);
        }
        catch (CryptographicException)
        {
            // Expired, forged, or sealed with a key ring this host no longer has: an unknown browser, as any other.
            return false;
        }
    }

    private CookieBuilder NewCookie()
    {
        var cookie = new CookieBuilder();
        CookieHardening.Apply(cookie, CookieName, environment);
        return cookie;
    }

    /// <summary>Names compare case-insensitively, as the database does.</summary>
    private static string Normalised(string userName) => userName.Trim().ToUpperInvariant();
}
