namespace Hotline.Api.Statistics;

/// <summary>
/// What a reader can work out from a suppressed table, line by line: each hidden count's range, narrowed by
/// the sums of the lines it is in until nothing changes (interval propagation). A "&lt;5" whose range shrinks
/// to one value is exposed. This is not a full linear-programming audit across lines; it catches every
/// single-line and chained deduction, which is what a reader with a calculator does.
/// </summary>
internal static class Audit
{
    private const int MaxSweeps = 100;

    /// <summary>A line through an exposed "&lt;5" that still has a count to hide, or null when none is exposed.</summary>
    public static IReadOnlyList<(int R, int C)>? FindExposedLine(long[,] values, CellMark[,] marks, IReadOnlyList<IReadOnlyList<(int R, int C)>> lines)
    {
        var ranges = Ranges(values, marks, lines);
        foreach (var ((r, c), (low, high)) in ranges)
        {
            if (marks[r, c] == CellMark.Small && low == high)
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
        }

        return null;
    }

    private static bool HasShownCount(long[,] values, CellMark[,] marks, IReadOnlyList<(int R, int C)> line) =>
        line.Any(cell => marks[cell.R, cell.C] == CellMark.Shown && values[cell.R, cell.C] > 0);

    /// <summary>The range a reader can derive for every hidden count.</summary>
    public static Dictionary<(int R, int C), (double Low, double High)> Ranges(
        long[,] values, CellMark[,] marks, IReadOnlyList<IReadOnlyList<(int R, int C)>> lines)
    {
        var ranges = new Dictionary<(int R, int C), (double Low, double High)>();
        foreach (var line in lines)
        {
            foreach (var cell in line.Where(cell => marks[cell.R, cell.C] != CellMark.Shown))
            {
                ranges[cell] = marks[cell.R, cell.C] == CellMark.Small
                    ? (1, SmallCountSuppression.Threshold - 1)
                    : (SmallCountSuppression.Threshold, double.PositiveInfinity);
            }
        }

        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var narrowed = false;
            foreach (var line in lines)
            {
                narrowed |= Narrow(values, ranges, line);
            }

            if (!narrowed)
            {
                break;
            }
        }

        return ranges;
    }

    /// <summary>Cells count +1 and the total -1, so a line says: sum of signed values = 0.</summary>
    private static bool Narrow(long[,] values, Dictionary<(int R, int C), (double Low, double High)> ranges, IReadOnlyList<(int R, int C)> line)
    {
        var total = line[^1];
        double Sign((int R, int C) cell) => cell == total ? -1 : 1;
        var known = line.Where(cell => !ranges.ContainsKey(cell)).Sum(cell => Sign(cell) * values[cell.R, cell.C]);
        var unknown = line.Where(ranges.ContainsKey).ToList();
        var narrowed = false;
        foreach (var cell in unknown)
        {
            double low = 0, high = 0;
            foreach (var other in unknown.Where(o => o != cell))
            {
                var (l, h) = ranges[other];
                (low, high) = Sign(other) > 0 ? (low + l, high + h) : (low - h, high - l);
            }

            // sign(cell) * x = -known - others
            var (from, to) = Sign(cell) > 0 ? (-known - high, -known - low) : (known + low, known + high);
            var (current, currentHigh) = ranges[cell];
            var next = (Math.Max(current, from), Math.Min(currentHigh, to));
            if (next != (current, currentHigh) && next.Item1 <= next.Item2)
            {
                ranges[cell] = next;
                narrowed = true;
            }
        }

        return narrowed;
    }
}
