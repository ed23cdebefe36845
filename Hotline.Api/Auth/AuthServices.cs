using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Hotline.Api.Auth;

public static class AuthServices
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>
    /// Cookie sessions on the same origin as the hub, so no token ever travels in a URL. HttpOnly,
    /// SameSite=Strict, Secure and __Host- prefixed outside Development (<see cref="CookieHardening"/>); idle and absolute limits; API and hub calls get 401/403 instead of a redirect.
    /// </summary>
    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuthOptions, AuthOptionsValidator>(AuthOptions.Section);
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<SessionStarter>();
        services.AddSingleton<KnownDevices>();
        services.AddSingleton<TwoFactorStore>();
        services.AddSignInRateLimits();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<LiveSessions>();
        services.AddSingleton<CallerCheck>();
        services.AddHostedService<EndedSessionSweepJob>();
        // The antiforgery cookie stays Secure only on an https request (behind the trusted proxy, every request):
        // ASP.NET Core's antiforgery refuses to work at all over http when told to always be Secure.
        services.AddAntiforgery(options => options.HeaderName = AntiforgeryHeader);
        services.AddAuthorization(Policies.Add);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie().AddPendingSignIn(services);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, TimeProvider, IHostEnvironment>((cookie, auth, time, environment) =>
            {
                CookieHardening.Apply(cookie.Cookie, "hotline.session", environment);
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(auth.Value.IdleMinutes);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/console/signin.html";
                cookie.TimeProvider = time;
                cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
                // Every request re-reads the caller (CallerCheck): an ended session, a disabled account or a changed role
                // is refused whichever copy of the cookie comes, and the endpoint gets the account as it is now. An account
                // change that ended the session is kept for the 401 to name (Refuse).
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    var check = context.HttpContext.RequestServices.GetRequiredService<CallerCheck>();
                    var (user, ended) = context.Principal is { } principal ? await check.CheckAsync(principal, context.HttpContext.RequestAborted) : (null, null);
                    if (user is null)
                    {
                        context.RejectPrincipal();
                        if (ended is { } end)
                        {
                            context.HttpContext.Items[typeof(SessionEnd)] = end;
                        }

                        return;
                    }

                    context.HttpContext.Features.Set(new Caller(user));
                };
            });
        return services;
    }

    internal static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized && context.HttpContext.Items[typeof(SessionEnd)] is SessionEnd end)
            {
                context.Response.Headers[SessionEnds.Header] = end.Code();
            }
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
