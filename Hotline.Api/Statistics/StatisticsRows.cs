using Hotline.Api.Partners;

namespace Hotline.Api.Statistics;

/// <summary>
/// A table's rows where they come and go over time, in their order, and the first month (yyyy-MM) each is counted in. A
/// row with no such month, or before it, is counted only in a month where it holds a count; elsewhere it is not part of
/// the month at all (<see cref="CountTable.Counted"/>).
/// </summary>
public sealed record DatedRows(IReadOnlyList<(string Code, string Label)> Rows, IReadOnlyDictionary<string, string> CountedFrom);

/// <summary>
/// The rows of the two tables whose values are not a fixed list of codes: languages and partners. Which rows a month has,
/// and their order, depend on that month alone, never on the range of months asked for nor on when the table is read:
/// a row that a month did not have would be a zero there, shown as "&lt;5" where the month's total is hidden, and such a
/// zero gives a "&lt;5" beside it room to move. A month's marks would then change with the range (January alone withheld,
/// January to February published, and the two together pin January's counts: <see cref="ConsistentSuppression"/>), or
/// after the month was published (last month's table saved, set beside today's). So each row is counted from a month that
/// never changes, the month it came to exist, before which it cannot hold a count; and suppression breaks ties between
/// equal counts by row order, so the order never changes either.
/// </summary>
public static class StatisticsRows
{
    private const string PartnerNoLongerListed = "Partner no longer listed";

    /// <summary>
    /// Every language registered for the statistics (<see cref="StatisticsLanguages"/>), each from the month the intake began to
    /// speak it, and "not yet known" in every month, last; by code. A value counted in these months that is not registered
    /// (none should be) is a row only where it holds a count.
    /// </summary>
    public static DatedRows Languages(IReadOnlyDictionary<string, string> registered, IEnumerable<string> counted)
    {
        var from = new Dictionary<string, string>(registered, StringComparer.Ordinal)
        {
            [NewCase.UnknownLanguage] = MonthRange.Key(MonthRange.Earliest),
        };
        var rows = from.Keys.Union(counted, StringComparer.Ordinal)
            .OrderBy(code => code == NewCase.UnknownLanguage).ThenBy(code => code, StringComparer.Ordinal)
            .Select(code => (code, StatisticsLabels.Language(code)))
            .ToList();
        return new DatedRows(rows, from);
    }

    /// <summary>
    /// Every partner in the directory, active or not, each from the month it was added (it cannot be referred to before),
    /// in the order they were added (then by id): a rename changes a row's label, never its place. Then any partner counted in
    /// these months that is no longer listed (none should be: a referral names a partner in the directory, which keeps every
    /// partner), only where it holds a count, by id.
    /// </summary>
    public static DatedRows Partners(IReadOnlyList<Partner> directory, IEnumerable<string> counted)
    {
        var listed = directory.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id.ToString("D"), StringComparer.Ordinal).ToList();
        var ids = listed.Select(p => p.Id.ToString("D")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rows = listed.Select(p => (p.Id.ToString("D"), p.Name))
            .Concat(counted.Where(id => !ids.Contains(id)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)
                .Select(id => (id, PartnerNoLongerListed)))
            .ToList();
        var from = listed.ToDictionary(p => p.Id.ToString("D"), p => StatisticsKeys.MonthOf(p.CreatedAt), StringComparer.OrdinalIgnoreCase);
        return new DatedRows(rows, from);
    }
}
