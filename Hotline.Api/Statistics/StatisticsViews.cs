namespace Hotline.Api.Statistics;

/// <summary>
/// The statistics as published: every count is already a display string ("12", "&lt;5", "x"), so no value
/// that suppression hid ever leaves the server, in JSON, CSV or a chart.
/// </summary>
public sealed record StatisticsView(
    string From,
    string To,
    IReadOnlyList<StatisticsTableView> Tables,
    IReadOnlyList<TimingView> Timings,
    StatisticsProgress Progress,
    StatisticsRule Rule);

/// <summary>
/// The rule published with every report. The summary is what a reader needs before reading a table (what &lt;5, x and – mean);
/// the paragraphs are the whole rule, one topic each, shown on request: on one screen the whole rule was a wall of text above
/// the tables it explains.
/// </summary>
public sealed record StatisticsRule(string Summary, IReadOnlyList<string> Paragraphs);

public sealed record StatisticsTableView(
    string Id,
    string Title,
    string RowHeading,
    IReadOnlyList<string> Columns,
    IReadOnlyList<StatisticsRowView> Rows,
    StatisticsRowView? Totals,
    string? Note);

public sealed record StatisticsRowView(string Label, IReadOnlyList<string> Cells);

/// <summary>Median and mean of a waiting time per month and over the range; "–" where fewer than 5 cases were measured.</summary>
/// <param name="Withheld">
/// The one line that says why figures are missing, or null when none is. When no column has 5 cases measured, the
/// columns are left out and this line is all there is to show.
/// </param>
public sealed record TimingView(
    string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<string> Median, IReadOnlyList<string> Mean, string? Withheld);

public static class StatisticsViews
{
    /// <summary>The rule published with every report: how a month's figures come to be final, then how they are suppressed.</summary>
    public static StatisticsRule SuppressionRule(TimeSpan finalAfter) => new(
        "Counts from 1 to 4 show as <5, and so can a 0 where showing it would give a small count away; x and – mark figures hidden "
        + "so that a small count cannot be worked out from the others. A month's heading says whether its figures may still change.",
        [
            $"A month's outcomes, first replies and referrals are provisional until {MonthHeadings.FinalWhen(finalAfter)} and final from then on; "
            + "its languages, channels, indicators and priorities are final when it ends. A provisional month's heading gives the day it "
            + "becomes final; the month still running is headed \"so far\".",
            "Each case is counted in the month it was opened and each referral in the month it was proposed, as they stand until that "
            + "month's table is final, and what happens to them later is counted nowhere. A final table's counts change only when a case "
            + "is counted for the first time after its month became final (one the hotline could not read at first and mended later); "
            + "while the same month's provisional tables change, which of its counts are hidden can too.",
            "Each month is suppressed on its own, so its figures read the same whatever range of months is asked for, and stay as they "
            + "are when partners or languages are added later: a partner is counted from the month it joined the directory, a language "
            + "from the month the intake began to speak it, and the months before are blank.",
            "Counts from 1 to 4 show as <5; in a month whose total is not shown, the zeros of a table with totals show as <5 too. Where a "
            + "hidden count could be worked out from the month's total, the next smallest count in that month is hidden too and shows as "
            + "x; a month's total is hidden the same way, and in every table that shows it. Where a table's <5 could still be worked out "
            + "from the month's other tables, one more of its counts is hidden, or, when it has none left to hide, that table's month is "
            + "not published and shows as –.",
            "A total over several months is shown only when every month it adds up is shown, and shows as x otherwise, whatever its "
            + "size, unless all but one of those months are 0: it is then that month's figure and reads as it does. Times are shown only "
            + "where at least 5 cases were measured and the bands they are read from hide nothing.",
        ]);

    /// <summary>A month a row is not counted in (a partner before it was added): nothing to show, not even a 0.</summary>
    public const string NotCounted = "";

