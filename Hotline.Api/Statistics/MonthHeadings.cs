namespace Hotline.Api.Statistics;

/// <summary>
/// A month as a column heading of a table, alike in the JSON, the CSV and the charts:
/// the month still running is headed "so far"; a month over, in a table of what comes after it (outcomes, first replies,
/// referrals: <see cref="StatisticsKeys.ArrivesLate"/>), "provisional until" the day they become final
/// (<see cref="StatisticsKeys.FinalOn(string, TimeSpan)"/>); a final month by its name alone, as is every month over in the
/// other tables. Only the counts under a heading of the first two kinds ever change, so a reader who sets two readings of a
/// table side by side is told when they may differ.
/// </summary>
public sealed record MonthHeadings(DateTimeOffset Now, TimeSpan FinalAfter)
{
    public string Of(string month, string dimension)
    {
        var name = StatisticsLabels.Month(month);
        var running = StatisticsKeys.MonthOf(Now);
        if (month == running)
        {
            return name + " (so far)";
        }

        var final = StatisticsKeys.FinalOn(new StatisticsKey(month, dimension, "", 0), FinalAfter);
        return string.CompareOrdinal(month, running) < 0 && Now < final
            ? $"{name} (provisional until {final.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})"
            : name;
    }

    /// <summary>When a month's figures become final, in words: "90 days after the month ends".</summary>
    public static string FinalWhen(TimeSpan finalAfter) => (int)finalAfter.TotalDays switch
    {
        0 => "when the month ends",
        1 => "1 day after the month ends",
        var days => $"{days} days after the month ends",
    };
}
