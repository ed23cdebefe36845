namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// Suppression across ranges of months, against an attacker who shares none of its code. Any signed-in reader may ask
/// for any range, so on small random tables every contiguous range of months is published, and the attacker tries
/// every set of counts that fits all of those tables at once, looking for a figure from 1 to 4 that only one of them
/// gives. A reader may also have saved what was published before the partner directory changed: the attacker then has
/// both. CsCheck prints the seed that replays a leaking table (<c>CsCheck_Seed</c>).
/// </summary>
public sealed class RangeSuppressionPropertyTests
{
    private static readonly string[] Months = ["2026-01", "2026-02", "2026-03"];

    /// <summary>What a reader knows of a month's "x": it is a count that would have been shown, so 5 or more.</summary>
    private const int SmallestHidden = 5;

    /// <summary>A count from 0 to 12, mostly small, as a rare language's or partner's month is.</summary>
    private static readonly Gen<int> Count = Gen.Frequency((3, Gen.Int[0, 4]), (2, Gen.Int[5, 12]));

    /// <summary>2 or 3 rows over 2 or 3 months.</summary>
    private static readonly Gen<long[,]> Counts =
        Gen.Select(Gen.Int[2, 3], Gen.Int[2, 3]).SelectMany((rows, months) => Count.Array[rows * months].Select(cells => Grid(rows, months, cells)));

    /// <summary>Two partners in the directory before the first month and a third that joined in a later one (none of its referrals before), over 2 or 3 months.</summary>
    private static readonly Gen<(long[,] Counts, int Joined)> CountsWithAPartnerJoining =
        Gen.Int[2, 3].SelectMany(months => Gen.Select(Gen.Int[1, months - 1], Count.Array[3 * months]).Select((joined, cells) =>
        {
            var counts = Grid(3, months, cells);
            for (var m = 0; m < joined; m++)
            {
                counts[2, m] = 0;
            }

            return (counts, joined);
        }));

    private static readonly DateTimeOffset BeforeTheFirstMonth = new(2025, 12, 1, 9, 0, 0, TimeSpan.Zero);

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

    /// <summary>
    /// The months before a third partner joined were published (every range of them) while the directory held two, the
    /// first of them under a name that sorted first; then it was renamed to sort last, the third joined, and every range
    /// was published again, the third partner's months before it joined blank and its totals over ranges that take them
    /// in. Nothing set beside the earlier tables may give a count away. (What a partner counted in every month, or partners
    /// in the order of their names, gave away, the month-wide attacker finds: <see cref="DirectoryChangeSuppressionPropertyTests"/>;
    /// in one table alone neither did.)
    /// </summary>
    [Fact]
    public void No_combination_of_the_ranges_published_before_and_after_a_partner_joined_and_another_was_renamed_pins_a_count_from_1_to_4()
    {
        CountsWithAPartnerJoining.Sample((counts, joined) =>
        {
            foreach (var leak in Pinned(counts, BeforeAndAfter(counts, joined)))
            {
                Assert.Fail(leak);
            }
        }, print: t => Show(t.Item1, BeforeAndAfter(t.Item1, t.Item2)));
    }

    /// <summary>
    /// One published range: its first and last month, the row of the counts each line shows (in the order shown), and each
    /// line's display strings, the row of totals last where published.
    /// </summary>
    private sealed record Published(int From, int To, int[] Rows, IReadOnlyList<IReadOnlyList<string>> Lines)
    {
        public int MonthCount => To - From + 1;

        public bool HasTotals => Lines.Count > Rows.Length;
    }

