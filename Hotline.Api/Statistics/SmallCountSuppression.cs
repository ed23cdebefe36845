namespace Hotline.Api.Statistics;

/// <summary>How a count is published.</summary>
public enum CellMark
{
    /// <summary>The count itself (0, or 5 and more).</summary>
    Shown,

    /// <summary>A count from 1 to 4: shown as "&lt;5" (primary suppression); from 0 to 4 in a month whose total is not shown (<see cref="ConsistentSuppression"/>).</summary>
    Small,

    /// <summary>
    /// Shown as "x": a count hidden so that a small count cannot be worked out from the totals (complementary
    /// suppression), or a total over months of which one is not shown.
    /// </summary>
    Hidden,

    /// <summary>
    /// Shown as "–": a table's whole month not published, because its small counts could be worked out from the month's
    /// other tables and it had no count left to hide (<see cref="MonthWideAudit"/>). A reader learns nothing of it.
    /// </summary>
    Withheld,
}

/// <summary>
/// Small-count suppression of a two-way table with its margins. The grid is (rows + 1) x (columns + 1):
/// the last row holds column totals, the last column row totals, and the corner the grand total; margins a
/// table does not publish are left out. Each row (with its total) and each column (with its total) is a
/// "line": its cells add up to its total.
/// <list type="number">
/// <item>Primary: every count from 1 to 4, totals included, is <see cref="CellMark.Small"/>. Zeros are shown.</item>
/// <item>Complementary: while a line holds exactly one hidden count, the smallest non-zero count still shown in
/// that line is hidden too (a cell inside the table before the line's total).</item>
/// <item>Audit: whether a reader who knows that "&lt;5" is 1 to 4 and "x" at least 5 can work out a "&lt;5" exactly
/// from any combination of the published sums (<see cref="Audit"/>, exact). While some "&lt;5" is pinned to one
/// value, the smallest shown count in one of its lines is hidden too (or, when its lines have none left, in a
/// line that fed the deduction), and the whole check runs again.</item>
/// </list>
/// Counts listed in <c>forced</c> start hidden: that is how a figure shown in several tables (a month's total
/// of cases) is hidden in all of them or in none. The statistics suppress one month at a time, as a single column
/// with its total (<see cref="ConsistentSuppression"/>), so that a month's marks never depend on the range asked for.
/// </summary>
public static class SmallCountSuppression
{
    public const int Threshold = 5;

    public static CellMark[,] Apply(long[,] values, bool rowTotals, bool columnTotals, Func<int, int, bool>? forced = null)
    {
        var grid = new Grid(values, rowTotals, columnTotals);
        var marks = new CellMark[grid.Rows + 1, grid.Columns + 1];
        foreach (var (r, c) in grid.Cells())
        {
            var value = values[r, c];
            marks[r, c] = value is > 0 and < Threshold ? CellMark.Small
                : value > 0 && forced?.Invoke(r, c) == true ? CellMark.Hidden
                : CellMark.Shown;
        }

        var lines = grid.Lines();
        while (true)
        {
            var lone = lines.FirstOrDefault(line => line.Count(cell => marks[cell.R, cell.C] != CellMark.Shown) == 1);
            var line = lone ?? Audit.FindExposedLine(values, marks, grid, lines);
            if (line is null)
            {
                return marks;
            }

            if (NextSmallest(values, marks, line) is not { } next)
            {
                // Proven unreachable for a lone cell (its line always has a non-zero count left); an audit finding
                // with nothing left to hide cannot be helped by this line.
                if (lone is not null)
                {
                    throw new InvalidOperationException("A suppressed count stands alone in a line with nothing left to hide.");
                }

                return marks;
            }

            marks[next.R, next.C] = CellMark.Hidden;
        }
    }

    public static string Display(long value, CellMark mark) => mark switch
    {
        CellMark.Small => "<5",
        CellMark.Hidden => "x",
        CellMark.Withheld => "–",
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The smallest non-zero count still shown in the line, preferring the cells inside the table to the line's total.</summary>
    private static (int R, int C)? NextSmallest(long[,] values, CellMark[,] marks, IReadOnlyList<(int R, int C)> line)
    {
        var total = line[^1];
        return line
            .Where(cell => marks[cell.R, cell.C] == CellMark.Shown && values[cell.R, cell.C] > 0)
            .OrderBy(cell => cell == total ? 1 : 0)
            .ThenBy(cell => values[cell.R, cell.C])
            .ThenBy(cell => cell.R)
            .ThenBy(cell => cell.C)
            .Select(cell => ((int R, int C)?)cell)
            .FirstOrDefault();
    }

    internal sealed class Grid(long[,] values, bool rowTotals, bool columnTotals)
    {
        public int Rows { get; } = values.GetLength(0) - 1;

        public int Columns { get; } = values.GetLength(1) - 1;

        public bool Exists(int r, int c) => (r < Rows || columnTotals) && (c < Columns || rowTotals);

        public IEnumerable<(int R, int C)> Cells()
        {
            for (var r = 0; r <= Rows; r++)
            {
                for (var c = 0; c <= Columns; c++)
                {
                    if (Exists(r, c))
                    {
                        yield return (r, c);
                    }
                }
            }
        }

        /// <summary>Every published row and column with its total last: the sums a reader can use.</summary>
        public IReadOnlyList<IReadOnlyList<(int R, int C)>> Lines()
        {
            var lines = new List<IReadOnlyList<(int R, int C)>>();
            if (rowTotals)
            {
                for (var r = 0; r <= (columnTotals ? Rows : Rows - 1); r++)
                {
                    lines.Add(Enumerable.Range(0, Columns + 1).Select(c => (r, c)).ToList());
                }
            }

            if (columnTotals)
            {
                for (var c = 0; c <= (rowTotals ? Columns : Columns - 1); c++)
                {
                    lines.Add(Enumerable.Range(0, Rows + 1).Select(r => (r, c)).ToList());
                }
            }

            return lines;
        }
    }
}
