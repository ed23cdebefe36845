using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Hotline.Api.Auth;

/// <summary>
/// Between the right password and the second factor: a short-lived cookie of its own (never the session's)
/// that reaches only the two-factor step. For a person who must still enrol it carries the new TOTP secret,
/// encrypted with the cookie by Data Protection, so nothing is stored before the first code proves the app has it.
/// </summary>
public static class PendingSignIn
{
    public const string Scheme = "hotline.pending";
    public const string SecretToEnrolClaim = "hotline:totp_secret_to_enrol";

    /// <summary>Set when the password given was a one-time one: the cookie then reaches only the page that replaces it.</summary>
    public const string MustChangePasswordClaim = "hotline:must_change_password";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static readonly AuthorizationPolicy Policy = new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build();

    public static ClaimsPrincipal For(User user, string? secretToEnrol) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.UserName),
        .. secretToEnrol is null ? Array.Empty<Claim>() : [new Claim(SecretToEnrolClaim, secretToEnrol)],
    ], Scheme));

    /// <summary>Every other step done, but the password was a one-time one: the stamp is kept so a later reset or disabling refuses this cookie.</summary>
    public static ClaimsPrincipal ForPasswordChange(User user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.UserName),
        new Claim(MustChangePasswordClaim, "true"),
        new Claim(SessionClaims.SecurityStamp, user.SecurityStamp),
    ], Scheme));

    public static string? SecretToEnrol(this ClaimsPrincipal principal) => principal.FindFirstValue(SecretToEnrolClaim);

    public static bool MustChangePassword(this ClaimsPrincipal principal) => principal.HasClaim(MustChangePasswordClaim, "true");

    public static AuthenticationBuilder AddPendingSignIn(this AuthenticationBuilder builder, IServiceCollection services)
    {
        builder.AddCookie(Scheme);
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<TimeProvider, IHostEnvironment>((cookie, time, environment) =>
        {
            CookieHardening.Apply(cookie.Cookie, "hotline.pending", environment);
            cookie.ExpireTimeSpan = Lifetime;
            cookie.SlidingExpiration = false;
            cookie.LoginPath = "/console/signin.html";
            cookie.TimeProvider = time;
            cookie.Events.OnRedirectToLogin = context => AuthServices.Refuse(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => AuthServices.Refuse(context, StatusCodes.Status403Forbidden);
        });
        return builder;
    }
}
