using System.Data.Common;
using Hotline.Api.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Health;

/// <summary>Ready when the database answers and this process has brought it to the current schema.</summary>
public sealed class DatabaseReadyCheck(Database database, DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrator.Completed)
        {
            return HealthCheckResult.Unhealthy("The migrations have not been applied yet.");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await database.PingAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The database did not answer ({ex.GetType().Name}).");
        }
    }
}

/// <summary>Ready while no background loop has failed its last passes in a row (see <see cref="HealthOptions"/>).</summary>
public sealed class LoopsReadyCheck(LoopWatch loops, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stalled = loops.Stalled(options.Value.LoopFailuresBeforeUnready);
        return Task.FromResult(stalled.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Failing again and again: {string.Join(", ", stalled)}."));
    }
}
