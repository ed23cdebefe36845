using Hotline.Api.Auth;
using Hotline.Api.CaseStore;
using Hotline.Api.Storage;
using Hotline.Api.Users;
using Microsoft.AspNetCore.Http.HttpResults;

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
        history.MapGet("/handled", GetHandled);
        history.MapGet("/{caseId:guid}", GetClosedCase);
        history.MapGet("/{caseId:guid}/earlier", GetEarlierCases);
        return app;
    }

    /// <summary>The closed cases the caller held when they were closed, the latest first (at most 50).</summary>
    public static async Task<Results<Ok<IReadOnlyList<ClosedCase>>, ForbidHttpResult>> GetHandled(
        HttpContext context, Database database, UserRepository users, CaseHistoryReader history, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return await users.FindByIdAsync(session, context.User.UserId(), cancellationToken) is { Disabled: false } user
            ? TypedResults.Ok(await history.ReadHandledAsync(session, user, cancellationToken))
            : TypedResults.Forbid();
    }

    /// <summary>A closed case to read: nothing can be sent or changed from it.</summary>
    public static async Task<Results<Ok<ClosedCaseRecord>, NotFound, ProblemHttpResult, ForbidHttpResult>> GetClosedCase(
        Guid caseId, HttpContext context, Database database, UserRepository users, CaseHistoryReader history, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        if (await users.FindByIdAsync(session, context.User.UserId(), cancellationToken) is not { Disabled: false } user)
        {
            return TypedResults.Forbid();
        }

        var found = await history.FindAsync(session, caseId, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        if (found.Status != CaseStatus.Closed)
        {
            return TypedResults.Problem(detail: "This case is still open: open it from the queue.", statusCode: StatusCodes.Status409Conflict);
        }

        return await history.ReadClosedAsync(session, user, caseId, cancellationToken) is { } record ? TypedResults.Ok(record) : TypedResults.Forbid();
    }

    /// <summary>The person's closed cases before this one (open or closed), oldest first: none for a first contact.</summary>
    public static async Task<Results<Ok<IReadOnlyList<ClosedCase>>, NotFound, ForbidHttpResult>> GetEarlierCases(
        Guid caseId, HttpContext context, Database database, UserRepository users, CaseHistoryReader history, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        if (await users.FindByIdAsync(session, context.User.UserId(), cancellationToken) is not { Disabled: false } user)
        {
            return TypedResults.Forbid();
        }

        if (await history.FindAsync(session, caseId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return await history.ReadEarlierAsync(session, user, caseId, cancellationToken) is { } earlier ? TypedResults.Ok(earlier) : TypedResults.Forbid();
    }
}
