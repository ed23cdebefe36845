using Microsoft.AspNetCore.Antiforgery;

namespace Hotline.Api.Auth;

/// <summary>
/// State-changing API calls made with the session cookie must carry the antiforgery token in the
/// X-CSRF-TOKEN header, which another site's page cannot read or send.
/// </summary>
public sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(detail: $"The {AuthServices.AntiforgeryHeader} header is missing or does not match this session.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
