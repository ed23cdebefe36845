using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Api.Health;

public static class HealthServices
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHotlineHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoopWatch>();
        services.AddSingleton<IHealthCheckPublisher, ReadinessPublisher>();
        services.Configure<HealthCheckPublisherOptions>(publisher => publisher.Predicate = check => check.Tags.Contains(ReadyTag));
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<LoopsReadyCheck>("background-loops", HealthStatus.Unhealthy, [ReadyTag]);
        return services;
    }
}