    /// <summary>The table as published: the rows counted in at least one of its months, each month blank where the row is not counted.</summary>
    /// <param name="headings">Which months' counts may still change, and until when: their headings say so.</param>
    public static StatisticsTableView ToView(CountTable table, CellMark[,] marks, MonthHeadings headings)
    {
        var months = table.Months.Count;
        var columns = table.Months.Select(month => headings.Of(month, table.Dimension)).Append("Total").ToList();
        IReadOnlyList<string> Cells(int r) => Enumerable.Range(0, months + 1)
            .Select(c => c < months && !table.Counted(r, c) ? NotCounted : SmallCountSuppression.Display(table.Values[r, c], marks[r, c]))
            .ToList();
        var rows = table.Rows
            .Select((row, r) => (row.Label, Index: r))
            .Where(row => Enumerable.Range(0, months).Any(c => table.Counted(row.Index, c)))
            .Select(row => new StatisticsRowView(row.Label, Cells(row.Index)))
            .ToList();
        var totals = table.ColumnTotals ? new StatisticsRowView("Total", Cells(table.Rows.Count)) : null;
        return new StatisticsTableView(table.Id, table.Title, table.RowHeading, columns, rows, totals, table.Note);
    }

    /// <summary>A timing cell withheld because fewer than 5 cases were measured (none, in a month without cases), or a band hidden.</summary>
    public const string NotShown = "–";

    /// <summary>
    /// The median is read from the banded counts (linear within the band it falls in); the mean from the
    /// running total of seconds. Both are withheld where fewer than 5 cases were measured, said once, not in every cell,
    /// and where the band table hides a count of that column: a median read from exact counts gives them away (bands of 4
    /// and 2, both "&lt;5", put "about 48 min" at three quarters of the first).
    /// </summary>
    public static TimingView Timing(
        string id, string title, CountTable bands, CellMark[,] bandMarks, IReadOnlyDictionary<string, (long Count, long Seconds)> totals, MonthHeadings headings)
    {
        var months = bands.Months.Count;
        var median = new List<string>();
        var mean = new List<string>();
        for (var c = 0; c <= months; c++)
        {
            var (count, seconds) = c < months ? totals.GetValueOrDefault(bands.Months[c]) : (totals.Values.Sum(t => t.Count), totals.Values.Sum(t => t.Seconds));
            var bandsShown = StatisticsKeys.TimeBands.Select((_, r) => r).All(r => bandMarks[r, c] == CellMark.Shown);
            var enough = count >= SmallCountSuppression.Threshold && bandsShown;
            median.Add(enough ? Median(bands, c) : NotShown);
            mean.Add(enough ? StatisticsLabels.Duration((double)seconds / count) : NotShown);
        }

        // The band table is among the tables under the timings: the sentence names it and says where it is.
        if (median.All(cell => cell == NotShown))
        {
            return new TimingView(id, title, [], [], [], NothingMeasured(bands, bandMarks)
                ? "No case was measured in this range, so no median or mean is shown."
                : $"Fewer than 5 cases were measured in this range, or the table \"{bands.Title}\" below hides a count, so no median or mean is shown.");
        }

        return new TimingView(id, title, bands.Months.Select(month => headings.Of(month, bands.Dimension)).Append("All months").ToList(), median, mean,
            median.Contains(NotShown) ? $"{NotShown} fewer than 5 cases measured, or a count hidden in the table \"{bands.Title}\" below, so no median or mean is shown." : null);
    }

    /// <summary>
    /// Every band of every month a shown 0: the table says so itself, so saying it gives nothing away. It is also the page
    /// where nothing was counted at all, which shows no table below to point to.
    /// </summary>
    private static bool NothingMeasured(CountTable bands, CellMark[,] bandMarks) =>
        StatisticsKeys.TimeBands.Select((_, r) => r).All(r =>
            Enumerable.Range(0, bands.Months.Count).All(c => bands.Values[r, c] == 0 && bandMarks[r, c] == CellMark.Shown));

    private static string Median(CountTable bands, int column)
    {
        var measured = StatisticsKeys.TimeBands.Select((band, r) => (band.From, Count: bands.Values[r, column])).ToList();
        var half = measured.Sum(b => b.Count) / 2.0;
        var before = 0L;
        for (var i = 0; i < measured.Count; i++)
        {
            var (from, count) = measured[i];
            if (before + count >= half && count > 0)
            {
                if (i == measured.Count - 1)
                {
                    return "over " + StatisticsLabels.Duration(from);
                }

                var width = measured[i + 1].From - from;
                return "about " + StatisticsLabels.Duration(from + width * (half - before) / count);
            }

            before += count;
        }

        return NotShown;
    }
}
