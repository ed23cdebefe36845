namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// Found by a review: one triage reason ("threats or violence") gives two indicators and nothing gives either alone, so their
/// counts are always equal, and publishing both let a "&lt;5" be read off its twin. They are published as one row.
/// </summary>
public sealed class IndicatorRowsTests
{
    [Fact]
    public void Indicators_that_only_ever_come_together_are_one_row_and_the_others_one_each()
    {
        var rows = IndicatorMap.Default.PublishedRows;

        Assert.Equal(
        [
            ["abuse_of_vulnerability"], ["deception"], ["restriction_of_movement"], ["isolation"],
            ["physical_and_sexual_violence", "intimidation_and_threats"], ["retention_of_identity_documents"], ["withholding_of_wages"],
            ["debt_bondage"], ["abusive_working_and_living_conditions"], ["excessive_overtime"],
        ], rows);
    }
}
