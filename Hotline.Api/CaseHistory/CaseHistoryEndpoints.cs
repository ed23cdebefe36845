namespace Hotline.Api.CaseHistory;

/// <summary>
/// Closed cases, read-only, for caseworkers, supervisors and admins (never NGO accounts). <see cref="GetClosedCase"/>
/// is the one place a closed case's content is read: the console opens every closed case through it.
/// </summary>
public static class CaseHistoryEndpoints
{
    public static IEndpointRouteBuilder MapCaseHistoryEndpoints(this IEndpointRouteBuilder app)
    {
        var history = app.MapGroup("/api/case-history").WithTags("Case history")
            .RequireAuthorization(Policies.CaseData).AddEndpointFilter<AntiforgeryFilter>();
        history.MapGet("/handled", GetHandled).WithName("GetHandledCases").WithSummary("The closed cases the caller held when they were closed, the latest first.");
        history.MapGet("/{caseId:guid}", GetClosedCase).WithName("GetClosedCase").WithSummary("A closed case to read, read-only, for whoever may see it.");
        history.MapGet("/{caseId:guid}/earlier", GetEarlierCases).WithName("GetEarlierCases").WithSummary("The person's closed cases before this one.");
        return app;
    }

    /// <summary>The closed cases the caller held when they were closed, the latest first (at most 50).</summary>
    public static async Task<Ok<IReadOnlyList<ClosedCase>>> GetHandled(
        Caller caller, Database database, CaseHistoryReader history, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await history.ReadHandledAsync(session, caller.User, cancellationToken));
    }

    /// <summary>A closed case to read: nothing can be sent or changed from it.</summary>
    public static async Task<Results<Ok<ClosedCaseRecord>, NotFound, ProblemHttpResult, ForbidHttpResult>> GetClosedCase(
        Guid caseId, Caller caller, HttpContext context, Database database, CaseHistoryReader history, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        Results<Ok<ClosedCaseRecord>, NotFound, ProblemHttpResult, ForbidHttpResult> result;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            var found = await history.FindAsync(session, caseId, cancellationToken);
            result = found is null ? TypedResults.NotFound()
                : found.Status != CaseStatus.Closed ? TypedResults.Problem(detail: "This case is still open: open it from the queue.", statusCode: StatusCodes.Status409Conflict)
                : await history.ReadClosedAsync(session, caller.User, caseId, cancellationToken) is { } record ? TypedResults.Ok(record)
                : TypedResults.Forbid();
        }

        await audit.RecordAsync(AuditEntry.By(context, AuditActions.ClosedCaseRead, caseId, AuditOutcomes.Of(result)), cancellationToken);
        return result;
    }

    /// <summary>
    /// The person's closed cases before this one (open or closed), oldest first: none for a first contact. Audited under the
    /// case asked about: the list names the earlier cases' outcomes and the partners they were referred to.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<ClosedCase>>, NotFound, ForbidHttpResult>> GetEarlierCases(
        Guid caseId, Caller caller, HttpContext context, Database database, CaseHistoryReader history, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        Results<Ok<IReadOnlyList<ClosedCase>>, NotFound, ForbidHttpResult> result;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            result = await history.FindAsync(session, caseId, cancellationToken) is null ? TypedResults.NotFound()
                : await history.ReadEarlierAsync(session, caller.User, caseId, cancellationToken) is { } earlier ? TypedResults.Ok(earlier)
                : TypedResults.Forbid();
        }

        await audit.RecordAsync(AuditEntry.By(context, AuditActions.EarlierCasesRead, caseId, AuditOutcomes.Of(result)), cancellationToken);
        return result;
    }
}
