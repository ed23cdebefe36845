using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Hotline.Api.Tracing;

public static class TracingServices
{
    /// <summary>
    /// Records the hotline's own spans; with <c>Hotline:Tracing:OtlpEndpoint</c> set, also ASP.NET Core's request spans, and
    /// exports them all there. Without it no span leaves the process.
    /// </summary>
    public static IServiceCollection AddHotlineTracing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TracingOptions>().BindConfiguration(TracingOptions.Section).ValidateOnStart();
        var endpoint = configuration.GetSection(TracingOptions.Section).Get<TracingOptions>()?.OtlpEndpoint;
        services.AddOpenTelemetry().WithTracing(tracing =>
        {
            // Every message's spans are kept, whatever a caller's trace header or an unrecorded request span says:
            // a few spans a message, and following one message end to end is the point.
            tracing.AddSource(HotlineActivities.SourceName).SetSampler(new AlwaysOnSampler());
            if (endpoint is not null)
            {
                // Request spans only where they are exported: they give each webhook's span its parent, and they redact
                // query strings by default.
                tracing.AddAspNetCoreInstrumentation().AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = endpoint;
                    otlp.Protocol = OtlpExportProtocol.Grpc;
                });
            }
        });
        return services;
    }
}
