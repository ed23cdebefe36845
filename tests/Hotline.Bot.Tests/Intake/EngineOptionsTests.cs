namespace Hotline.Bot.Tests.Intake;

public sealed class EngineOptionsTests
{
    public static TheoryData<IntakeOptions> Invalid() => new(
        new IntakeOptions { DiscreetWord = "" },
        new IntakeOptions { DiscreetWord = "stop" },
        new IntakeOptions { DiscreetWord = "YES" },
        new IntakeOptions { DiscreetWord = "ndiyo" },
        new IntakeOptions { DiscreetWord = new string('x', 41) },
        new IntakeOptions { EmergencyNumber = "" },
        new IntakeOptions { EmergencyNumber = "call 999" },
        new IntakeOptions { EmergencyNumber = "+12345678901234567" },
        new IntakeOptions { ExpectedWaitMinutes = 0 },
        new IntakeOptions { ExpectedWaitMinutes = 10_000 },
        new IntakeOptions { UnansweredHandoffAfter = TimeSpan.Zero });

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Options_that_could_break_a_reply_or_a_word_are_refused_at_construction(IntakeOptions options)
    {
        Assert.Throws<ArgumentException>(() => new IntakeEngine(Script, TriageRules.LoadDefault(), options));
    }

    [Fact]
    public void The_defaults_are_a_plausible_discreet_word_a_thirty_minute_handoff_and_a_GSM_emergency_number()
    {
        var options = new IntakeOptions();

        Assert.Equal(("recipe", "112", 15, TimeSpan.FromMinutes(30)), (options.DiscreetWord, options.EmergencyNumber, options.ExpectedWaitMinutes, options.UnansweredHandoffAfter));
    }

    [Fact]
    public void A_triage_rule_on_a_step_the_script_lacks_is_refused_at_construction()
    {
        const string rules = """
            { "version": 1,
              "bands": [ { "band": "Critical", "min_score": 80 }, { "band": "High", "min_score": 45 }, { "band": "Medium", "min_score": 15 }, { "band": "Low", "min_score": 0 } ],
              "rules": [ { "reason": "passport_burnt", "step": "passport_burnt", "answer": "yes", "indicators": [], "points": 5 } ] }
            """;
        var triage = TriageRules.Load(new MemoryStream(Encoding.UTF8.GetBytes(rules)), "test-rules.json");

        var error = Assert.Throws<ArgumentException>(() => new IntakeEngine(Script, triage, new IntakeOptions()));

        Assert.Contains("passport_burnt", error.Message, StringComparison.Ordinal);
    }
}
