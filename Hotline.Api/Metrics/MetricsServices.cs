using System.Net;
using OpenTelemetry.Metrics;

namespace Hotline.Api.Metrics;

public static class MetricsServices
{
    public const string Path = "/metrics";

    /// <summary>The meter .NET itself publishes its garbage collector, thread pool and JIT figures under.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    public static IServiceCollection AddHotlineMetrics(this IServiceCollection services)
    {
        services.AddValidatedOptions<MetricsOptions, MetricsOptionsValidator>(MetricsOptions.Section);
        services.AddSingleton<OperationalSnapshot>();
        services.AddSingleton<HotlineMetrics>();
        services.AddHostedService<OperationalSamplerJob>();
        // The runtime's own meter (garbage collections and their pauses, the thread pool's queue, lock contention): what a
        // latency tail that the hotline's counters cannot explain is read against. Its instruments are read only when scraped.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(HotlineMetrics.MeterName, RuntimeMeterName).AddPrometheusExporter());
        return services;
    }

    /// <summary>
    /// Serves the Prometheus scrape only to the configured networks; to anyone else <c>/metrics</c> does not exist
    /// (404), so the public address learns nothing, not even that it is there.
    /// </summary>
    public static WebApplication UseHotlineMetrics(this WebApplication app)
    {
        var networks = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Networks();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == Path && context.Connection.RemoteIpAddress is { } remote && IsAllowed(networks, remote));
        return app;
    }

    private static bool IsAllowed(IReadOnlyList<IPNetwork> networks, IPAddress remote)
    {
        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return networks.Any(network => network.Contains(address));
    }
}