    private static List<Published> EveryRange(long[,] counts, bool columnTotals)
    {
        var rows = counts.GetLength(0);
        var rowCodes = Enumerable.Range(0, rows).Select(r => ($"r{r}", $"Row {r}")).ToList();
        return EveryRange(counts.GetLength(1), months => CountTable.Build("t", "T", "Row", "cases", "row", rowCodes, months, ByKey(counts), columnTotals),
            label => int.Parse(label["Row ".Length..], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The partners' table: every range of the months before the third partner joined, as the directory was then, and every
    /// range of all the months, as it is after.
    /// </summary>
    private static List<Published> BeforeAndAfter(long[,] counts, int joined)
    {
        Partner first = Partner(1, "Aden Shelter", BeforeTheFirstMonth), second = Partner(2, "Bahrain Legal Aid", BeforeTheFirstMonth.AddSeconds(1));
        var third = Partner(3, "Colombo Embassy", new DateTimeOffset(DateOnly.ParseExact(Months[joined] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeOnly.MinValue, TimeSpan.Zero));
        Partner[] before = [first, second], after = [first with { Name = "Zanzibar Shelter" }, second, third];
        var ids = after.Select(p => p.Id.ToString("D")).ToList();
        var byKey = ByKey(counts, row => ids[row]);

        List<Published> PublishedWith(Partner[] directory, int months)
        {
            var rows = StatisticsRows.Partners(directory, directory.Select(p => p.Id.ToString("D")));
            var rowOfName = directory.ToDictionary(p => p.Name, p => ids.IndexOf(p.Id.ToString("D")));
            return EveryRange(months, range => CountTable.Build("partners", "Partners", "Partner", "referrals", "row",
                rows.Rows, range, byKey, countedFrom: rows.CountedFrom), label => rowOfName[label]);
        }

        return [.. PublishedWith(before, joined), .. PublishedWith(after, counts.GetLength(1))];
    }

    private static List<Published> EveryRange(int months, Func<string[], CountTable> build, Func<string, int> rowOfLabel)
    {
        var published = new List<Published>();
        for (var from = 0; from < months; from++)
        {
            for (var to = from; to < months; to++)
            {
                var table = build(Months[from..(to + 1)]);
                var view = StatisticsViews.ToView(table, ConsistentSuppression.Apply([table])[0], FinalMonths.Headings);
                published.Add(new Published(from, to, [.. view.Rows.Select(r => rowOfLabel(r.Label))],
                    view.Rows.Concat(view.Totals is null ? [] : [view.Totals]).Select(l => l.Cells).ToList()));
            }
        }

        return published;
    }

    private static Dictionary<(string, string, string), long> ByKey(long[,] counts, Func<int, string>? code = null)
    {
        var byKey = new Dictionary<(string, string, string), long>();
        for (var r = 0; r < counts.GetLength(0); r++)
        {
            for (var m = 0; m < counts.GetLength(1); m++)
            {
                byKey[(Months[m], "row", code?.Invoke(r) ?? $"r{r}")] = counts[r, m];
            }
        }

        return byKey;
    }

    private static Partner Partner(int id, string name, DateTimeOffset joined) => new()
    {
        Id = new Guid(id, 0, 0, new byte[8]), Name = name, Services = [PartnerServices.Shelter], Active = true, CreatedAt = joined, UpdatedAt = joined, Version = 1,
    };

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
    /// <remarks>A row a range does not list has no count in its months: it is not counted in any of them.</remarks>
    private static List<long[]> ColumnsFitting(int month, int rows, List<Published> ranges, long cap)
    {
        var showing = ranges.Where(range => range.From <= month && month <= range.To).ToList();
        bool FitsRange(long value, int r, Published range) => Array.IndexOf(range.Rows, r) is var line and >= 0
            ? Fits(value, range.Lines[line][month - range.From], overMonths: false, RowsMayBeZero(range, month))
            : value == 0;
        var candidates = Enumerable.Range(0, rows)
            .Select(r => Enumerable.Range(0, (int)cap + 1).Select(v => (long)v).Where(v => showing.All(range => FitsRange(v, r, range))).ToList())
            .ToList();
        IEnumerable<long[]> columns = [[]];
        foreach (var values in candidates)
        {
            columns = columns.SelectMany(column => values.Select(v => (long[])[.. column, v]));
        }

        return columns
            .Where(column => showing.All(range => !range.HasTotals || Fits(column.Sum(), range.Lines[^1][month - range.From], overMonths: false)))
            .ToList();
    }

    private static bool TotalsFit(long[,] guess, Published range)
    {
        var anyMonthMayBeZero = Enumerable.Range(range.From, range.MonthCount).Any(month => RowsMayBeZero(range, month));
        return Enumerable.Range(0, range.Lines.Count).All(line =>
            Fits(Figure(guess, range, line, range.MonthCount), range.Lines[line][range.MonthCount], overMonths: true, line < range.Rows.Length && anyMonthMayBeZero));
    }

    /// <summary>
    /// As the published rule says: in a month whose total is not shown ("&lt;5" or "x") zeros show as "&lt;5", so one may be 0, and
    /// so may a row's total over months that includes it ("&lt;5" or "x"). A month that shows a 0 there follows no such rule: its
    /// "&lt;5" are 1 to 4.
    /// </summary>
    private static bool RowsMayBeZero(Published range, int month) =>
        range.HasTotals && range.Lines[^1][month - range.From] is "<5" or "x"
        && range.Lines.SkipLast(1).All(line => line[month - range.From] != "0");

    /// <summary>What a published cell adds up: a row's or all rows' counts, in one month or over the range's months (the Total column).</summary>
    private static long Figure(long[,] counts, Published range, int line, int cell)
    {
        var (firstRow, lastRow) = line < range.Rows.Length ? (range.Rows[line], range.Rows[line]) : (0, counts.GetLength(0) - 1);
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
        "" => value == 0,
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

    private static string Show(long[,] counts, bool columnTotals) => $"columnTotals={columnTotals}\n" + Show(counts, EveryRange(counts, columnTotals));

    private static string Show(long[,] counts, List<Published> ranges) =>
        string.Join("\n", ranges.Select(range => $"{Months[range.From]} to {Months[range.To]}: rows {string.Join(" ", range.Rows)}: "
            + string.Join(" / ", range.Lines.Select(line => string.Join(" ", line.Select(cell => cell == "" ? "(blank)" : cell))))))
        + "\ncounts:\n" + string.Join("\n", Enumerable.Range(0, counts.GetLength(0)).Select(r =>
            string.Join(" ", Enumerable.Range(0, counts.GetLength(1)).Select(m => counts[r, m]))));
}
