using static Hotline.Api.Tests.Statistics.MonthTablesSuppressionPropertyTests;

namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// The month-wide attacker of <see cref="MonthTablesSuppressionPropertyTests"/>, given a month as published before the
/// partner directory changed and as published after. The month's first table is its referrals by partner, through the
/// real rows (<see cref="StatisticsRows.Partners"/>); after the month, a partner joins and the first partner is renamed so
/// that the names sort the other way. The reader who saved the earlier tables knows the new partner had no referral in the
/// month (it was not listed), and sets both publications against each other: every total, every split of it that fits
/// both. Partners were once counted in every month and in the order of their names: the new partner's zero, shown as
/// "&lt;5" beside a hidden total, was room the earlier tables did not have, and a rename moved which of two equal counts
/// was hidden. CsCheck prints the seed that replays a leaking month (<c>CsCheck_Seed</c>).
/// </summary>
public sealed class DirectoryChangeSuppressionPropertyTests
{
    private const string Month = "2026-03";

    /// <summary>What a reader knows of a month's "x": it is a count that would have been shown, so 5 or more.</summary>
    private const int SmallestHidden = 5;

    private static readonly DateTimeOffset BeforeTheMonth = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset AfterTheMonth = new(2026, 4, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_combination_of_a_months_tables_published_before_and_after_the_directory_changed_pins_a_count_from_1_to_4() =>
        Gen.OneOf(Months, BusierMonths).Where(tables => tables[0].Length >= 2).Sample(tables =>
        {
            foreach (var leak in Pinned(tables, [.. Publish(tables, changed: false), .. Publish(tables, changed: true)]))
            {
                Assert.Fail(leak);
            }
        }, iter: 2_000, print: Show);

    /// <summary>
    /// January's referrals: 4, 4 and 4 by partner, 5 sent and 7 accepted. The partners' "&lt;5" would add up to the total, so it
    /// is hidden; the outcomes say at least 12, so 4 each, and the partners' month is withheld. Counted in the month, a partner
    /// that joined later was a fourth "&lt;5" that let the others be published, and with the earlier tables (no such partner,
    /// so 0) gave 4, 4 and 4.
    /// </summary>
    [Fact]
    public void A_partner_that_joined_after_the_month_leaves_no_room_the_earlier_tables_did_not_have()
    {
        long[][] tables = [[4, 4, 4], [5, 7]];

        Assert.Equal(Text(Publish(tables, changed: false)), Text(Publish(tables, changed: true)));
        Assert.Equal("rows 0,1,2: – – – –", Text(Publish(tables, changed: true)).Split('\n')[0]);
        Assert.Empty(Pinned(tables, [.. Publish(tables, changed: false), .. Publish(tables, changed: true)]));
    }

    /// <summary>
    /// Fifteen referrals: 6, 6 and 3 by partner. The 3 is "&lt;5", alone beside the shown total, so one 6 is hidden: the first
    /// in the table. In the order of the names, a rename that put the other 6 first hid that one instead, and the two
    /// publications together gave 6, 6 and so 3.
    /// </summary>
    [Fact]
    public void A_rename_does_not_move_which_of_two_equal_counts_is_hidden()
    {
        long[][] tables = [[6, 6, 3], [15]];

        Assert.Equal(Text(Publish(tables, changed: false)), Text(Publish(tables, changed: true)));
        Assert.Equal("rows 0,1,2: x 6 <5 15", Text(Publish(tables, changed: true)).Split('\n')[0]);
        Assert.Empty(Pinned(tables, [.. Publish(tables, changed: false), .. Publish(tables, changed: true)]));
    }

    /// <summary>A published table as the reader reads it: which of the true rows each line shows, the lines' texts, then the total.</summary>
    private sealed record Reading(int Table, int[] Rows, IReadOnlyList<string> Texts);

    /// <summary>
    /// The month's tables as published, the first one the partners': "Partner A", "Partner B"... joined before the month, in
    /// that order. <paramref name="changed"/>: after the month, "Partner M" has joined (no referral in the month: the last of
    /// the true rows) and "Partner A" is now "Partner Z".
    /// </summary>
    private static List<Reading> Publish(long[][] tables, bool changed)
    {
        var directory = tables[0].Select((_, i) => Partner(i, $"Partner {(char)('A' + i)}", BeforeTheMonth.AddSeconds(i))).ToList();
        if (changed)
        {
            directory[0] = directory[0] with { Name = "Partner Z" };
            directory.Add(Partner(tables[0].Length, "Partner M", AfterTheMonth));
        }

        var partners = StatisticsRows.Partners(directory, directory.Select(p => p.Id.ToString("D")));
        var referrals = Enumerable.Range(0, tables[0].Length).ToDictionary(r => (Month, "partner", Id(r).ToString("D")), r => tables[0][r]);
        var countTables = tables.Skip(1).Select((rows, t) =>
        {
            var codes = Enumerable.Range(0, rows.Length).Select(r => ($"r{r}", $"Row {r}")).ToList();
            var counts = Enumerable.Range(0, rows.Length).ToDictionary(r => (Month, $"d{t}", $"r{r}"), r => rows[r]);
            return CountTable.Build($"t{t + 1}", $"Table {t + 1}", "Row", "referrals", $"d{t}", codes, [Month], counts);
        }).Prepend(CountTable.Build("partners", "Partners", "Partner", "referrals", "partner", partners.Rows, [Month], referrals, countedFrom: partners.CountedFrom))
            .ToList();
        var marks = ConsistentSuppression.Apply(countTables);
        var rowOfName = directory.Select((p, i) => (p.Name, i)).ToDictionary(p => p.Name, p => p.i);
        return countTables.Select((table, t) =>
        {
            var view = StatisticsViews.ToView(table, marks[t], FinalMonths.Headings);
            var rows = view.Rows.Select(r => t == 0 ? rowOfName[r.Label] : int.Parse(r.Label["Row ".Length..], CultureInfo.InvariantCulture)).ToArray();
            return new Reading(t, rows, [.. view.Rows.Select(r => r.Cells[0]), view.Totals!.Cells[0]]);
        }).ToList();
    }

    /// <summary>
    /// The attacker: every total up to the true one and ten more, and for each every split of it in each table that fits every
    /// reading of that table (a row a reading does not list had nothing in the month); a total fits when every table has a
    /// split. A figure whose true value is 1 to 4 and which takes that one value over every fitting total is pinned. The
    /// partners' true rows end with the new partner's 0.
    /// </summary>
    private static IEnumerable<string> Pinned(long[][] tables, List<Reading> readings)
    {
        long[][] truth = [[.. tables[0], 0], .. tables.Skip(1)];
        var cap = truth[0].Sum() + 2 * SmallestHidden;
        var seen = truth.Select(rows => Enumerable.Range(0, rows.Length + 1).Select(_ => new HashSet<long>()).ToArray()).ToArray();
        for (long total = 0; total <= cap; total++)
        {
            var splits = truth.Select((rows, t) => SplitsFitting(total, rows.Length, [.. readings.Where(r => r.Table == t)]).ToList()).ToList();
            if (splits.Any(s => s.Count == 0))
            {
                continue;
            }

            for (var t = 0; t < truth.Length; t++)
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

        if (truth.Where((rows, t) => !SplitsFitting(rows.Sum(), rows.Length, [.. readings.Where(r => r.Table == t)]).Any(split => split.SequenceEqual(rows))).Any())
        {
            yield return "The attacker's reading of what is published rules out the true counts.";
        }

        for (var t = 0; t < truth.Length; t++)
        {
            var figures = truth[t].Append(truth[t].Sum()).ToArray();
            for (var r = 0; r < figures.Length; r++)
            {
                if (figures[r] is >= 1 and <= 4 && seen[t][r].Count == 1)
                {
                    yield return $"Table {t}'s {(r < truth[t].Length ? $"row {r}" : "total")}, {figures[r]}, can be worked out from the month as published before and after.";
                }
            }
        }
    }

    /// <summary>Every split of a total over a table's rows that fits every reading of it, total included.</summary>
    private static IEnumerable<long[]> SplitsFitting(long total, int rows, IReadOnlyList<Reading> readings)
    {
        if (!readings.All(reading => Fits(total, reading.Texts[^1])))
        {
            return [];
        }

        bool FitsRow(int r, long value) => readings.All(reading => Array.IndexOf(reading.Rows, r) is var line and >= 0
            ? Fits(value, reading.Texts[line], RowsMayBeZero(reading.Texts))
            : value == 0);

        IEnumerable<long[]> From(int r, long left) => r == rows - 1
            ? FitsRow(r, left) ? [[left]] : []
            : Enumerable.Range(0, (int)left + 1).Where(value => FitsRow(r, value)).SelectMany(value => From(r + 1, left - value).Select(rest => (long[])[value, .. rest]));

        return From(0, total);
    }

    private static Guid Id(int partner) => new(partner + 1, 0, 0, new byte[8]);

    private static Partner Partner(int partner, string name, DateTimeOffset joined) => new()
    {
        Id = Id(partner), Name = name, Services = [PartnerServices.Shelter], Active = true, CreatedAt = joined, UpdatedAt = joined, Version = 1,
    };

    /// <summary>Each table as read, a line each: the true rows its lines show, then their texts and the total.</summary>
    private static string Text(List<Reading> readings) =>
        string.Join("\n", readings.Select(r => $"rows {string.Join(",", r.Rows)}: {string.Join(" ", r.Texts)}"));

    private static string Show(long[][] tables) =>
        string.Join("\n", tables.Select((rows, t) => $"table {t}: counts {string.Join(" ", rows)}"))
        + $"\nbefore:\n{Text(Publish(tables, changed: false))}\nafter:\n{Text(Publish(tables, changed: true))}";
}
