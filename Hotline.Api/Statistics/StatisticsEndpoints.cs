namespace Hotline.Api.Statistics;

/// <summary>
/// The statistics page's data, its CSV export and its charts. Every role but the translation reviewer may read them
/// (<see cref="Policies.Statistics"/>), partners included: only suppressed aggregates leave here, never a case.
/// </summary>
public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/statistics").WithTags("Statistics").RequireAuthorization(Policies.Statistics);
        api.MapGet("", Get).WithName("GetStatistics").WithSummary("Cases and referrals by month and by each breakdown, small counts suppressed.");
        api.MapGet("/csv", Csv).WithName("GetStatisticsCsv").WithSummary("The same tables as CSV, cell for cell, with spreadsheet formulas escaped.");
        api.MapGet("/charts/{tableId}.svg", Chart).WithName("GetStatisticsChart").WithSummary("One table drawn as an SVG bar chart from its published cells.");
        return app;
    }

    public static async Task<Results<Ok<StatisticsView>, ProblemHttpResult>> Get(
        string? from, string? to, StatisticsReport report, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (view, refusal) = await BuildAsync(from, to, report, time, cancellationToken);
        return view is not null ? TypedResults.Ok(view) : refusal!;
    }

    /// <summary>All tables, each under its title, or one table (<c>?table=id</c>) exactly as the page shows it.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound<string>, ProblemHttpResult>> Csv(
        string? from, string? to, string? table, HttpContext context, StatisticsReport report,
        AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var (view, refusal) = await BuildAsync(from, to, report, time, cancellationToken);
        if (view is null)
        {
            return refusal!;
        }

        var tables = table is null ? view.Tables : view.Tables.Where(t => t.Id == table).ToList();
        if (tables.Count == 0)
        {
            return TypedResults.NotFound($"No table '{table}'.");
        }

        var name = $"hotline-statistics-{table ?? "all"}-{view.From}-to-{view.To}.csv";
        await audit.RecordAsync(AuditEntry.By(context, AuditActions.StatisticsExported, table ?? "all"), cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(StatisticsCsv.Write(tables, withTitles: table is null)), "text/csv; charset=utf-8", name);
    }

    /// <summary>A table's row totals as bars (<c>by=rows</c>, the default) or its column totals by month (<c>by=months</c>).</summary>
    public static async Task<Results<ContentHttpResult, NotFound<string>, ProblemHttpResult>> Chart(
        string tableId, string? by, string? from, string? to, StatisticsReport report,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (view, refusal) = await BuildAsync(from, to, report, time, cancellationToken);
        if (view is null)
        {
            return refusal!;
        }

        if (view.Tables.FirstOrDefault(t => t.Id == tableId) is not { } table)
        {
            return TypedResults.NotFound($"No table '{tableId}'.");
        }

        if (by is "months")
        {
            if (table.Totals is null)
            {
                return TypedResults.NotFound($"'{tableId}' has no totals by month.");
            }

            var months = table.Columns.Take(table.Columns.Count - 1).Zip(table.Totals.Cells).ToList();
            return TypedResults.Content(SvgBarChart.Render($"{table.Title}: total by month", months), "image/svg+xml");
        }

        var rows = table.Rows.Select(r => (r.Label, r.Cells[^1])).ToList();
        return TypedResults.Content(SvgBarChart.Render($"{table.Title}, {view.From} to {view.To}", rows), "image/svg+xml");
    }

    private static async Task<(StatisticsView? View, ProblemHttpResult? Refusal)> BuildAsync(
        string? from, string? to, StatisticsReport report, TimeProvider time, CancellationToken cancellationToken)
    {
        var (range, error) = MonthRange.Parse(from, to, time.GetUtcNow());
        return range is null
            ? (null, TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest))
            : (await report.BuildAsync(range, cancellationToken), null);
    }
}
