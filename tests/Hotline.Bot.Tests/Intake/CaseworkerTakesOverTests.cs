namespace Hotline.Bot.Tests.Intake;

/// <summary>Once a caseworker has written on the open case, the conversation is theirs: the script stops asking.</summary>
public sealed class CaseworkerTakesOverTests
{
    [Theory, IntakeLanguageData]
    public void After_a_caseworker_has_written_a_yes_is_not_taken_as_consent(string language)
    {
        var host = InDangerWithCaseworker(language);

        var turn = host.Send("1");

        Assert.Empty(turn.Replies);
        // The reply may be to the caseworker: consent is never guessed, so nothing is recorded and the caseworker asks.
        Assert.Equal(["IntakeEnded(caseworker_wrote, [])"], turn.Events.Select(Describe));
    }

    [Fact]
    public void The_answer_to_the_last_question_given_after_a_caseworker_wrote_is_recorded_and_not_listed_as_left_to_ask()
    {
        var host = AtStep("en", "location");
        host.CaseworkerWrites();

        var turn = host.Send("Al Quoz, Dubai");

        Assert.Empty(turn.Replies);
        Assert.Equal(
        [
            "AnswerRecorded { StepId = location, AnswerCode = text, Text = Al Quoz, Dubai }",
            "IntakeEnded(caseworker_wrote, [])",
        ], turn.Events.Select(Describe));
    }

    [Fact]
    public void A_clear_answer_to_a_question_asked_before_the_caseworker_wrote_is_recorded_and_triaged()
    {
        var host = AtStep("en", "documents");
        host.CaseworkerWrites();

        var turn = host.Send("yes they took it");

        Assert.Empty(turn.Replies);
        Assert.Equal(
        [
            "AnswerRecorded { StepId = documents, AnswerCode = yes }",
            "PriorityChanged(Medium, 20, [documents_retained])",
            "IntakeEnded(caseworker_wrote, [wages, free_to_leave, debt, threats, deceived, hours, isolation, living, location])",
        ], turn.Events.Select(Describe));
    }

    [Fact]
    public void An_unclear_answer_after_a_caseworker_wrote_is_neither_asked_again_nor_recorded()
    {
        var host = AtStep("en", "wages");
        host.CaseworkerWrites();

        var turn = host.Send("who is this?");

        Assert.Empty(turn.Replies);
        Assert.Equal(
            ["IntakeEnded(caseworker_wrote, [wages, free_to_leave, debt, threats, deceived, hours, isolation, living, location])"],
            turn.Events.Select(Describe));
    }

    [Fact]
    public void No_after_a_caseworker_wrote_forgets_no_answer_given_before()
    {
        var host = InDangerWithCaseworker("en");

        var turn = host.Send("2");

        Assert.Empty(turn.Replies);
        Assert.Equal(["IntakeEnded(caseworker_wrote, [])"], turn.Events.Select(Describe));
        Assert.Contains("\"a\":{\"safe_now\":\"yes\",\"danger\":\"yes\"}", turn.State, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_safe_to_write_after_a_caseworker_wrote_goes_quiet_caseworker_included()
    {
        // An urgent word queued the case Critical before the safety question was answered, and a caseworker wrote at once.
        var host = new FakeHost(Engine, "en");
        host.Send("they beat me");
        host.CaseworkerWrites();

        var turn = host.Send("2");

        Assert.Equal(["OK. Write again when it is safe."], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], turn.Events.Select(Describe));
        Assert.Equal(["Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person."],
            host.Send("hello").Replies());
        var safe = host.Send("1");
        Assert.Empty(safe.Replies);
        Assert.Equal(["IntakeEnded(caseworker_wrote, [])"], safe.Events.Select(Describe));
    }

    [Fact]
    public void Until_a_caseworker_writes_the_intake_goes_on_after_a_danger_hand_off()
    {
        var host = AtSafetyQuestion("en");
        host.Send("1");
        host.Send("yes");

        var turn = host.Send("1");

        Assert.NotEmpty(turn.Replies);
    }

    [Fact]
    public void Stop_still_opts_out_while_a_caseworker_is_writing()
    {
        var host = InDangerWithCaseworker("en");

        var turn = host.Send("STOP");

        Assert.Equal(["OptedOut { Keyword = STOP }"], turn.Events.Select(Describe));
    }

    [Fact]
    public void A_message_after_the_case_is_closed_starts_the_intake_again()
    {
        var host = InDangerWithCaseworker("en");
        host.Send("1");
        host.CloseCase();

        var turn = host.Send("hello again");

        Assert.NotEmpty(turn.Replies);
    }

    /// <summary>Safe to text, danger answered yes (a critical case is open), then a caseworker wrote to the person.</summary>
    private static FakeHost InDangerWithCaseworker(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send("1");
        host.Send(Words(language).Yes[0]);
        host.CaseworkerWrites();
        return host;
    }
}
