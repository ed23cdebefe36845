using Hotline.Bot.ConversationContract;
using Hotline.Bot.Tests.Intake.Support;
using static Hotline.Bot.Tests.Intake.Support.Intake;

namespace Hotline.Bot.Tests.Intake;

public sealed class FullIntakeTests
{
    [Theory]
    [MemberData(nameof(AllTags), MemberType = typeof(Support.Intake))]
    public void A_whole_intake_runs_in_the_persons_language_from_menu_to_handoff(string language)
    {
        var host = new FakeHost(Engine);
        var yes = Words(language).Yes[0];
        var no = Words(language).No[0];

        Assert.Equal(Script.LanguageMenu, host.Send("...").Reply());
        Step(host, MenuNumber(language), "safe_now");
        Assert.Equal(language, host.Snapshot.Language);
        Step(host, "1", "danger");
        Step(host, no, "consent");
        Step(host, yes, "documents", new AnswerRecorded("consent", "yes"));
        Step(host, $"  {yes.ToUpperInvariant()}! ", "wages", new AnswerRecorded("documents", "yes"));
        Step(host, "1", "free_to_leave", new AnswerRecorded("wages", "yes"));
        Step(host, yes, "debt", new AnswerRecorded("free_to_leave", "yes"));
        Step(host, "2", "threats", new AnswerRecorded("debt", "no"));
        Step(host, no, "deceived", new AnswerRecorded("threats", "no"));
        Step(host, "1", "hours", new AnswerRecorded("deceived", "yes"));
        Step(host, "1", "isolation", new AnswerRecorded("hours", "yes"));
        Step(host, "2", "living", new AnswerRecorded("isolation", "no"));
        Step(host, "2", "location", new AnswerRecorded("living", "no"));

        var last = host.Send("Near the big mall, Al Quoz 3");

        Assert.Equal(Text(language, "done"), last.Reply());
        Assert.Equal(
            [
                "CaseRequested(High, 55, [documents_retained, wages_withheld, deceived_about_job, excessive_hours])",
                "AnswerRecorded { StepId = consent, AnswerCode = yes }",
                "AnswerRecorded { StepId = documents, AnswerCode = yes }",
                "AnswerRecorded { StepId = wages, AnswerCode = yes }",
                "AnswerRecorded { StepId = free_to_leave, AnswerCode = yes }",
                "AnswerRecorded { StepId = debt, AnswerCode = no }",
                "AnswerRecorded { StepId = threats, AnswerCode = no }",
                "AnswerRecorded { StepId = deceived, AnswerCode = yes }",
                "AnswerRecorded { StepId = hours, AnswerCode = yes }",
                "AnswerRecorded { StepId = isolation, AnswerCode = no }",
                "AnswerRecorded { StepId = living, AnswerCode = no }",
                "AnswerRecorded { StepId = location, AnswerCode = text, Text = Near the big mall, Al Quoz 3 }",
                "HandoffRequested { Reason = intake_complete }",
            ],
            last.Events.Select(Describe));
        Assert.Equal(language, last.Language);
    }

    [Fact]
    public void After_the_handoff_the_engine_is_silent_while_the_case_is_open()
    {
        var host = AtFirstQuestion("en");
        foreach (var _ in Enumerable.Range(0, 10))
        {
            host.Send("2");
        }

        host.Send("Sharjah");
        var later = host.Send("hello? anyone there?");

        Assert.Empty(later.Replies);
        Assert.Empty(later.Events);
    }

    [Fact]
    public void Writing_again_after_the_case_was_closed_starts_a_new_intake_in_the_same_language()
    {
        var host = AtSafetyQuestion("sw");
        host.Send("0");
        host.CloseCase();

        var turn = host.Send("habari tena");

        Assert.Equal(Text("sw", "safe_now"), turn.Reply());
        Assert.Empty(turn.Events);
    }

    [Fact]
    public void The_place_they_give_is_recorded_with_its_text_for_the_host_to_store_encrypted()
    {
        var host = AtFirstQuestion("en");
        for (var i = 0; i < 9; i++)
        {
            host.Send("2");
        }

        var turn = host.Send("Building 7, Al Nahda");

        Assert.Contains("Building 7, Al Nahda", turn.State);
        Assert.Contains(new AnswerRecorded("location", "text", "Building 7, Al Nahda"), turn.Events);
    }

    private static void Step(FakeHost host, string answer, string expectedStep, params EngineEvent[] expectedEvents)
    {
        var turn = host.Send(answer);
        Assert.Equal(Text(host.Snapshot.Language!, expectedStep), turn.Reply());
        Assert.Equal(expectedEvents.Select(Describe), turn.Events.Select(Describe));
    }
}
