namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// Suppression across the tables of one month, against an attacker who shares none of its code. The month's cases are
/// counted in several tables (by language, channel, priority, outcome...), each adding up to the same month's total, so
/// a reader sets the tables against each other: what one table says of the total bounds what another's "&lt;5" can be.
/// On small random months the attacker tries every total and every set of counts that fits all of the tables at once,
/// looking for a figure from 1 to 4 that only one of them gives. CsCheck prints the seed that replays a leaking month
/// (<c>CsCheck_Seed</c>).
/// </summary>
public sealed class MonthTablesSuppressionPropertyTests
{
    private const string Month = "2026-03";

    /// <summary>What a reader knows of a month's "x": it is a count that would have been shown, so 5 or more.</summary>
    private const int SmallestHidden = 5;

    /// <summary>
    /// A month of 0 to 14 cases, mostly fewer than 6, counted in 2 to 4 tables of 1 to 5 rows, each a random split of the same
    /// cases: the small months of a new hotline or a rare language.
    /// </summary>
    internal static readonly Gen<long[][]> Months =
        Gen.Frequency((2, Gen.Int[0, 5]), (1, Gen.Int[6, 14])).SelectMany(total =>
            Gen.Int[1, 5].SelectMany(rows => Gen.Int[0, total].Array[rows - 1].Select(cuts => Split(total, cuts))).Array[2, 4]);

    /// <summary>
    /// A month of 15 to 24 cases counted in 2 to 4 tables whose rows are mostly 3 to 6, the last row what is left: counts
    /// beside the threshold, where an "x" (5 or more) in one table and "&lt;5" (at most 4) in another bound the total tightly.
    /// </summary>
    internal static readonly Gen<long[][]> BusierMonths =
        Gen.Int[15, 24].SelectMany(total => Gen.Int[3, 6].Array[8].Select(parts => PartsUpTo(total, parts)).Array[2, 4]);

    [Fact]
    public void No_combination_of_a_months_tables_pins_a_count_from_1_to_4() => NoneLeaks(Months);

    [Fact]
    public void No_combination_of_a_busier_months_tables_pins_a_count_from_1_to_4() => NoneLeaks(BusierMonths);

    private static void NoneLeaks(Gen<long[][]> months) => months.Sample(tables =>
    {
        foreach (var leak in Pinned(tables, Publish(tables)))
        {
            Assert.Fail(leak);
        }
    }, iter: 2_000, print: tables => Show(tables, Publish(tables)));

    /// <summary>
    /// Twenty cases: 5, 5, 5 and 5 by channel, 4, 4, 4, 4 and 4 by language. The languages are all "&lt;5", so the total is
    /// hidden (in every table) and the channels show "x 5 5 5": at least 20 cases; the languages say at most 20. So 20,
    /// and 4 in each language, unless the languages' month is withheld: they have no count left to hide.
    /// </summary>
    [Fact]
    public void A_table_whose_small_counts_another_table_pins_is_withheld_for_the_month()
    {
        long[][] tables = [[5, 5, 5, 5], [4, 4, 4, 4, 4]];

        var published = Publish(tables);

        Assert.Equal([["x", "5", "5", "5", "x"], ["–", "–", "–", "–", "–", "–"]], published);
        Assert.Empty(Pinned(tables, published));
    }

    /// <summary>
    /// Twelve cases: by language 4, 4 and 4 (all "&lt;5", so the total is hidden, and is hidden in every table); by outcome
    /// 8 and 4, which puts the total between 9 and 12; by channel 11 by SMS and 1 by chat, which puts it at 12 or more.
    /// Each table alone keeps its "&lt;5" from 1 to 4; together they give 12 cases, so 1 by chat and 4 in each language.
    /// </summary>
    [Fact]
    public void A_total_hidden_in_every_table_is_not_worked_out_by_setting_them_against_each_other()
    {
        long[][] tables = [[4, 4, 4], [8, 4], [11, 1]];

        Assert.Empty(Pinned(tables, Publish(tables)));
    }

    /// <summary>
    /// Found by the property (seed 1rm-lM6Hg4K2) when only months of fewer than 5 showed their zeros as "&lt;5": eight cases, 4
    /// and 4 in one table (so its total is hidden, in every table), 4, 2, 2 and 0 in another, 1, 1, 1 and 5 in a third. The
    /// first says at most 8, the third at least 8 (three "&lt;5" and an "x"), so 8, and the third's "&lt;5" are 1 each.
    /// </summary>
    [Fact]
    public void A_hidden_total_bounded_from_both_sides_by_two_tables_pins_nothing()
    {
        long[][] tables = [[1, 1, 1, 5], [4, 2, 2, 0], [4, 4]];

        var published = Publish(tables);

        Assert.Equal([["<5", "<5", "<5", "x", "x"], ["<5", "<5", "<5", "<5", "x"], ["<5", "<5", "x"]], published);
        Assert.Empty(Pinned(tables, published));
    }

    /// <summary>
    /// Four cases, one in each of four languages, and all four by SMS: with the zeros of the other languages shown, four "&lt;5"
    /// under a total "&lt;5" can only be 1 each, and the SMS row then 4.
    /// </summary>
    [Fact]
    public void Four_cases_in_four_rows_are_not_one_each()
    {
        long[][] tables = [[1, 1, 1, 1, 0], [4, 0, 0]];

        var published = Publish(tables);

        Assert.Equal([["<5", "<5", "<5", "<5", "<5", "<5"], ["<5", "<5", "<5", "<5"]], published);
        Assert.Empty(Pinned(tables, published));
    }

