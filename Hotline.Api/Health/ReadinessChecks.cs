using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Api.Health;

/// <summary>Ready when the database answers, can be written and can grow, and this process has brought it to the current schema.</summary>
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
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The database did not answer ({ex.GetType().Name}).");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            // Answering is not enough: a full disk or a read-only file answers reads and refuses every webhook.
            await database.ProbeWriteAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database cannot be written ({ex.Message}).");
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
