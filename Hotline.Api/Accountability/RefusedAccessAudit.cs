using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Hotline.Api.Accountability;

/// <summary>
/// A signed-in caller refused by an endpoint's role policy before its handler runs (an admin asking for a case, a
/// caseworker for a photo's original) is recorded as <see cref="AuditActions.AccessRefused"/>: an insider probing for what
/// their role may not read leaves a row, as a refusal inside a handler does. The answer is the framework's own.
/// </summary>
public sealed class RefusedAccessAudit(AuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _answer = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            await audit.RecordAsync(AuditEntry.By(context, AuditActions.AccessRefused, Subject(context), AuditOutcomes.Refused), context.RequestAborted);
        }

        await _answer.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>
    /// The method and the route asked for, with the ids it was asked for in place (a case, a photo, a referral); any other
    /// value stays a placeholder, since a path may carry an account's name.
    /// </summary>
    private static string Subject(HttpContext context)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern;
        if (route is null)
        {
            return $"{context.Request.Method} (no route)";
        }

        var segments = route.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter when context.GetRouteValue(parameter.Name) is { } value
                && Guid.TryParse(value.ToString(), out var id) => id.ToString("D"),
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return $"{context.Request.Method} /{string.Join('/', segments)}";
    }
}
