namespace Hotline.Api.Statistics;

/// <summary>
/// Which "&lt;5" a reader can work out exactly from a suppressed table, by any combination of its published sums.
/// <para>
/// A table with its margins is a flow: each published line (a row or a column with its total) is a node whose
/// cells flow in and whose total flows out, and every line that is not published is one free node. The true
/// table is one feasible flow: a shown count is fixed, a "&lt;5" lies in 1..4, an "x" is 5 or more. Another table
/// that fits what is published differs from the true one by a circulation, which splits into simple cycles each
/// of which fits on its own. So a "&lt;5" can take another value exactly when a cycle through it, one count at a
/// time, stays within every bound it crosses: a path back to its start in the residual graph. The line constraints
/// of a two-way table are totally unimodular, so this is the exact answer a linear-programming audit gives, with
/// no solver and no guessing.
/// </para>
/// </summary>
internal static class Audit
{
    private const long Unbounded = long.MaxValue;

    /// <summary>A line through an exposed "&lt;5" that still has a count to hide, or null when none is exposed.</summary>
    public static IReadOnlyList<(int R, int C)>? FindExposedLine(
        long[,] values, CellMark[,] marks, SmallCountSuppression.Grid grid, IReadOnlyList<IReadOnlyList<(int R, int C)>> lines)
    {
        foreach (var (r, c) in Exposed(values, marks, grid))
        {
            var through = lines.Where(l => l.Contains((r, c))).FirstOrDefault(l => HasShownCount(values, marks, l));
            if (through is not null)
            {
                return through;
            }

            // Its own lines have nothing left to hide: the deduction ran through the shown counts of other lines
            // (a total that fixes two hidden totals, which fix the "<5"). Hide in the line, of those holding a
            // hidden count, whose smallest shown count is smallest; the audit runs again after each.
            var feeding = lines
                .Where(l => l.Any(cell => marks[cell.R, cell.C] != CellMark.Shown) && HasShownCount(values, marks, l))
                .MinBy(l => l.Where(cell => marks[cell.R, cell.C] == CellMark.Shown && values[cell.R, cell.C] > 0).Min(cell => values[cell.R, cell.C]));
            if (feeding is not null)
            {
                return feeding;
            }
        }

        return null;
    }

    /// <summary>Every "&lt;5" whose value is the same in every table that fits what is published.</summary>
    public static IEnumerable<(int R, int C)> Exposed(long[,] values, CellMark[,] marks, SmallCountSuppression.Grid grid)
    {
        var flow = FlowOf(values, marks, grid);
        foreach (var edge in flow.Where(e => marks[e.Cell.R, e.Cell.C] == CellMark.Small))
        {
            var canRise = edge.Value < edge.High && Reaches(flow, edge, edge.To, edge.From);
            var canFall = edge.Value > edge.Low && Reaches(flow, edge, edge.From, edge.To);
            if (!canRise && !canFall)
            {
                yield return edge.Cell;
            }
        }
    }

    private static bool HasShownCount(long[,] values, CellMark[,] marks, IReadOnlyList<(int R, int C)> line) =>
        line.Any(cell => marks[cell.R, cell.C] == CellMark.Shown && values[cell.R, cell.C] > 0);

    /// <summary>
    /// The cells a reader does not see exactly, as edges: an inner cell flows from its column to its row, a row total
    /// from its row to the column of row totals, a column total from the row of column totals to its column, and the
    /// grand total from the column of row totals to the row of column totals. Shown counts cannot move and are left out.
    /// </summary>
    private static List<Edge> FlowOf(long[,] values, CellMark[,] marks, SmallCountSuppression.Grid grid)
    {
        int rows = grid.Rows, columns = grid.Columns;
        var lineNodes = new HashSet<int>(grid.Lines().Select(line => NodeOfLine(line, rows, columns)));
        int Node(int node) => lineNodes.Contains(node) ? node : Free;
        int RowNode(int r) => Node(r);
        int ColumnNode(int c) => Node(rows + 1 + c);

        var edges = new List<Edge>();
        foreach (var (r, c) in grid.Cells().Where(cell => marks[cell.R, cell.C] != CellMark.Shown))
        {
            var (from, to) = (r < rows, c < columns) switch
            {
                (true, true) => (ColumnNode(c), RowNode(r)),
                (true, false) => (RowNode(r), ColumnNode(columns)),
                (false, true) => (RowNode(rows), ColumnNode(c)),
                (false, false) => (ColumnNode(columns), RowNode(rows)),
            };
            var (low, high) = marks[r, c] == CellMark.Small
                ? (1L, SmallCountSuppression.Threshold - 1L)
                : (SmallCountSuppression.Threshold, Unbounded);
            edges.Add(new Edge((r, c), from, to, values[r, c], low, high));
        }

        return edges;
    }

    /// <summary>Rows are nodes 0..rows, columns rows+1..rows+1+columns; a line is named by the cell its total sits in.</summary>
    private static int NodeOfLine(IReadOnlyList<(int R, int C)> line, int rows, int columns)
    {
        var (r, c) = line[^1];
        return c == columns && line[0].R == r ? r : rows + 1 + c;
    }

    private const int Free = -1;

    /// <summary>Whether a path leads from one node to another through cells that can move by one, leaving out the cell being moved.</summary>
    private static bool Reaches(List<Edge> flow, Edge moved, int start, int goal)
    {
        if (start == goal)
        {
            return true;
        }

        var seen = new HashSet<int> { start };
        var frontier = new Queue<int>([start]);
        while (frontier.TryDequeue(out var node))
        {
            foreach (var edge in flow.Where(e => !ReferenceEquals(e, moved)))
            {
                var next = edge.From == node && edge.Value < edge.High ? edge.To
                    : edge.To == node && edge.Value > edge.Low ? edge.From
                    : (int?)null;
                if (next is { } reached && seen.Add(reached))
                {
                    if (reached == goal)
                    {
                        return true;
                    }

                    frontier.Enqueue(reached);
                }
            }
        }

        return false;
    }

    private sealed record Edge((int R, int C) Cell, int From, int To, long Value, long Low, long High);
}
