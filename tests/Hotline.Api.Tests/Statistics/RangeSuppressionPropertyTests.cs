namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// Suppression across ranges of months, against an attacker who shares none of its code. Any signed-in reader may ask
/// for any range, so on small random tables every contiguous range of months is published, and the attacker tries
/// every set of counts that fits all of those tables at once, looking for a figure from 1 to 4 that only one of them
/// gives. CsCheck prints the seed that replays a leaking table (<c>CsCheck_Seed</c>).
/// </summary>
public sealed class RangeSuppressionPropertyTests
{
    private static readonly string[] Months = ["2026-01", "2026-02", "2026-03"];

    /// <summary>What a reader knows of a month's "x": it is a count that would have been shown, so 5 or more.</summary>
    private const int SmallestHidden = 5;

    /// <summary>2 or 3 rows over 2 or 3 months, counts from 0 to 12 and mostly small, as a rare language's statistics are.</summary>
    private static readonly Gen<long[,]> Counts =
        Gen.Select(Gen.Int[2, 3], Gen.Int[2, 3]).SelectMany((rows, months) =>
            Gen.Frequency((3, Gen.Int[0, 4]), (2, Gen.Int[5, 12])).Array[rows * months]
                .Select(cells => Grid(rows, months, cells)));

    [Fact]
    public void No_combination_of_the_ranges_a_reader_can_ask_for_pins_a_count_from_1_to_4()
    {
        Gen.Select(Counts, Gen.Bool).Sample((counts, columnTotals) =>
        {
            foreach (var leak in Pinned(counts, EveryRange(counts, columnTotals)))
            {
                Assert.Fail(leak);
            }
        }, print: t => Show(t.Item1, t.Item2));
    }

    /// <summary>
    /// The review's probe: the January-February table showed SMS as "&lt;5, x, 13" and the February table SMS as 10, so
    /// January's SMS was 13 - 10 = 3.
    /// </summary>
    [Fact]
    public void A_small_january_is_not_the_january_to_february_total_less_february()
    {
        long[,] counts = { { 3, 10 }, { 20, 25 }, { 30, 35 } };

        Assert.Empty(Pinned(counts, EveryRange(counts, columnTotals: true)));
    }

    /// <summary>One published range: its first and last month, and each line's display strings, the row of totals last where published.</summary>
    private sealed record Published(int From, int To, IReadOnlyList<IReadOnlyList<string>> Lines)
    {
        public int MonthCount => To - From + 1;
    }

    private static List<Published> EveryRange(long[,] counts, bool columnTotals)
    {
        int rows = counts.GetLength(0), months = counts.GetLength(1);
        var byKey = new Dictionary<(string, string, string), long>();
        for (var r = 0; r < rows; r++)
        {
            for (var m = 0; m < months; m++)
            {
                byKey[(Months[m], "row", $"r{r}")] = counts[r, m];
            }
        }

        var rowCodes = Enumerable.Range(0, rows).Select(r => ($"r{r}", $"Row {r}")).ToList();
        var published = new List<Published>();
        for (var from = 0; from < months; from++)
        {
            for (var to = from; to < months; to++)
            {
                var table = CountTable.Build("t", "T", "Row", "cases", "row", rowCodes, Months[from..(to + 1)], byKey, columnTotals);
                var view = StatisticsViews.ToView(table, ConsistentSuppression.Apply([table])[0]);
                published.Add(new Published(from, to, view.Rows.Concat(view.Totals is null ? [] : [view.Totals]).Select(l => l.Cells).ToList()));
            }
        }

        return published;
    }

    /// <summary>
    /// The attacker: every assignment of the counts that fits every published range (a number exactly, "&lt;5" as 1 to
    /// 4, "x" as 5 or more in a month and as anything but 0 in the Total column), and every published figure whose true
    /// value is 1 to 4 and which takes that one value in all of them. Hidden counts are tried up to the largest count
    /// and ten more: another fit differs from the true counts by moves of a few.
    /// </summary>
    private static IEnumerable<string> Pinned(long[,] counts, List<Published> ranges)
    {
        int rows = counts.GetLength(0), months = counts.GetLength(1);
        var cap = counts.Cast<long>().Max() + 2 * SmallestHidden;
        var columns = Enumerable.Range(0, months).Select(m => ColumnsFitting(m, rows, ranges, cap)).ToList();
        var small = (
            from range in ranges
            from line in Enumerable.Range(0, range.Lines.Count)
            from cell in Enumerable.Range(0, range.MonthCount + 1)
            let value = Figure(counts, range, line, cell)
            where value is >= 1 and <= 4
            select (Range: range, Line: line, Cell: cell, Value: value)).ToList();
        var varies = new bool[small.Count];
        var guess = new long[rows, months];
        var truthFits = false;
        Search(0);
        if (!truthFits)
        {
            return ["The attacker's reading of what is published rules out the true counts."];
        }

        return small.Where((_, i) => !varies[i]).Select(f =>
            $"In {Months[f.Range.From]} to {Months[f.Range.To]}, the {f.Value} at line {f.Line}, cell {f.Cell} can be worked out from what is published.");

        void Search(int month)
        {
            if (month == months)
            {
                truthFits |= guess.Cast<long>().SequenceEqual(counts.Cast<long>());
                for (var i = 0; i < small.Count; i++)
                {
                    varies[i] |= Figure(guess, small[i].Range, small[i].Line, small[i].Cell) != small[i].Value;
                }

                return;
            }

            foreach (var column in columns[month])
            {
                for (var r = 0; r < rows; r++)
                {
                    guess[r, month] = column[r];
                }

                if (ranges.Where(range => range.To == month).All(range => TotalsFit(guess, range)))
                {
                    Search(month + 1);
                }
            }
        }
    }

