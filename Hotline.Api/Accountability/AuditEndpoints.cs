namespace Hotline.Api.Accountability;

/// <summary>
/// The admin's audit page (search, page through, CSV export) and a supervisor's view of who opened a case.
/// Caseworkers and NGO accounts get 403 from the policies. Searching and exporting are themselves audited.
/// </summary>
public static class AuditEndpoints
{
    public const int MaxPage = 500;
    public const int MaxExportRows = 50_000;

    private static readonly string[] CaseReads = [AuditActions.CaseOpened, AuditActions.CaseFetched, AuditActions.ClosedCaseRead, AuditActions.CaseReferralsRead,
        AuditActions.EarlierCasesRead];

    public sealed record AuditEntryView(long Sequence, DateTimeOffset OccurredAt, string Actor, string ActorName, string Action, string? Subject,
        string? ClientAddress, string Outcome);

    /// <param name="Older">The value of <c>beforeSequence</c> that asks for the next, older page; null on the last page.</param>
    public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, long? Older);

    public sealed record CaseAccessView(DateTimeOffset OccurredAt, string ActorName, string Action, string Outcome);

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/audit").WithTags("Audit").RequireAuthorization(Policies.Administration)
            .AddEndpointFilter<AntiforgeryFilter>();
        admin.MapGet("", Search).WithName("SearchAuditTrail").WithSummary("Audit rows, newest first, filtered by actor, action, subject and time, for admins.");
        admin.MapGet("/csv", Export).WithName("ExportAuditTrail").WithSummary("The audit rows the same filters find, as CSV; the export is itself audited.");
        app.MapGet("/api/cases/{caseId:guid}/access-history", CaseAccessHistory).WithName("GetCaseAccessHistory")
            .WithSummary("Who read a case's content, newest first, for supervisors.").WithTags("Audit")
            .RequireAuthorization(Policies.Supervision).AddEndpointFilter<AntiforgeryFilter>();
        return app;
    }

    /// <summary>Audit rows, newest first, filtered by actor (a user name or id, or system/operator/anonymous), action, subject and time.</summary>
    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> Search(
        string? actor, string? action, string? subject, DateTimeOffset? since, DateTimeOffset? before, long? beforeSequence, int? take,
        HttpContext context, Database database, UserRepository users, AuditTrail audit, CancellationToken cancellationToken)
    {
        var page = take ?? 100;
        if (page is < 1 or > MaxPage || beforeSequence < 1)
        {
            return TypedResults.Problem(detail: $"take must be between 1 and {MaxPage}, and beforeSequence 1 or more.", statusCode: StatusCodes.Status400BadRequest);
        }

        AuditPage result;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            var filter = await FilterAsync(session, users, actor, action, subject, since, before, cancellationToken);
            var rows = await ReadAsync(audit, session, filter, beforeSequence ?? long.MaxValue, page, cancellationToken);
            var views = await ViewsAsync(session, users, rows, cancellationToken);
            result = new AuditPage(views, rows.Count == page ? rows[^1].Sequence : null);
        }

        await audit.RecordAsync(AuditEntry.By(context, AuditActions.AuditSearched, null), cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>The rows the same filters find, newest first, as CSV (at most <see cref="MaxExportRows"/>).</summary>
    public static async Task<FileContentHttpResult> Export(
        string? actor, string? action, string? subject, DateTimeOffset? since, DateTimeOffset? before,
        HttpContext context, Database database, UserRepository users, AuditTrail audit, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder("sequence,occurred_at,actor,actor_name,action,subject,client_address,outcome\r\n");
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            var filter = await FilterAsync(session, users, actor, action, subject, since, before, cancellationToken);
            var rows = await ReadAsync(audit, session, filter, long.MaxValue, MaxExportRows, cancellationToken);
            foreach (var row in await ViewsAsync(session, users, rows, cancellationToken))
            {
                csv.AppendJoin(',', row.Sequence.ToString(CultureInfo.InvariantCulture), row.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    Cell(row.Actor), Cell(row.ActorName), Cell(row.Action), Cell(row.Subject), Cell(row.ClientAddress), Cell(row.Outcome)).Append("\r\n");
            }
        }

        await audit.RecordAsync(AuditEntry.By(context, AuditActions.AuditExported, null), cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "hotline-audit.csv");
    }

    /// <summary>Who read a case's content, newest first: what a supervisor sees in the case view.</summary>
    public static async Task<Ok<IReadOnlyList<CaseAccessView>>> CaseAccessHistory(
        Guid caseId, Database database, UserRepository users, AuditTrail audit, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        var filter = new AuditFilter(null, null, [caseId.ToString()], null, null);
        var rows = (await ReadAsync(audit, session, filter, long.MaxValue, MaxPage, cancellationToken)).Where(r => CaseReads.Contains(r.Action)).ToList();
        IReadOnlyList<CaseAccessView> views = (await ViewsAsync(session, users, rows, cancellationToken))
            .Select(v => new CaseAccessView(v.OccurredAt, v.ActorName, v.Action, v.Outcome)).ToList();
        return TypedResults.Ok(views);
    }

    /// <param name="Subjects">The subjects sought, as the trail writes them (null: any); a case's reference may name more than one.</param>
    private sealed record AuditFilter(string? Actor, string? Action, IReadOnlyList<string>? Subjects, DateTimeOffset? Since, DateTimeOffset? Before);

    private static async Task<AuditFilter> FilterAsync(DbSession session, UserRepository users, string? actor, string? action, string? subject,
        DateTimeOffset? since, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        var actorId = Blank(actor) is { } named && await users.FindByUserNameAsync(session, named, cancellationToken) is { } user
            ? user.Id.ToString()
            : Blank(actor);
        return new AuditFilter(actorId, Blank(action), await SubjectsAsync(session, Blank(subject), cancellationToken), since, before);
    }

    /// <summary>
    /// The subjects a search names, as the trail writes them: a whole id in its lower-case form however it was typed; a case's
    /// reference as the console shows it ("Case 20777861", the end of its id) as the ids of the cases it names (usually one);
    /// anything else as typed.
    /// </summary>
    private static async Task<IReadOnlyList<string>?> SubjectsAsync(DbSession session, string? subject, CancellationToken cancellationToken)
    {
        if (subject is null)
        {
            return null;
        }

        if (Guid.TryParse(subject, out var id))
        {
            return [id.ToString()];
        }

        return CaseReferences.Parse(subject) is { } reference && await CaseReferences.FindAsync(session, reference, cancellationToken) is { Count: > 0 } cases
            ? [.. cases.Select(c => c.ToString())]
            : [subject];
    }

    /// <summary>The newest <paramref name="take"/> rows of every subject sought together: each subject is read through its index.</summary>
    private static async Task<IReadOnlyList<AuditListing>> ReadAsync(AuditTrail audit, DbSession session, AuditFilter filter, long beforeSequence, int take,
        CancellationToken cancellationToken)
    {
        if (filter.Subjects is null)
        {
            return await audit.SearchAsync(session, filter.Actor, filter.Action, null, filter.Since, filter.Before, beforeSequence, take, cancellationToken);
        }

        var rows = new List<AuditListing>();
        foreach (var subject in filter.Subjects)
        {
            rows.AddRange(await audit.SearchAsync(session, filter.Actor, filter.Action, subject, filter.Since, filter.Before, beforeSequence, take, cancellationToken));
        }

        return [.. rows.OrderByDescending(r => r.Sequence).Take(take)];
    }

    private static async Task<IReadOnlyList<AuditEntryView>> ViewsAsync(DbSession session, UserRepository users, IReadOnlyList<AuditListing> rows,
        CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var actor in rows.Select(r => r.Actor).Distinct())
        {
            names[actor] = Guid.TryParse(actor, out var id) && await users.FindByIdAsync(session, id, cancellationToken) is { } user ? user.DisplayName : actor;
        }

        return rows.Select(r => new AuditEntryView(r.Sequence, r.OccurredAt, r.Actor, names[r.Actor], r.Action, r.Subject, r.ClientAddress, r.Outcome))
            .ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // A cell that a spreadsheet would run as a formula is quoted with a leading apostrophe; quotes are doubled.
    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}

/// <summary>An audit row as the search reads it (without its MAC).</summary>
public sealed record AuditListing(long Sequence, DateTimeOffset OccurredAt, string Actor, string Action, string? Subject, string? ClientAddress,
    string Outcome);
