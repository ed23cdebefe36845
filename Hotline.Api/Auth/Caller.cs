using System.Reflection;

namespace Hotline.Api.Auth;

/// <summary>
/// The signed-in caller of an HTTP request, as <see cref="CallerCheck"/> read it when the cookie was
/// validated: an endpoint takes a <see cref="Caller"/> parameter instead of reading the account again.
/// </summary>
public sealed class Caller(User user)
{
    public User User { get; } = user;

    /// <summary>
    /// Minimal APIs bind the parameter from here. Only an endpoint that requires authorization has a caller:
    /// asking for one anywhere else is a wiring mistake, and it fails loudly.
    /// </summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<Caller?>(context.Features.Get<Caller>()
            ?? throw new InvalidOperationException($"{context.Request.Path} asks for the caller but no signed-in caller was checked; require authorization on it."));
}
