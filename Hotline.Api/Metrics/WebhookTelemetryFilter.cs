using System.Diagnostics;
using Hotline.Api.Tracing;

namespace Hotline.Api.Metrics;

/// <summary>
/// Opens an inbound webhook's span, times it from its arrival to its answer and counts the requests it refused, by
/// channel adapter ("twilio", "bot"). The reason is a word, never the status number or anything from the request.
/// </summary>
public sealed class WebhookTelemetryFilter(string channel) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var span = HotlineActivities.Source.StartActivity(HotlineActivities.Webhook, ActivityKind.Internal);
        span?.SetTag("hotline.channel", channel);
        var result = await next(context);
        var metrics = context.HttpContext.RequestServices.GetRequiredService<HotlineMetrics>();
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        if (status >= StatusCodes.Status400BadRequest)
        {
            span?.SetTag("hotline.refused", Reason(status));
            metrics.WebhookRefused(channel, Reason(status));
        }
        else
        {
            metrics.WebhookAnswered(channel, Stopwatch.GetElapsedTime(arrived));
        }

        return result;
    }

    private static string Reason(int status) => status switch
    {
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => "unauthenticated",
        StatusCodes.Status413PayloadTooLarge => "too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        >= StatusCodes.Status500InternalServerError => "unavailable",
        _ => "malformed",
    };
}
