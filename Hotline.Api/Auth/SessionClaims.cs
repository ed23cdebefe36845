using System.Security.Claims;

namespace Hotline.Api.Auth;

public static class SessionClaims
{
    public const string SignedInAt = "hotline:signed_in_at";

    /// <summary>The server-side session (<see cref="SessionStore"/>) the cookie belongs to.</summary>
    public const string Session = "hotline:session";

    /// <summary>The account's security stamp at sign-in: a session is refused once the stamp has changed.</summary>
    public const string SecurityStamp = "hotline:security_stamp";

    public static ClaimsPrincipal For(User user, DateTimeOffset signedInAt, Guid sessionId) => new(new ClaimsIdentity(
    [
        new Claim(Session, sessionId.ToString()),
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.UserName),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
        new Claim(SignedInAt, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        new Claim(SecurityStamp, user.SecurityStamp),
    ], Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme));

    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The session has no user id."));

    public static Guid? UserIdOrNull(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? SessionId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(Session), out var id) ? id : null;

    public static DateTimeOffset? SignedInTime(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SignedInAt), CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
