namespace Hotline.Api.Quarantine;

public static class QuarantineEndpoints
{
    public static IEndpointRouteBuilder MapQuarantineEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Quarantine").RequireAuthorization(Policies.Supervision).AddEndpointFilter<AntiforgeryFilter>()
            .MapGet("/quarantine", GetQuarantinedRows).WithName("GetQuarantinedRows")
            .WithSummary("The rows background jobs set aside because they could not read them: source, row id, reason and time, never content.");
        return app;
    }

    /// <summary>The rows set aside most recently, newest first: where each is and why, for a supervisor to report.</summary>
    public static async Task<Ok<IReadOnlyList<QuarantinedRow>>> GetQuarantinedRows(Database database, QuarantineStore quarantine,
        CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await quarantine.ReadRecentAsync(session, cancellationToken));
    }
}
