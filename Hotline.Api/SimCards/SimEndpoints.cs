namespace Hotline.Api.SimCards;

public static class SimEndpoints
{
    public static IEndpointRouteBuilder MapSimEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/sims", Import).WithName("ImportSims").WithSummary("Imports a CSV of issued SIMs; bad rows come back with line numbers and reasons.").WithTags("Issued SIM registry")
            .RequireAuthorization(Policies.Administration).AddEndpointFilter<AntiforgeryFilter>()
            .Accepts<string>("text/csv").DisableAntiforgery();
        return app;
    }

    /// <summary>Imports a CSV of issued SIMs (the request body, text/csv). Bad rows come back with line numbers; the good ones are stored.</summary>
    public static async Task<Results<Ok<SimImportReport>, BadRequest<SimImportReport>, ProblemHttpResult>> Import(
        HttpRequest request, SimRegistry registry, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > SimRegistry.MaxFileBytes)
        {
            return TypedResults.Problem(detail: $"The file is larger than {SimRegistry.MaxFileBytes / 1024 / 1024} MB; split it.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var report = await registry.ImportAsync(body.ToArray(), cancellationToken);
        await audit.RecordAsync(AuditEntry.By(request.HttpContext, AuditActions.SimsImported, null, report.Refused is null ? AuditOutcomes.Succeeded : AuditOutcomes.Refused), cancellationToken);
        return report.Refused is null ? TypedResults.Ok(report) : TypedResults.BadRequest(report);
    }
}
