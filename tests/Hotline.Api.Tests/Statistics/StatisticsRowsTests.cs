namespace Hotline.Api.Tests.Statistics;

/// <summary>The languages' rows: by code, any value ever counted among them, and "not yet known" last rather than between Telugu and Urdu.</summary>
public sealed class StatisticsRowsTests
{
    [Fact]
    public void Languages_are_by_code_with_not_yet_known_last()
    {
        var rows = StatisticsRows.Languages(["ne", "en", "ar"], ["pt", "und", "en"]);

        Assert.Equal(["ar", "en", "ne", "pt", "und"], rows.Select(r => r.Code));
    }

    [Fact]
    public void With_nothing_counted_every_intake_language_and_not_yet_known_are_rows()
    {
        var rows = StatisticsRows.Languages(["te", "ur"], []);

        Assert.Equal(["te", "ur", "und"], rows.Select(r => r.Code));
    }
}
