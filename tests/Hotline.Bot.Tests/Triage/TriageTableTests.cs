namespace Hotline.Bot.Tests.Triage;

public sealed class TriageTableTests
{
    private static readonly TriageRules Rules = TriageRules.LoadDefault();

    public static TheoryData<string> EveryAnswerRow() => new(Rules.Rules.Where(r => !r.IsCombination).Select(r => r.Reason));

    /// <summary>
    /// The golden table: each row of triage-rules.json with the answers that trigger it and, written out by hand
    /// from the table, the reasons, score, band and indicators a case gets. A change to the table must change
    /// these lines too.
    /// </summary>
    [Theory]
    [InlineData("danger=yes", "immediate_danger", 100, PriorityBand.Critical, "")]
    [InlineData("danger=unknown", "danger_unclear", 45, PriorityBand.High, "")]
    [InlineData("threats=yes", "threats_or_violence", 30, PriorityBand.High, "intimidation_and_threats physical_and_sexual_violence")]
    [InlineData("free_to_leave=no", "not_free_to_leave", 25, PriorityBand.High, "restriction_of_movement")]
    [InlineData("documents=yes", "documents_retained", 20, PriorityBand.Medium, "retention_of_identity_documents")]
    [InlineData("debt=yes", "debt_to_employer", 20, PriorityBand.Medium, "debt_bondage")]
    [InlineData("wages=yes", "wages_withheld", 15, PriorityBand.Medium, "withholding_of_wages")]
    [InlineData("isolation=yes", "isolated", 15, PriorityBand.Medium, "isolation")]
    [InlineData("deceived=yes", "deceived_about_job", 10, PriorityBand.Low, "deception")]
    [InlineData("hours=yes", "excessive_hours", 10, PriorityBand.Low, "excessive_overtime")]
    [InlineData("living=yes", "poor_living_conditions", 10, PriorityBand.Low, "abusive_working_and_living_conditions")]
    [InlineData("documents=yes debt=yes", "documents_retained debt_to_employer dependent_on_employer", 55, PriorityBand.High,
        "abuse_of_vulnerability debt_bondage retention_of_identity_documents")]
    public void Each_row_gives_the_reasons_score_band_and_indicators_of_the_golden_table(
        string answers, string reasons, int score, PriorityBand band, string indicators)
    {
        var given = answers.Split(' ').Select(a => a.Split('=')).ToDictionary(a => a[0], a => a[1]);

        var result = Rules.Evaluate(given);

        Assert.Equal(reasons.Split(' '), result.Reasons);
        Assert.Equal(score, result.Score);
        Assert.Equal(band, result.Band);
        Assert.Equal(indicators.Split(' ', StringSplitOptions.RemoveEmptyEntries), result.Indicators.Select(i => i.Code()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_golden_table_covers_every_row()
    {
        Assert.Equal(
            ["immediate_danger", "danger_unclear", "threats_or_violence", "not_free_to_leave", "documents_retained", "debt_to_employer", "wages_withheld",
             "isolated", "deceived_about_job", "excessive_hours", "poor_living_conditions", "dependent_on_employer"],
            Rules.Rules.Select(r => r.Reason));
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
}