    /// <summary>Every month's column of counts that fits what each range shows for that month: its rows and its total.</summary>
    private static List<long[]> ColumnsFitting(int month, int rows, List<Published> ranges, long cap)
    {
        var showing = ranges.Where(range => range.From <= month && month <= range.To).ToList();
        var candidates = Enumerable.Range(0, rows)
            .Select(r => Enumerable.Range(0, (int)cap + 1).Select(v => (long)v)
                .Where(v => showing.All(range => Fits(v, range.Lines[r][month - range.From], overMonths: false, RowsMayBeZero(range, month, rows)))).ToList())
            .ToList();
        IEnumerable<long[]> columns = [[]];
        foreach (var values in candidates)
        {
            columns = columns.SelectMany(column => values.Select(v => (long[])[.. column, v]));
        }

        return columns
            .Where(column => showing.All(range => range.Lines.Count == rows || Fits(column.Sum(), range.Lines[rows][month - range.From], overMonths: false)))
            .ToList();
    }

    private static bool TotalsFit(long[,] guess, Published range)
    {
        var rows = guess.GetLength(0);
        var anyMonthMayBeZero = Enumerable.Range(range.From, range.MonthCount).Any(month => RowsMayBeZero(range, month, rows));
        return Enumerable.Range(0, range.Lines.Count).All(line =>
            Fits(Figure(guess, range, line, range.MonthCount), range.Lines[line][range.MonthCount], overMonths: true, line < rows && anyMonthMayBeZero));
    }

    /// <summary>
    /// As the published rule says: in a month whose total is not shown ("&lt;5" or "x") zeros show as "&lt;5", so one may be 0, and
    /// so may a row's total over months that includes it ("&lt;5" or "x"). A month that shows a 0 there follows no such rule: its
    /// "&lt;5" are 1 to 4.
    /// </summary>
    private static bool RowsMayBeZero(Published range, int month, int rows) =>
        range.Lines.Count > rows && range.Lines[rows][month - range.From] is "<5" or "x"
        && Enumerable.Range(0, rows).All(r => range.Lines[r][month - range.From] != "0");

    /// <summary>What a published cell adds up: a row's or all rows' counts, in one month or over the range's months (the Total column).</summary>
    private static long Figure(long[,] counts, Published range, int line, int cell)
    {
        int rows = counts.GetLength(0);
        var (firstRow, lastRow) = line < rows ? (line, line) : (0, rows - 1);
        var (firstMonth, lastMonth) = cell < range.MonthCount ? (range.From + cell, range.From + cell) : (range.From, range.To);
        long sum = 0;
        for (var r = firstRow; r <= lastRow; r++)
        {
            for (var m = firstMonth; m <= lastMonth; m++)
            {
                sum += counts[r, m];
            }
        }

        return sum;
    }

    /// <summary>What a reader knows of a figure from its text.</summary>
    private static bool Fits(long value, string text, bool overMonths, bool mayBeZero = false) => text switch
    {
        "<5" => value is >= 1 and <= 4 || (mayBeZero && value == 0),
        "x" => value >= (!overMonths ? SmallestHidden : mayBeZero ? 0 : 1),
        _ => value == long.Parse(text, CultureInfo.InvariantCulture),
    };

    private static long[,] Grid(int rows, int months, int[] cells)
    {
        var counts = new long[rows, months];
        for (var i = 0; i < cells.Length; i++)
        {
            counts[i / months, i % months] = cells[i];
        }

        return counts;
    }

    private static string Show(long[,] counts, bool columnTotals) =>
        $"columnTotals={columnTotals}\n" + string.Join("\n", EveryRange(counts, columnTotals).Select(range =>
            $"{Months[range.From]} to {Months[range.To]}: " + string.Join(" / ", range.Lines.Select(line => string.Join(" ", line)))))
        + "\ncounts:\n" + string.Join("\n", Enumerable.Range(0, counts.GetLength(0)).Select(r =>
            string.Join(" ", Enumerable.Range(0, counts.GetLength(1)).Select(m => counts[r, m]))));
}
