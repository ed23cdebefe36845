using System.Security.Claims;

namespace Hotline.Api.Auth;

/// <summary>
/// The one answer to "who is calling, and may they still?", for HTTP (the cookie's principal validation,
/// every request) and the hub (every call, since a connection outlives the request that opened it). A
/// caller is refused when the session was ended, is older than the absolute limit, the account is
/// disabled, must replace a one-time password, or now has another role than the one signed in with, or its security stamp has changed
/// (<see cref="UserAccounts.ChangeSecurityStampAsync"/>).
/// </summary>
public sealed class CallerCheck(Database database, UserRepository users, SessionStore sessions, IOptions<AuthOptions> options, TimeProvider time)
{
    /// <summary>The caller's account as the server holds it now, or null when the session no longer stands.</summary>
    public async Task<User?> ReadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await CheckAsync(principal, cancellationToken)).Caller;

    /// <summary>
    /// The caller's account as the server holds it now; or, when the session no longer stands, no caller and the account
    /// change that ended it, if one did (a session past its limit has none, nor one signed out of an account unchanged since).
    /// </summary>
    public async Task<(User? Caller, SessionEnd? Ended)> CheckAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.SignedInTime() is not { } signedIn || time.GetUtcNow() - signedIn > TimeSpan.FromHours(options.Value.AbsoluteHours)
            || principal.SessionId() is not { } sessionId || principal.UserIdOrNull() is not { } userId)
        {
            return (null, null);
        }

        await using var session = await database.OpenAsync(cancellationToken);
        var active = await sessions.IsActiveAsync(session, sessionId, cancellationToken);
        var user = await users.FindByIdAsync(session, userId, cancellationToken);
        var stampHolds = string.Equals(principal.FindFirstValue(SessionClaims.SecurityStamp), user?.SecurityStamp, StringComparison.Ordinal);
        return user switch
        {
            { Disabled: true } => (null, SessionEnd.AccountDisabled),
            not null when !stampHolds => (null, SessionEnd.AccountChanged),
            { MustChangePassword: false } when active && principal.IsInRole(user.Role.ToString()) => (user, null),
            _ => (null, null),
        };
    }
}
