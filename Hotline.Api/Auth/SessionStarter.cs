using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hotline.Api.Auth;

/// <summary>
/// Turns a person who passed every check into a console session: their wrong tries forgotten, a server-side session
/// started, the cookie set. A person who signed in with a one-time password gets no session yet: only the pending
/// cookie that reaches the page where they choose their own password.
/// </summary>
public sealed class SessionStarter(SessionStore sessions, SignInService signIn, TimeProvider time)
{
    /// <returns>Where the person starts (<see cref="SessionEndpoints.HomeOf"/>).</returns>
    public async Task<string> StartAsync(HttpContext context, User user, CancellationToken cancellationToken)
    {
        await signIn.ClearFailuresAsync(user, cancellationToken);
        if (user.MustChangePassword)
        {
            await context.SignInAsync(PendingSignIn.Scheme, PendingSignIn.ForPasswordChange(user));
            return PasswordEndpoints.ChoosePage;
        }

        var sessionId = await sessions.StartAsync(user.Id, cancellationToken);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionClaims.For(user, time.GetUtcNow(), sessionId));
        return SessionEndpoints.HomeOf(user.Role);
    }
}
