namespace Hotline.Api.Tests.Statistics;

public sealed class MonthRangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_range_means_the_last_twelve_months_up_to_this_one()
    {
        var (range, error) = MonthRange.Parse(null, null, Now);

        Assert.Null(error);
        Assert.Equal(("2025-12", "2026-11", 12), (range!.FromKey, range.ToKey, range.Months.Count));
    }

    /// <summary>Read on 27 November 2026: December to February have not begun, so the range ends with November.</summary>
    [Fact]
    public void A_range_that_ends_in_the_future_ends_with_this_month()
    {
        var (range, error) = MonthRange.Parse("2026-09", "2027-02", Now);

        Assert.Null(error);
        Assert.Equal(["2026-09", "2026-10", "2026-11"], range!.Months);
    }

    /// <summary>Up to 36 months are counted from 'from' to this month, however far ahead 'to' is.</summary>
    [Fact]
    public void A_range_is_measured_up_to_this_month_when_it_ends_in_the_future()
    {
        var (range, error) = MonthRange.Parse("2023-12", "2027-06", Now);

        Assert.Null(error);
        Assert.Equal(("2023-12", "2026-11", 36), (range!.FromKey, range.ToKey, range.Months.Count));
    }

    [Theory]
    [InlineData("2026-06", "2026-01", "after")]
    [InlineData("2026-13", "2026-12", "year and month")]
    [InlineData("2026-01", null, "year and month")]
    [InlineData("last week", "2026-02", "year and month")]
    [InlineData("2023-01", "2026-06", "at most 36")]
    [InlineData("2027-01", "2027-02", "future")]
    [InlineData("1999-01", "1999-06", "2000")]
    public void A_range_that_makes_no_sense_is_refused_with_the_reason(string? from, string? to, string reason)
    {
        var (range, error) = MonthRange.Parse(from, to, Now);

        Assert.Null(range);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
