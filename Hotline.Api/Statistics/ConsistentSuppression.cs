namespace Hotline.Api.Statistics;

/// <summary>
/// Suppresses the tables of a report so that nothing they publish for a month depends on the range of months asked
/// for. Any signed-in reader may ask for any range, and marks that moved with the range could be set against each
/// other: a January-February total less a February shown on its own would give January.
/// <list type="number">
/// <item>Each month is suppressed on its own, as a one-way table in each published table: the month's rows and, where
/// the table has them, the month's total. Only that month's counts decide its marks.</item>
/// <item>Within a month, a figure shown in more than one table (the month's total of cases) is hidden in all of them or
/// in none: a total hidden in one table but read in another would undo the first table's protection. The month's
/// tables are suppressed again, with every figure any of them hid starting hidden, until nothing more is hidden.</item>
/// <item>In a month whose total is not shown, a table with totals shows its zeros as "&lt;5": shown zeros let the tables,
/// set against each other, pin the hidden total and the counts beside it. The tables sharing that total are then read
/// together (<see cref="MonthWideAudit"/>): while one of their "&lt;5" can be worked out, one more count of its table is
/// hidden, or the table's month withheld ("–") when it shows no count left to hide.</item>
/// <item>A total over the range's months (a row's, or the grand total) is shown only when every month figure it adds
/// up is shown, so it says nothing the months do not; otherwise it is hidden whatever its size, since even "&lt;5"
/// would say more than the months. A total of shown zeros is 0; a total of one unshown month
/// and zeros is that month's figure, and is marked as the month is.</item>
/// </list>
/// So a reader who combines any number of ranges learns the months' published figures and sums of shown ones, no more.
/// </summary>
public static class ConsistentSuppression
{
    public static IReadOnlyList<CellMark[,]> Apply(IReadOnlyList<CountTable> tables)
    {
        var marks = tables.Select(t => new CellMark[t.Rows.Count + 1, t.Months.Count + 1]).ToList();
        foreach (var month in tables.SelectMany(t => t.Months).Distinct(StringComparer.Ordinal))
        {
            var columns = tables
                .Select((table, i) => new MonthColumn(table, table.Months.ToList().IndexOf(month), marks[i]))
                .Where(column => column.Column >= 0)
                .ToList();
            SuppressMonth(columns);
        }

        for (var i = 0; i < tables.Count; i++)
        {
            MarkRangeTotals(tables[i], marks[i]);
        }

        return marks;
    }

    private static void SuppressMonth(IReadOnlyList<MonthColumn> columns)
    {
        var forced = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var hidden = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (table, column, marks) in columns)
            {
                var monthMarks = SmallCountSuppression.Apply(
                    OneMonth(table, column), rowTotals: false, table.ColumnTotals, (r, _) => forced.Contains(table.KeyOf(r, column)));
                for (var r = 0; r <= table.Rows.Count; r++)
                {
                    marks[r, column] = monthMarks[r, 0];
                    if (monthMarks[r, 0] != CellMark.Shown)
                    {
                        hidden.Add(table.KeyOf(r, column));
                    }
                }
            }

            if (hidden.IsSubsetOf(forced))
            {
                var hiddenTotals = columns.Where(c => c.Table.ColumnTotals && c.Mark(c.TotalRow) != CellMark.Shown).ToList();
                foreach (var (table, column, marks) in hiddenTotals)
                {
                    HideZeros(table, column, marks);
                }

                foreach (var population in columns.GroupBy(c => c.Table.Population, StringComparer.Ordinal))
                {
                    AuditTogether(population.ToList());
                }

                return;
            }

            forced.UnionWith(hidden);
        }
    }

    /// <summary>
    /// The month's tables of one population, which share its total: those with totals, audited together when the total is
    /// hidden (<see cref="MonthWideAudit"/>), and those whose rows overlap, against the total (<see cref="OverlappingRowsAudit"/>).
    /// Each bounds the total for the other, and each only hides more, so they take turns until neither hides anything.
    /// </summary>
    private static void AuditTogether(IReadOnlyList<MonthColumn> population)
    {
        var withTotals = population.Where(c => c.Table.ColumnTotals).ToList();
        var overlapping = population.Where(c => c.Table.NoneRow is not null).ToList();
        var totalHidden = withTotals.Any(c => c.Mark(c.TotalRow) != CellMark.Shown);
        bool changed;
        do
        {
            var fromOverlapping = overlapping.Select(OverlappingRowsAudit.TotalBounds)
                .Aggregate((0L, MonthWideAudit.Unbounded), MonthWideAudit.Intersect);
            changed = totalHidden && MonthWideAudit.Protect(withTotals, fromOverlapping);
            var fromTotals = MonthWideAudit.TotalBounds(withTotals);
            foreach (var table in overlapping)
            {
                changed |= OverlappingRowsAudit.Protect(table, fromTotals);
            }
        }
        while (changed);
    }

    /// <summary>
    /// A month whose total is not shown ("&lt;5", or "x" because a table's small counts could be worked out from it) shows its
    /// zeros as "&lt;5" too. With zeros shown, the tables set against each other bound the hidden total from both sides and
    /// pin it: four "&lt;5" beside zeros under a total of at most 4 are 1 each; "&lt;5 &lt;5" is at most 8 cases, and "&lt;5 &lt;5 &lt;5 x"
    /// at least 8, so 1, 1, 1 and 5. A "&lt;5" in such a month is 0 to 4. A row the month does not count (a partner added
    /// later) is no zero of the month: it stays blank, so the month's marks are the same before and after it was added.
    /// </summary>
    private static void HideZeros(CountTable table, int column, CellMark[,] marks)
    {
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (table.Values[r, column] == 0 && table.Counted(r, column))
            {
                marks[r, column] = CellMark.Small;
            }
        }
    }

    /// <summary>The month's rows above its total, as a one-column table whose margin column (the rows' totals) is not published.</summary>
    private static long[,] OneMonth(CountTable table, int column)
    {
        var values = new long[table.Rows.Count + 1, 2];
        for (var r = 0; r <= table.Rows.Count; r++)
        {
            values[r, 0] = table.Values[r, column];
        }

        return values;
    }

    /// <remarks>
    /// A total whose months are all zero but one is that month's figure, and reads as it does ("&lt;5" a month's "&lt;5"): the
    /// range of one month, above all, repeats the month rather than hiding it again.
    /// </remarks>
    private static void MarkRangeTotals(CountTable table, CellMark[,] marks)
    {
        var months = table.Months.Count;
        for (var r = 0; r <= table.Rows.Count; r++)
        {
            var unshown = Enumerable.Range(0, months).Where(c => marks[r, c] != CellMark.Shown).ToList();
            var othersZero = Enumerable.Range(0, months).Where(c => !unshown.Contains(c)).All(c => table.Values[r, c] == 0);
            marks[r, months] = unshown.Count == 0 ? CellMark.Shown
                : unshown.Count == 1 && othersZero ? marks[r, unshown[0]]
                : CellMark.Hidden;
        }
    }
}
