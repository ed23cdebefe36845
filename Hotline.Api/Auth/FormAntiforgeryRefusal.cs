using Microsoft.AspNetCore.Antiforgery;

namespace Hotline.Api.Auth;

/// <summary>
/// Refuses a form post whose antiforgery check failed as the caller's error (400), before its endpoint reads the form.
/// The antiforgery middleware only records the failure (<see cref="IAntiforgeryValidationFeature"/>); the endpoint meets
/// it when it binds the form, and the source-generated binding reports it as an <see cref="InvalidOperationException"/>,
/// which would answer 500 and log an error for a stale sign-in tab.
/// </summary>
public static class FormAntiforgeryRefusal
{
    public static IApplicationBuilder UseFormAntiforgeryRefusal(this IApplicationBuilder app) =>
        app.Use((context, next) => context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
            ? throw new BadHttpRequestException("The form's antiforgery token is missing or does not match this browser.", StatusCodes.Status400BadRequest)
            : next(context));
}