    [Fact]
    public void A_month_without_cases_shows_every_table_as_zeros()
    {
        long[][] tables = [[0, 0], [0, 0, 0]];

        var published = Publish(tables);

        Assert.Equal([["0", "0", "0"], ["0", "0", "0", "0"]], published);
    }

    /// <summary>Each table's display strings for the month: its rows, then its total.</summary>
    private static IReadOnlyList<IReadOnlyList<string>> Publish(long[][] tables)
    {
        var countTables = tables.Select((rows, t) =>
        {
            var codes = Enumerable.Range(0, rows.Length).Select(r => ($"r{r}", $"Row {r}")).ToList();
            var counts = Enumerable.Range(0, rows.Length).ToDictionary(r => (Month, $"d{t}", $"r{r}"), r => rows[r]);
            return CountTable.Build($"t{t}", $"Table {t}", "Row", "cases", $"d{t}", codes, [Month], counts);
        }).ToList();
        var marks = ConsistentSuppression.Apply(countTables);
        return countTables.Select((table, t) => (IReadOnlyList<string>)Enumerable.Range(0, table.Rows.Count + 1)
            .Select(r => SmallCountSuppression.Display(table.Values[r, 0], marks[t][r, 0])).ToList()).ToList();
    }

    /// <summary>
    /// The attacker: every total up to the true one and ten more, and for each every split of it in each table that fits what
    /// the table shows ("&lt;5" as 1 to 4, "x" as 5 or more, a number exactly); a total fits when every table has a split. A
    /// published figure whose true value is 1 to 4 and which takes that one value over every fitting total is pinned.
    /// </summary>
    private static IEnumerable<string> Pinned(long[][] tables, IReadOnlyList<IReadOnlyList<string>> published)
    {
        var cap = tables[0].Sum() + 2 * SmallestHidden;
        var seen = tables.Select(rows => Enumerable.Range(0, rows.Length + 1).Select(_ => new HashSet<long>()).ToArray()).ToArray();
        for (long total = 0; total <= cap; total++)
        {
            if (!published.All(table => Fits(total, table[^1])))
            {
                continue;
            }

            var splits = tables.Select((rows, t) => Splits(total, published[t].Take(rows.Length).ToList(), RowsMayBeZero(published[t])).ToList()).ToList();
            if (splits.Any(s => s.Count == 0))
            {
                continue;
            }

            for (var t = 0; t < tables.Length; t++)
            {
                seen[t][^1].Add(total);
                foreach (var split in splits[t])
                {
                    for (var r = 0; r < split.Length; r++)
                    {
                        seen[t][r].Add(split[r]);
                    }
                }
            }
        }

        if (tables.Select((rows, t) => Splits(rows.Sum(), published[t].Take(rows.Length).ToList(), RowsMayBeZero(published[t])))
            .Where((splits, t) => !splits.Any(split => split.SequenceEqual(tables[t]))).Any())
        {
            yield return "The attacker's reading of what is published rules out the true counts.";
        }

        for (var t = 0; t < tables.Length; t++)
        {
            var figures = tables[t].Append(tables[t].Sum()).ToArray();
            for (var r = 0; r < figures.Length; r++)
            {
                if (figures[r] is >= 1 and <= 4 && seen[t][r].Count == 1)
                {
                    yield return $"Table {t}'s {(r < tables[t].Length ? $"row {r}" : "total")}, {figures[r]}, can be worked out from the month's tables.";
                }
            }
        }
    }

    /// <summary>
    /// As the published rule says: in a month whose total is not shown ("&lt;5" or "x") zeros show as "&lt;5", so one may be 0. A
    /// table that shows a 0 there follows no such rule, and its "&lt;5" are 1 to 4.
    /// </summary>
    internal static bool RowsMayBeZero(IReadOnlyList<string> table) => table[^1] is "<5" or "x" && !table.Contains("0");

    /// <summary>Every split of a total over a table's rows that fits what each row shows.</summary>
    internal static IEnumerable<long[]> Splits(long total, IReadOnlyList<string> rows, bool mayBeZero)
    {
        if (rows.Count == 1)
        {
            return Fits(total, rows[0], mayBeZero) ? [[total]] : [];
        }

        return Enumerable.Range(0, (int)total + 1).Where(first => Fits(first, rows[0], mayBeZero))
            .SelectMany(first => Splits(total - first, rows.Skip(1).ToList(), mayBeZero).Select(rest => (long[])[first, .. rest]));
    }

    internal static bool Fits(long value, string text, bool mayBeZero = false) => text switch
    {
        "<5" => value is >= 1 and <= 4 || (mayBeZero && value == 0),
        "x" => value >= SmallestHidden,
        "–" => true,
        _ => value == long.Parse(text, CultureInfo.InvariantCulture),
    };

    /// <summary>The parts in order while they fit under the total, then what is left of it as the last row.</summary>
    private static long[] PartsUpTo(int total, int[] parts)
    {
        var rows = new List<long>();
        var left = total;
        foreach (var part in parts)
        {
            if (part >= left)
            {
                break;
            }

            rows.Add(part);
            left -= part;
        }

        rows.Add(left);
        return rows.ToArray();
    }

    internal static long[] Split(int total, int[] cuts)
    {
        var bounds = cuts.Order().Prepend(0).Append(total).ToArray();
        return bounds.Skip(1).Select((bound, i) => (long)(bound - bounds[i])).ToArray();
    }

    private static string Show(long[][] tables, IReadOnlyList<IReadOnlyList<string>> published) =>
        string.Join("\n", tables.Select((rows, t) => $"table {t}: counts {string.Join(" ", rows)}, published {string.Join(" ", published[t])}"));
}
