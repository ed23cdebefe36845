namespace Hotline.Api.Statistics;

/// <summary>
/// Which "&lt;5" a reader can work out exactly from all the tables of one month that share a hidden total, read together.
/// <para>
/// Each table says that its rows add up to the month's total T. As a flow, that is one loop: T, then each table's rows as
/// parallel edges, one table after another, back to T; every table carries the same flow, T. A table that fits what is
/// published differs from the true one by circulations, and in this loop there are only two kinds through a row: another
/// row of the same table moving the other way, or the whole loop moving together (T and one row of every other table,
/// the same way). So a "&lt;5" can take another value exactly when one of those stays within every bound, and the check is
/// exact, as <see cref="Audit"/> is for one table.
/// </para>
/// <para>
/// What a reader knows in a month whose total is hidden: a shown count exactly, a "&lt;5" as 0 to 4 (zeros show as
/// "&lt;5" in such a month; 1 to 4 in a row the month counts only for its count), an "x" as 5 or more, the total as 1 to
/// 4 ("&lt;5") or 5 or more ("x"); a withheld table nothing. A hidden total that is "&lt;5" is never pinned itself: every
/// table then has a small row to move with it.
/// </para>
/// </summary>
internal static class MonthWideAudit
{
    /// <summary>
    /// Hides or withholds, one figure at a time, until no "&lt;5" of the month's tables can be worked out: the smallest count
    /// still shown in the table of a pinned "&lt;5" (an "x" beside it can always rise while it falls), or, when that table
    /// shows no count left to hide, the table's month itself (each figure of it "–").
    /// </summary>
    /// <param name="totalLimit">What the month's other tables (the overlapping rows') say of the total: a table that fits must keep within it.</param>
    /// <returns>Whether a figure was hidden or withheld.</returns>
    public static bool Protect(IReadOnlyList<MonthColumn> tables, (long Low, long High) totalLimit)
    {
        var changed = false;
        while (FirstExposed(tables, totalLimit) is { } exposed)
        {
            changed = true;
            var smallestShown = exposed.Rows
                .Where(r => exposed.Mark(r) == CellMark.Shown && exposed.Value(r) > 0)
                .OrderBy(exposed.Value).ThenBy(r => r)
                .Select(r => (int?)r)
                .FirstOrDefault();
            if (smallestShown is { } row)
            {
                exposed.Marks[row, exposed.Column] = CellMark.Hidden;
                continue;
            }

            for (var r = 0; r <= exposed.TotalRow; r++)
            {
                exposed.Marks[r, exposed.Column] = CellMark.Withheld;
            }
        }

        return changed;
    }

    /// <summary>
    /// The totals a reader finds possible from these tables, which share it: within what its mark says, and within the sum of
    /// each table's rows, each row within what its mark says (every sum between is some table that fits). A shown total is
    /// itself; with every table withheld, anything.
    /// </summary>
    public static (long Low, long High) TotalBounds(IReadOnlyList<MonthColumn> tables)
    {
        var published = tables.Where(t => !t.Withheld).ToList();
        if (published.Count == 0)
        {
            return (0, Unbounded);
        }

        return published.Aggregate(Bounds(published[0], published[0].TotalRow), (bounds, table) => Intersect(bounds,
            (table.Rows.Sum(r => Bounds(table, r).Low), table.Rows.Select(r => Bounds(table, r).High).Aggregate(0L, AddUpTo))));
    }

    public static (long Low, long High) Intersect((long Low, long High) a, (long Low, long High) b) => (Math.Max(a.Low, b.Low), Math.Min(a.High, b.High));

    /// <summary>A sum that stays "no bound" once one of its terms has none.</summary>
    public static long AddUpTo(long a, long b) => a == Unbounded || b == Unbounded ? Unbounded : a + b;

    public const long Unbounded = long.MaxValue;

    /// <summary>The first table with a "&lt;5" from 1 to 4 that takes one value in every set of tables fitting the month, or null.</summary>
    private static MonthColumn? FirstExposed(IReadOnlyList<MonthColumn> tables, (long Low, long High) totalLimit)
    {
        var published = tables.Where(t => !t.Withheld).ToList();
        if (published.Count == 0)
        {
            return null;
        }

        var total = Intersect(Bounds(published[0], published[0].TotalRow), totalLimit);
        var totalValue = published[0].Value(published[0].TotalRow);
        foreach (var table in published)
        {
            var others = published.Where(t => !ReferenceEquals(t, table)).ToList();
            bool LoopMoves(int step) => (step > 0 ? totalValue < total.High : totalValue > total.Low)
                && others.All(other => other.Rows.Any(r => CanMove(other, r, step)));

            foreach (var r in table.Rows.Where(r => table.Mark(r) == CellMark.Small && table.Value(r) is >= 1 and < SmallCountSuppression.Threshold))
            {
                bool Moves(int step) => CanMove(table, r, step)
                    && (table.Rows.Any(other => other != r && CanMove(table, other, -step)) || LoopMoves(step));
                if (!Moves(+1) && !Moves(-1))
                {
                    return table;
                }
            }
        }

        return null;
    }

    private static bool CanMove(MonthColumn table, int r, int step)
    {
        if (table.Mark(r) == CellMark.Shown)
        {
            return false;
        }

        var (low, high) = Bounds(table, r);
        var value = table.Value(r);
        return step > 0 ? value < high : value > low;
    }

    /// <summary>
    /// What a reader knows of a figure in a month whose total is hidden (its zeros show as "&lt;5"; a row counted in the month
    /// only because it holds a count is no zero).
    /// </summary>
    private static (long Low, long High) Bounds(MonthColumn table, int r) => table.Mark(r) switch
    {
        CellMark.Small when r == table.TotalRow || table.KnownNotZero(r) => (1, SmallCountSuppression.Threshold - 1),
        CellMark.Small => (0, SmallCountSuppression.Threshold - 1),
        CellMark.Hidden => (SmallCountSuppression.Threshold, Unbounded),
        CellMark.Withheld => (0, Unbounded),
        _ => (table.Value(r), table.Value(r)),
    };
}
