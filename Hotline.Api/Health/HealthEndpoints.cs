using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Hotline.Api.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("GetHealth").WithSummary("Whether this instance can serve: 200 when the database answers a query, 503 when it does not.").WithTags("Health").AllowAnonymous();
        // Liveness runs no check: the process answering is the whole question, so a slow database never restarts it.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithName("GetLiveness")
            .WithSummary("Whether the process answers: 200 always, with no check (an orchestrator restarts an instance that does not).").AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthServices.ReadyTag) })
            .WithName("GetReadiness").WithSummary("Whether this instance should get traffic: 503 while the database is unreachable or unmigrated or a background loop keeps failing.")
            .AllowAnonymous();
        return app;
    }

    /// <summary>
    /// 200 when the database answers a query, 503 when it does not: a load balancer takes the instance out.
    /// The audit chain's state is a detail: a broken chain is for the operator to see, never a reason to
    /// take the hotline out of service.
    /// </summary>
    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(
        Database database, AuditChainStatus auditChain, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await database.PingAsync(timeout.Token);
            return TypedResults.Ok(new HealthReport("Healthy", database.Provider.ToString(), AuditChainState(auditChain)));
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException)
        {
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning("Health check failed: the database did not answer ({Error}).", ex.Message);
            return TypedResults.Json(new HealthReport("Unhealthy", database.Provider.ToString(), AuditChainState(auditChain)),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static string AuditChainState(AuditChainStatus status) => status.Last switch
    {
        null => "Unchecked",
        { Intact: true } => "Intact",
        var broken => $"Broken at row {broken.FirstBadSequence}: {broken.Problem}",
    };
}

/// <param name="AuditChain">"Intact", "Unchecked" (before this instance's first walk) or "Broken at row N: why".</param>
public sealed record HealthReport(string Status, string Database, string AuditChain);
