using static Hotline.Api.Tests.Statistics.MonthTablesSuppressionPropertyTests;

namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// The month's tables with totals beside the indicators' table, whose rows overlap (a case can show several), against an
/// attacker who shares none of the suppression's code: for every total, every split of it in each table with totals, and
/// every "no indicator" count and set of indicator counts whose union could make up the rest (between the largest and their
/// sum). A figure from 1 to 4 that takes one value over all of them is a leak. CsCheck prints the seed that replays it.
/// </summary>
public sealed class IndicatorTableSuppressionPropertyTests
{
    private const string Month = "2026-03";

    private sealed record MonthCounts(long[][] Tables, long[] Indicators, long None)
    {
        public long Total => Tables[0].Sum();
    }

    /// <summary>A month of 0 to 14 cases, in 1 or 2 tables of 1 to 4 rows, and two indicators and "no indicator" that fit them.</summary>
    private static readonly Gen<MonthCounts> Months =
        Gen.Frequency((2, Gen.Int[0, 6]), (1, Gen.Int[7, 14])).SelectMany(total => Gen.Select(
            Gen.Int[1, 4].SelectMany(rows => Gen.Int[0, total].Array[rows - 1].Select(cuts => Split(total, cuts))).Array[1, 2],
            Gen.Int[0, total].SelectMany(none => Gen.Int[0, total - none].Array[2].Select(counts => (None: (long)none, Indicators: Covering(total - none, counts)))),
            (tables, indicators) => new MonthCounts(tables, indicators.Indicators, indicators.None)));

    [Fact]
    public void No_combination_of_a_months_tables_and_its_indicators_pins_a_count_from_1_to_4() =>
        Months.Sample(month =>
        {
            foreach (var leak in Pinned(month, Publish(month)))
            {
                Assert.Fail(leak);
            }
        }, iter: 2_000, print: month => Show(month, Publish(month)));

    /// <summary>Each table's display strings: the tables with totals (rows, then total), then the indicators and "no indicator".</summary>
    private static IReadOnlyList<IReadOnlyList<string>> Publish(MonthCounts month)
    {
        var counts = new Dictionary<(string Month, string Dimension, string Value), long>();
        var tables = month.Tables.Select((rows, t) =>
        {
            var codes = Enumerable.Range(0, rows.Length).Select(r => ($"r{r}", $"Row {r}")).ToList();
            foreach (var r in Enumerable.Range(0, rows.Length))
            {
                counts[(Month, $"d{t}", $"r{r}")] = rows[r];
            }

            return CountTable.Build($"t{t}", $"Table {t}", "Row", "cases", $"d{t}", codes, [Month], counts);
        }).ToList();
        counts[(Month, "indicator", "a")] = month.Indicators[0];
        counts[(Month, "indicator", "b")] = month.Indicators[1];
        counts[(Month, "indicator", "none")] = month.None;
        tables.Add(CountTable.Build("indicators", "Indicators", "Indicator", "cases", "indicator", [("a", "A"), ("b", "B"), ("none", "None")], [Month], counts,
            columnTotals: false, noneRow: "none"));
        var marks = ConsistentSuppression.Apply(tables);
        return tables.Select((table, t) => (IReadOnlyList<string>)Enumerable.Range(0, table.Rows.Count + (table.ColumnTotals ? 1 : 0))
            .Select(r => SmallCountSuppression.Display(table.Values[r, 0], marks[t][r, 0])).ToList()).ToList();
    }

    private static IEnumerable<string> Pinned(MonthCounts month, IReadOnlyList<IReadOnlyList<string>> published)
    {
        var shownIndicators = published[^1];
        var cap = month.Total + 2 * 5;
        var seen = published.Select(table => table.Select(_ => new HashSet<long>()).ToArray()).ToArray();
        var trueTotalFits = false;
        for (long total = 0; total <= cap; total++)
        {
            var totalsTables = published.Take(month.Tables.Length).ToList();
            if (!totalsTables.All(table => Fits(total, table[^1])))
            {
                continue;
            }

            var splits = totalsTables.Select((table, t) => Splits(total, table.Take(month.Tables[t].Length).ToList(), RowsMayBeZero(table)).ToList()).ToList();
            var indicatorSets = IndicatorSets(total, shownIndicators).ToList();
            if (splits.Any(s => s.Count == 0) || indicatorSets.Count == 0)
            {
                continue;
            }

            trueTotalFits |= total == month.Total;
            for (var t = 0; t < splits.Count; t++)
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

            foreach (var set in indicatorSets)
            {
                for (var r = 0; r < set.Length; r++)
                {
                    seen[^1][r].Add(set[r]);
                }
            }
        }

        if (!trueTotalFits)
        {
            yield return "The attacker's reading of what is published rules out the true total.";
        }

        var figures = month.Tables.Select(rows => rows.Append(rows.Sum()).ToArray()).Append([.. month.Indicators, month.None]).ToArray();
        for (var t = 0; t < figures.Length; t++)
        {
            for (var r = 0; r < figures[t].Length; r++)
            {
                if (figures[t][r] is >= 1 and <= 4 && seen[t][r].Count == 1)
                {
                    yield return $"Table {t}'s figure {r}, {figures[t][r]}, can be worked out from the month's tables.";
                }
            }
        }
    }

    /// <summary>Every (a, b, none) that fits what the indicators' table shows and makes up the total: none plus the union of a and b.</summary>
    private static IEnumerable<long[]> IndicatorSets(long total, IReadOnlyList<string> shown)
    {
        for (long none = 0; none <= total; none++)
        {
            if (!Fits(none, shown[2]))
            {
                continue;
            }

            var union = total - none;
            for (long a = 0; a <= union; a++)
            {
                for (long b = 0; b <= union; b++)
                {
                    if (Fits(a, shown[0]) && Fits(b, shown[1]) && Math.Max(a, b) <= union && union <= a + b)
                    {
                        yield return [a, b, none];
                    }
                }
            }
        }
    }

    /// <summary>Two indicator counts, each at most the union, raised so that together they cover it.</summary>
    private static long[] Covering(int union, int[] counts)
    {
        var covering = counts.Select(c => (long)c).ToArray();
        covering[0] += Math.Max(0, union - covering.Sum());
        return covering;
    }

    private static string Show(MonthCounts month, IReadOnlyList<IReadOnlyList<string>> published) =>
        string.Join("\n", month.Tables.Select((rows, t) => $"table {t}: counts {string.Join(" ", rows)}, published {string.Join(" ", published[t])}")
            .Append($"indicators a, b, none: counts {string.Join(" ", month.Indicators)} {month.None}, published {string.Join(" ", published[^1])}"));
}
