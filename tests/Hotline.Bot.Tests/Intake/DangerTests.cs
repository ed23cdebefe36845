namespace Hotline.Bot.Tests.Intake;

public sealed class DangerTests
{
    [Theory, IntakeLanguageData]
    public void Danger_opens_a_critical_case_at_once_hands_off_and_gives_the_emergency_number(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send("1");

        var turn = host.Send(Words(language).Yes[0]);

        Assert.Equal([Text(language, "danger_help"), Text(language, "consent")], turn.Replies());
        Assert.Contains(Options.EmergencyNumber, turn.Replies()[0], StringComparison.Ordinal);
        Assert.Equal(
            [
                "CaseRequested(Critical, 100, [immediate_danger])",
                "HandoffRequested { Reason = danger }",
                "IntakeProgressed { StepId = consent, Question = 3, Questions = 13 }",
            ],
            turn.Events.Select(Describe));
    }

    [Fact]
    public void The_emergency_number_is_an_option()
    {
        var engine = new IntakeEngine(Script, TriageRules.LoadDefault(), new IntakeOptions { EmergencyNumber = "999" });
        var host = new FakeHost(engine, "en");
        host.Send("hi");
        host.Send("1");

        Assert.StartsWith("If you can, call 999 now.", host.Send("yes").Replies()[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Later_answers_that_change_the_triage_emit_priority_changed()
    {
        var host = AtSafetyQuestion("en");
        host.Send("1");
        host.Send("1");
        host.Send("1");

        var turn = host.Send("1");

        Assert.Equal(
            [
                "AnswerRecorded { StepId = documents, AnswerCode = yes }",
                "PriorityChanged(Critical, 120, [immediate_danger, documents_retained])",
                "IntakeProgressed { StepId = wages, Question = 5, Questions = 13 }",
            ],
            turn.Events.Select(Describe));
    }

    [Fact]
    public void An_answer_that_leaves_the_triage_as_it_was_emits_no_priority_change()
    {
        var host = AtSafetyQuestion("en");
        host.Send("1");
        host.Send("1");
        host.Send("1");

        var turn = host.Send("2");

        Assert.Equal(
            ["AnswerRecorded { StepId = documents, AnswerCode = no }", "IntakeProgressed { StepId = wages, Question = 5, Questions = 13 }"],
            turn.Events.Select(Describe));
    }

    [Fact]
    public void The_end_of_the_intake_after_danger_neither_reopens_the_case_nor_hands_off_twice()
    {
        var host = AtSafetyQuestion("en");
        host.Send("1");
        host.Send("1");
        host.Send("1");
        for (var i = 0; i < 9; i++)
        {
            host.Send("2");
        }

        var turn = host.Send("Doha");

        Assert.Equal(Text("en", "done"), turn.Reply());
        Assert.Equal(
            ["AnswerRecorded { StepId = location, AnswerCode = text, Text = Doha }", "IntakeEnded(intake_complete, [])"],
            turn.Events.Select(Describe));
    }
}
