namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// A median is read from the bands' exact counts, so it is shown only where the bands hide nothing. Found by a review:
/// bands of 4 (15 to 60 minutes) and 2 (1 to 4 hours), both "&lt;5", gave "about 48 min": three quarters into the first
/// band, so 6 measured, the half (3) falling in a band of 4.
/// </summary>
public sealed class TimingSuppressionTests
{
    private const string Month = "2026-03";

    [Fact]
    public void A_median_read_from_bands_shown_as_small_is_not_shown()
    {
        var timing = Timing(bands: [0, 0, 4, 2, 0, 0, 0], notYet: 0, seconds: 6 * 2_000);

        Assert.Empty(timing.Median);
        Assert.Equal("Fewer than 5 cases were measured in this range, or the table \"Bands\" below hides a count, so no median or mean is shown.", timing.Withheld);
    }

    /// <summary>Every band a shown 0: the table says so itself, and on a page with nothing counted there is no table to point to.</summary>
    [Fact]
    public void Nothing_measured_says_so_without_pointing_at_a_table()
    {
        var timing = Timing(bands: [0, 0, 0, 0, 0, 0, 0], notYet: 6, seconds: 0);

        Assert.Equal("No case was measured in this range, so no median or mean is shown.", timing.Withheld);
    }

    /// <summary>Zeros shown as "&lt;5" (the month's total of 3 is not shown) do not say that nothing was measured: neither does the sentence.</summary>
    [Fact]
    public void Zeros_the_table_hides_are_not_said_to_be_zeros()
    {
        var timing = Timing(bands: [0, 0, 0, 0, 0, 0, 0], notYet: 3, seconds: 0);

        Assert.Equal("Fewer than 5 cases were measured in this range, or the table \"Bands\" below hides a count, so no median or mean is shown.", timing.Withheld);
    }

    [Fact]
    public void A_median_read_from_bands_all_shown_is_shown()
    {
        var timing = Timing(bands: [0, 0, 6, 5, 0, 0, 0], notYet: 0, seconds: 11 * 3_000);

        // 11 measured: the half (5.5) falls in the 6 of 15 to 60 minutes, 5.5/6 of the way: 56 minutes.
        Assert.Equal(["about 56 min", "about 56 min"], timing.Median);
    }

    private static TimingView Timing(long[] bands, long notYet, long seconds)
    {
        var codes = StatisticsKeys.TimeBands.Select(b => (Code: b.Code, Label: b.Code)).Append((Code: StatisticsKeys.NotYet, Label: "not yet")).ToList();
        var counts = codes.Select((code, r) => (code.Code, Count: r < bands.Length ? bands[r] : notYet))
            .ToDictionary(x => (Month, "band", x.Code), x => x.Count);
        var table = CountTable.Build("bands", "Bands", "Waited", "cases", "band", [.. codes.Select(c => (c.Code, c.Label))], [Month], counts);
        var marks = ConsistentSuppression.Apply([table]);
        return StatisticsViews.Timing("timing", "Timing", table, marks[0], new Dictionary<string, (long, long)> { [Month] = (bands.Sum(), seconds) }, FinalMonths.Headings);
    }
}
