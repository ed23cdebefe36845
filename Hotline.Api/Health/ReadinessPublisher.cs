using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Api.Health;

/// <summary>Runs the readiness checks in the background and shows the outcome as the <c>hotline_ready</c> gauge, for alerting.</summary>
public sealed class ReadinessPublisher(OperationalSnapshot snapshot) : IHealthCheckPublisher
{
    public Task PublishAsync(Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report, CancellationToken cancellationToken)
    {
        snapshot.Ready = report.Status == HealthStatus.Healthy ? 1 : 0;
        return Task.CompletedTask;
    }
}
