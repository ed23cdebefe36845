using Hotline.Bot.Triage;

namespace Hotline.Bot.Tests.Triage;

public sealed class TriageTableTests
{
    private static readonly TriageRules Rules = TriageRules.LoadDefault();

    public static TheoryData<string> EveryRow() => new(Rules.Rules.Select(r => r.Reason));

    public static TheoryData<string> EveryAnswerRow() => new(Rules.Rules.Where(r => !r.IsCombination).Select(r => r.Reason));

    [Theory]
    [MemberData(nameof(EveryRow))]
    public void Each_row_adds_its_reason_points_indicators_and_band_floor(string reason)
    {
        var row = Rules.Rules.Single(r => r.Reason == reason);
        var rows = RowsNeededFor(row);
        var answers = rows.Where(r => !r.IsCombination).ToDictionary(r => r.Step!, r => r.Answer!);

        var result = Rules.Evaluate(answers);

        Assert.Equal(rows.Select(r => r.Reason), result.Reasons);
        Assert.Equal(rows.Sum(r => r.Points), result.Score);
        Assert.Superset(row.Indicators.ToHashSet(), result.Indicators.ToHashSet());
        var floor = rows.Max(r => r.AtLeast ?? PriorityBand.Low);
        Assert.Equal((PriorityBand)Math.Max((int)floor, (int)Rules.BandFor(result.Score)), result.Band);
    }

    [Theory]
    [MemberData(nameof(EveryAnswerRow))]
    public void A_row_does_not_apply_to_the_other_answer(string reason)
    {
        var row = Rules.Rules.Single(r => r.Reason == reason);
        var other = row.Answer == "yes" ? "no" : "yes";

        Assert.DoesNotContain(reason, Rules.Evaluate(new Dictionary<string, string> { [row.Step!] = other }).Reasons);
    }

    [Fact]
    public void Immediate_danger_is_always_critical_even_when_nothing_else_is_wrong()
    {
        var answers = Rules.Rules.Where(r => !r.IsCombination).GroupBy(r => r.Step!).ToDictionary(g => g.Key, g => g.First().Answer == "yes" ? "no" : "yes");
        answers["danger"] = "yes";

        var result = Rules.Evaluate(answers);

        Assert.Equal(PriorityBand.Critical, result.Band);
        Assert.Equal(["immediate_danger"], result.Reasons);
    }

    [Fact]
    public void No_answers_are_low_with_no_reasons()
    {
        Assert.Equal((PriorityBand.Low, 0, 0), Summary(Rules.Evaluate(new Dictionary<string, string>())));
    }

    [Theory]
    [InlineData(0, PriorityBand.Low)]
    [InlineData(14, PriorityBand.Low)]
    [InlineData(15, PriorityBand.Medium)]
    [InlineData(44, PriorityBand.Medium)]
    [InlineData(45, PriorityBand.High)]
    [InlineData(79, PriorityBand.High)]
    [InlineData(80, PriorityBand.Critical)]
    public void The_score_thresholds_set_the_band(int score, PriorityBand band)
    {
        Assert.Equal(band, Rules.BandFor(score));
    }

    [Fact]
    public void Every_ILO_indicator_can_be_reached_from_some_row()
    {
        Assert.Equal(IloIndicators.All.ToHashSet(), Rules.Rules.SelectMany(r => r.Indicators).ToHashSet());
    }

    [Fact]
    public void Every_reason_code_is_stable_snake_case()
    {
        Assert.All(Rules.Rules, r => Assert.Matches("^[a-z]+(_[a-z]+)*$", r.Reason));
    }

    [Fact]
    public void Indicator_codes_are_the_ILO_names_in_snake_case()
    {
        Assert.Equal(
            ["abuse_of_vulnerability", "deception", "restriction_of_movement", "isolation", "physical_and_sexual_violence",
             "intimidation_and_threats", "retention_of_identity_documents", "withholding_of_wages", "debt_bondage",
             "abusive_working_and_living_conditions", "excessive_overtime"],
            IloIndicators.All.Select(i => i.Code()));
    }

    private static (PriorityBand, int, int) Summary(TriageResult result) => (result.Band, result.Score, result.Reasons.Count);

    // A combination row needs the rows it names; those are answer rows in the default table.
    private static List<TriageRule> RowsNeededFor(TriageRule row) =>
        row.IsCombination
            ? Rules.Rules.Where(r => row.WhenAll.Contains(r.Reason)).Append(row).ToList()
            : [row];
}
