using Hotline.Api.Availability;

namespace Hotline.Api.Casework;

public static class CaseworkEndpoints
{
    public sealed record EventView(long Sequence, string Type, Guid CaseId, DateTimeOffset OccurredAt, CaseSummary? Case);

    public sealed record EventsView(long LastSequence, IReadOnlyList<EventView> Events, bool More);

    public sealed record Colleague(Guid Id, string DisplayName, string Role, IReadOnlyList<string> Languages);

    public sealed record Workload(Guid UserId, string DisplayName, string Role, long OpenCases);

    /// <param name="Staff">Everyone who works on cases, with the languages they answer.</param>
    /// <param name="Unanswerable">Waiting cases in a language nobody on shift speaks: they wait where no caseworker sees them.</param>
    /// <param name="CriticalOutsideHours">Waiting Critical cases whose language team is outside its opening hours now: a supervisor must act.</param>
    public sealed record SupervisorOverview(
        QueueView Queue, QueueStatistics Statistics, IReadOnlyList<Workload> Caseworkers, IReadOnlyList<Colleague> Staff, IReadOnlyList<Guid> Unanswerable,
        IReadOnlyList<Guid> CriticalOutsideHours);

    public static IEndpointRouteBuilder MapCaseworkEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Casework").RequireAuthorization(Policies.CaseData).AddEndpointFilter<AntiforgeryFilter>();
        api.MapGet("/queue", GetQueue).WithName("GetQueue").WithSummary("The open cases the caller may work, most urgent first.");
        api.MapGet("/case-events", GetEventsAfter).WithName("GetCaseEvents").WithSummary("The case changes after a sequence number, for a console to resync from.");
        api.MapGet("/cases/{caseId:guid}", GetCase).WithName("GetCase").WithSummary("One case with its transcript, notes and intake answers, for whoever may see it.");
        api.MapGet("/colleagues", GetColleagues).WithName("GetColleagues").WithSummary("The colleagues a case can be transferred to.");
        api.MapPost("/supervisor/cases/{caseId:guid}/take-over", TakeOver).WithName("TakeOverCase")
            .WithSummary("Moves the claim on a case a caseworker holds to the calling supervisor; the caseworker's console is told.")
            .RequireAuthorization(Policies.Supervision);
        api.MapGet("/supervisor/overview", GetOverview).WithName("GetSupervisorOverview").WithSummary("Every open case and each caseworker's load, for supervisors.").RequireAuthorization(Policies.Supervision);
        return app;
    }

    /// <summary>The open cases the caller may work, most urgent first, with the sequence number they reflect.</summary>
    public static async Task<Ok<QueueView>> GetQueue(Caller caller, Database database, CaseReadModel read, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await read.ReadQueueAsync(session, caller.User, cancellationToken));
    }

    /// <summary>
    /// What changed after the last sequence number a console saw, with each case as it is now: how a console resyncs. Only the
    /// events the caller could have heard on the hub (<see cref="CaseEventVisibility"/>); <c>LastSequence</c> still moves past
    /// the others, so a page may hold fewer events than asked for while <c>More</c> says more follow.
    /// </summary>
    public static async Task<Results<Ok<EventsView>, ProblemHttpResult>> GetEventsAfter(
        long after, int? take, Caller caller, Database database, CaseEventLog events, CaseReadModel read, CancellationToken cancellationToken)
    {
        var page = take ?? 500;
        if (after < 0 || page is < 1 or > CaseEventLog.MaxPage)
        {
            return TypedResults.Problem(detail: $"after must be 0 or more and take between 1 and {CaseEventLog.MaxPage}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var user = caller.User;
        await using var session = await database.OpenAsync(cancellationToken);
        var last = await read.LastSequenceAsync(session, cancellationToken);
        if (after > last)
        {
            return TypedResults.Problem(detail: $"Sequence {after} is ahead of the log (the last is {last}); reload the queue.", statusCode: StatusCodes.Status409Conflict);
        }

        var batch = await events.ReadAfterAsync(session, after, page, cancellationToken);
        var views = new List<EventView>();
        foreach (var caseEvent in batch)
        {
            // A case that moved away from the caller comes without its summary, so a console that showed it can drop it; a case
            // the caller never could see is left out: its id and what happened to it are other languages' work.
            var summary = await read.ReadSummaryAsync(session, caseEvent.CaseId, cancellationToken);
            var sight = CaseEventVisibility.Of(user, caseEvent, summary);
            if (sight != CaseEventVisibility.Sight.None)
            {
                views.Add(new EventView(caseEvent.Sequence, caseEvent.Type, caseEvent.CaseId, caseEvent.OccurredAt,
                    sight == CaseEventVisibility.Sight.WithSummary ? summary : null));
            }
        }

        return TypedResults.Ok(new EventsView(batch.Count > 0 ? batch[^1].Sequence : after, views, batch.Count == page));
    }

    /// <summary>An open case; a closed one is read through the case history, whose rule says who may read it.</summary>
    public static async Task<Results<Ok<CaseDetail>, NotFound, ForbidHttpResult, ProblemHttpResult>> GetCase(
        Guid caseId, Caller caller, HttpContext context, Database database, CaseReadModel read, AuditTrail audit, CancellationToken cancellationToken)
    {
        var user = caller.User;
        Results<Ok<CaseDetail>, NotFound, ForbidHttpResult, ProblemHttpResult> result;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            var detail = await read.ReadDetailAsync(session, caseId, user, cancellationToken);
            result = detail is null ? TypedResults.NotFound()
                : !CaseAccess.MaySee(user, detail.Case) ? TypedResults.Forbid()
                : detail.Case.Status == nameof(CaseStatus.Closed) ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                    detail: $"The case is closed: it is read in the case history, /api/case-history/{caseId}.")
                : TypedResults.Ok(detail);
        }

        await audit.RecordAsync(AuditEntry.By(context, AuditActions.CaseFetched, caseId, AuditOutcomes.Of(result)), cancellationToken);
        return result;
    }

    public static async Task<Ok<IReadOnlyList<Colleague>>> GetColleagues(Database database, UserRepository users, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        IReadOnlyList<Colleague> colleagues = (await users.ReadActiveAsync(session, cancellationToken))
            .Where(CaseAccess.WorksOnCases)
            .Select(u => new Colleague(u.Id, u.DisplayName, u.Role.ToString(), u.Languages)).ToList();
        return TypedResults.Ok(colleagues);
    }

    /// <summary>
    /// A supervisor takes over a case a caseworker holds: she went home, or is busy, and the person may be waiting for a reply
    /// nobody else could send. The claim becomes the supervisor's (a new lease: the caseworker's token stops working), the
    /// caseworker's consoles hear it (<see cref="CaseEventTypes.TakenOver"/>), and the audit trail records it, refused or done.
    /// </summary>
    public static async Task<Results<Ok<CaseSummary>, ProblemHttpResult>> TakeOver(
        Guid caseId, Caller caller, HttpContext context, Database database, CaseQueue queue, CaseReadModel read, IOptions<QueueOptions> queueOptions,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        var from = await queue.TakeOverAsync(caseId, caller.User.Id, queueOptions.Value.Lease, cancellationToken);
        Results<Ok<CaseSummary>, ProblemHttpResult> result;
        if (from is null)
        {
            result = TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                detail: "This case is not held by a colleague (any more): it was released, closed or taken meanwhile, or you hold it.");
        }
        else
        {
            await using var session = await database.OpenAsync(cancellationToken);
            result = TypedResults.Ok((await read.ReadSummaryAsync(session, caseId, cancellationToken))!);
        }

        await audit.RecordAsync(AuditEntry.By(context, AuditActions.CaseTakenOver, caseId, AuditOutcomes.Of(result)), cancellationToken);
        return result;
    }

    public static async Task<Ok<SupervisorOverview>> GetOverview(
        Caller caller, Database database, UserRepository users, CaseReadModel read, QueueStatisticsReader statistics, LanguageCover cover,
        TeamHours hours, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        var queue = await read.ReadQueueAsync(session, caller.User, cancellationToken);
        var workload = await statistics.ReadWorkloadAsync(session, cancellationToken);
        IReadOnlyList<Colleague> staff = (await users.ReadActiveAsync(session, cancellationToken))
            .Where(u => u.Role is not (UserRole.Ngo or UserRole.Reviewer))
            .Select(u => new Colleague(u.Id, u.DisplayName, u.Role.ToString(), u.Languages)).ToList();
        var spoken = await cover.LanguagesOnShiftAsync(session, null, cancellationToken);
        IReadOnlyList<Guid> unanswerable = queue.Cases
            .Where(c => c.Status == nameof(CaseStatus.Queued) && (c.Language == NewCase.UnknownLanguage ? spoken.Count == 0 : !spoken.Contains(c.Language)))
            .Select(c => c.Id).ToList();
        var now = time.GetUtcNow();
        IReadOnlyList<Guid> criticalOutsideHours = queue.Cases
            .Where(c => c.Status == nameof(CaseStatus.Queued) && c.Priority == nameof(PriorityBand.Critical) && !hours.IsOpen(c.Language, now))
            .Select(c => c.Id).ToList();
        return TypedResults.Ok(new SupervisorOverview(queue, await statistics.ReadAsync(session, queue.LastSequence, cancellationToken), workload,
            staff, unanswerable, criticalOutsideHours));
    }
}
