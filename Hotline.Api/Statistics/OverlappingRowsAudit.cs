namespace Hotline.Api.Statistics;

/// <summary>
/// A month of a table whose rows overlap (a case can show several indicators), set against the month's total of cases T. The
/// table has no total, but its row of cases in no other row (<see cref="CountTable.NoneRow"/>) and the union U of the
/// others make up the month's cases: T = none + U, where U lies between the largest of the other rows and their sum, and
/// every value between is some overlap. Each figure varies on its own within what its mark says, so:
/// <list type="bullet">
/// <item>the table bounds T (<see cref="TotalBounds"/>): the month-wide audit of the tables with totals keeps within it;</item>
/// <item>a "&lt;5" is pinned when no other value from 1 to 4 leaves a union that fits both the other rows and T's bounds
/// from the tables with totals: 10 cases, 9 in no other row, leave a union of 1, so two "&lt;5" indicators are 1 each.</item>
/// </list>
/// A pinned "&lt;5" hides the "none" row, then the smallest count still shown, or, with none left, withholds the table's month.
/// The zeros of this table show as 0 in every month, so its "&lt;5" is 1 to 4.
/// </summary>
internal static class OverlappingRowsAudit
{
    /// <summary>The totals a reader finds possible from this table alone.</summary>
    public static (long Low, long High) TotalBounds(MonthColumn table)
    {
        if (table.Withheld || table.Table.NoneRow is not { } none)
        {
            return (0, MonthWideAudit.Unbounded);
        }

        var others = table.Rows.Where(r => r != none).ToList();
        var (noneLow, noneHigh) = Bounds(table, none);
        return (noneLow + others.Select(r => Bounds(table, r).Low).DefaultIfEmpty(0).Max(),
            MonthWideAudit.AddUpTo(noneHigh, others.Select(r => Bounds(table, r).High).Aggregate(0L, MonthWideAudit.AddUpTo)));
    }

    /// <param name="total">What the month's tables with totals say of T.</param>
    /// <returns>Whether a figure was hidden or withheld.</returns>
    public static bool Protect(MonthColumn table, (long Low, long High) total)
    {
        var changed = false;
        while (!table.Withheld && table.Table.NoneRow is { } none && Pinned(table, none, total))
        {
            changed = true;
            var next = table.Mark(none) == CellMark.Shown && table.Value(none) > 0 ? none : table.Rows
                .Where(r => table.Mark(r) == CellMark.Shown && table.Value(r) > 0)
                .OrderBy(table.Value).ThenBy(r => r)
                .Select(r => (int?)r)
                .FirstOrDefault();
            if (next is { } row)
            {
                table.Marks[row, table.Column] = CellMark.Hidden;
                continue;
            }

            // The table publishes no total, but its place in the grid is marked too: that is how a withheld month is known.
            for (var r = 0; r <= table.TotalRow; r++)
            {
                table.Marks[r, table.Column] = CellMark.Withheld;
            }
        }

        return changed;
    }

    /// <summary>Whether some "&lt;5" of the table takes one value in every month that fits.</summary>
    private static bool Pinned(MonthColumn table, int none, (long Low, long High) total) =>
        NonePinned(table, none, total) || IndicatorPinned(table, none, total);

    /// <summary>"None" as a "&lt;5": no other value from 1 to 4 leaves a rest of the total that the other rows' union can be.</summary>
    private static bool NonePinned(MonthColumn table, int none, (long Low, long High) total)
    {
        if (table.Mark(none) != CellMark.Small)
        {
            return false;
        }

        var others = table.Rows.Where(r => r != none).ToList();
        var unionLow = others.Select(r => Bounds(table, r).Low).DefaultIfEmpty(0).Max();
        var unionHigh = others.Select(r => Bounds(table, r).High).Aggregate(0L, MonthWideAudit.AddUpTo);
        return !Enumerable.Range(1, SmallCountSuppression.Threshold - 1)
            .Where(value => value != table.Value(none))
            .Any(value => Math.Max(unionLow, total.Low - value) <= Math.Min(unionHigh, MonthWideAudit.AddUpTo(total.High, -value)));
    }

    private static bool IndicatorPinned(MonthColumn table, int none, (long Low, long High) total)
    {
        // The union of the other rows is T less "none".
        var (noneLow, noneHigh) = Bounds(table, none);
        var union = (Low: noneHigh == MonthWideAudit.Unbounded ? 0 : Math.Max(0, total.Low - noneHigh),
            High: total.High == MonthWideAudit.Unbounded ? MonthWideAudit.Unbounded : total.High - noneLow);

        foreach (var r in table.Rows.Where(r => r != none && table.Mark(r) == CellMark.Small))
        {
            var others = table.Rows.Where(o => o != none && o != r).ToList();
            var othersLargest = others.Select(o => Bounds(table, o).Low).DefaultIfEmpty(0).Max();
            var othersSum = others.Select(o => Bounds(table, o).High).Aggregate(0L, MonthWideAudit.AddUpTo);
            var fits = Enumerable.Range(1, SmallCountSuppression.Threshold - 1)
                .Where(value => value != table.Value(r))
                .Any(value => Math.Max(Math.Max(value, othersLargest), union.Low) <= Math.Min(MonthWideAudit.AddUpTo(value, othersSum), union.High));
            if (!fits)
            {
                return true;
            }
        }

        return false;
    }

    private static (long Low, long High) Bounds(MonthColumn table, int r) => table.Mark(r) switch
    {
        CellMark.Small => (1, SmallCountSuppression.Threshold - 1),
        CellMark.Hidden => (SmallCountSuppression.Threshold, MonthWideAudit.Unbounded),
        CellMark.Withheld => (0, MonthWideAudit.Unbounded),
        _ => (table.Value(r), table.Value(r)),
    };
}
