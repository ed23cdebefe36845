namespace Hotline.Bot.Tests.Intake;

public sealed class FullIntakeTests
{
    [Theory, IntakeLanguageData]
    public void A_whole_intake_runs_in_the_persons_language_from_menu_to_handoff(string language)
    {
        var host = new FakeHost(Engine);
        var yes = Words(language).Yes[0];
        var no = Words(language).No[0];

        Assert.Equal(Menu(), host.Send("...").Replies());
        Step(host, MenuNumber(language), "safe_now");
        Assert.Equal(language, host.Snapshot.Language);
        Step(host, "1", "danger");
        Step(host, no, "consent");
        // Consent answered: the case is queued now, with a provisional triage, and the questions go on while it waits.
        Step(host, yes, "documents", "CaseRequested(Low, 0, [])", "AnswerRecorded { StepId = consent, AnswerCode = yes }", Progress("documents", 4));
        Step(host, $"  {yes.ToUpperInvariant()}! ", "wages", "AnswerRecorded { StepId = documents, AnswerCode = yes }",
            "PriorityChanged(Medium, 20, [documents_retained])", Progress("wages", 5));
        Step(host, "1", "free_to_leave", "AnswerRecorded { StepId = wages, AnswerCode = yes }",
            "PriorityChanged(Medium, 35, [documents_retained, wages_withheld])", Progress("free_to_leave", 6));
        Step(host, yes, "debt", "AnswerRecorded { StepId = free_to_leave, AnswerCode = yes }", Progress("debt", 7));
        Step(host, "2", "threats", "AnswerRecorded { StepId = debt, AnswerCode = no }", Progress("threats", 8));
        Step(host, no, "deceived", "AnswerRecorded { StepId = threats, AnswerCode = no }", Progress("deceived", 9));
        Step(host, "1", "hours", "AnswerRecorded { StepId = deceived, AnswerCode = yes }",
            "PriorityChanged(High, 45, [documents_retained, wages_withheld, deceived_about_job])", Progress("hours", 10));
        Step(host, "1", "isolation", "AnswerRecorded { StepId = hours, AnswerCode = yes }",
            "PriorityChanged(High, 55, [documents_retained, wages_withheld, deceived_about_job, excessive_hours])", Progress("isolation", 11));
        Step(host, "2", "living", "AnswerRecorded { StepId = isolation, AnswerCode = no }", Progress("living", 12));
        Step(host, "2", "location", "AnswerRecorded { StepId = living, AnswerCode = no }", Progress("location", 13));

        var last = host.Send("Near the big mall, Al Quoz 3");

        Assert.Equal(Text(language, "done"), last.Reply());
        Assert.Equal(
            [
                "AnswerRecorded { StepId = location, AnswerCode = text, Text = Near the big mall, Al Quoz 3 }",
                "HandoffRequested { Reason = intake_complete }",
                "IntakeEnded(intake_complete, [])",
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
    public void Writing_again_after_the_case_was_closed_opens_a_new_case_at_once_and_starts_a_new_intake_in_the_same_language()
    {
        var host = AtSafetyQuestion("sw");
        host.Send("0");
        host.CloseCase();

        var turn = host.Send("habari tena");

        Assert.Equal(Text("sw", "safe_now"), turn.Reply());
        var requested = Assert.IsType<CaseRequested>(turn.Events[0]);
        Assert.Equal((PriorityBand.Low, 0, 0), (requested.Priority, requested.Score, requested.Reasons.Count));
        Assert.Equal(new WaitsUntilSafe("returned"), turn.Events[1]);
        Assert.Equal(new IntakeProgressed("safe_now", 1, 13), turn.Events[2]);
        Assert.Equal(3, turn.Events.Count);
    }

    /// <summary>
    /// A newcomer's finding: the returning person's case opened at once (right, so a caseworker sees the message), and her
    /// "Hello again, are you OK?" reached the phone under the unanswered "Is it safe for you to write now?". Months may have
    /// passed and the phone changed hands: nobody writes before the answer, as at a first message, where no case exists yet.
    /// </summary>
    [Theory]
    [InlineData("en", "thank you", "yes")]
    [InlineData("ar", "شكرا", "1")]
    public void A_returning_person_is_written_to_only_once_they_say_it_is_safe(string language, string again, string yes)
    {
        var host = AtFirstQuestion(language);
        host.Send("0");
        host.CloseCase();

        var returning = host.Send(again);
        var writableWhenAsked = host.Writable;
        var unclear = host.Send("?");
        var safe = host.Send(yes);

        Assert.Equal([Text(language, "safe_now")], returning.Replies());
        Assert.Contains(new WaitsUntilSafe("returned"), returning.Events);
        Assert.False(writableWhenAsked);
        Assert.Contains(new WaitsUntilSafe("returned"), unclear.Events);
        Assert.Equal([Text(language, "danger")], safe.Replies());
        Assert.True(host.Writable);
    }

    /// <summary>Danger in the returning message lets a caseworker write at once, as at a first message: the number, the question, and her.</summary>
    [Fact]
    public void A_returning_person_who_writes_an_urgent_word_can_be_written_to_at_once()
    {
        var host = AtFirstQuestion("en");
        host.Send("0");
        host.CloseCase();

        var returning = host.Send("they locked me in again");

        Assert.Equal([Text("en", "distress"), Text("en", "safe_now")], returning.Replies());
        Assert.DoesNotContain(returning.Events, e => e is WaitsUntilSafe);
        Assert.True(host.Writable);
    }

    [Fact]
    public void A_returning_person_who_says_it_is_not_safe_goes_quiet()
    {
        var host = AtFirstQuestion("en");
        host.Send("0");
        host.CloseCase();
        host.Send("hello again");

        var notSafe = host.Send("2");

        Assert.Equal([Text("en", "not_safe")], notSafe.Replies());
        Assert.Contains(new WentQuiet("not_safe_now"), notSafe.Events);
        Assert.False(host.Writable);
    }

    /// <summary>The case was closed while its intake still asked (a caseworker had written, or closed it as it waited).</summary>
    [Fact]
    public void Writing_again_after_the_case_was_closed_while_the_intake_still_asked_starts_a_new_intake_and_a_new_case()
    {
        var host = AtFirstQuestion("en");
        host.Send("2");
        Assert.True(host.Snapshot.HasOpenCase);
        host.CloseCase();

        var turn = host.Send("when will the shelter call me?");

        Assert.Equal(Text("en", "safe_now"), turn.Reply());
        Assert.IsType<CaseRequested>(turn.Events[0]);
    }

    [Fact]
    public void Help_after_the_case_was_closed_while_the_intake_still_asked_begins_again_as_a_first_help_does()
    {
        var host = AtFirstQuestion("en");
        host.Send("2");
        host.CloseCase();

        var turn = host.Send("help");

        Assert.Equal(Text("en", "safe_now"), turn.Reply());
        Assert.IsType<CaseRequested>(turn.Events[0]);
    }

    [Fact]
    public void An_intake_whose_case_was_closed_while_it_still_asked_hands_nothing_off_when_the_person_stays_silent()
    {
        var host = AtFirstQuestion("en");
        host.Send("2");
        host.CloseCase();

        var tick = host.Tick(TimeSpan.FromHours(5));

        Assert.Empty(tick.Replies);
        Assert.Empty(tick.Events);
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

    private static void Step(FakeHost host, string answer, string expectedStep, params string[] expectedEvents)
    {
        var turn = host.Send(answer);
        Assert.Equal(Text(host.Snapshot.Language!, expectedStep), turn.Reply());
        Assert.Equal(expectedEvents, turn.Events.Select(Describe));
    }

    private static string Progress(string step, int question) => $"IntakeProgressed {{ StepId = {step}, Question = {question}, Questions = 13 }}";
}
