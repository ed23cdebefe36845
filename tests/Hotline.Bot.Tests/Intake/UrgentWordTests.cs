namespace Hotline.Bot.Tests.Intake;

/// <summary>An urgent word makes the case Critical at once, says which word, and tells the number only where it is safe to.</summary>
public sealed class UrgentWordTests
{
    [Theory, IntakeLanguageData]
    public void Every_language_has_urgent_words(string language)
    {
        Assert.NotEmpty(Words(language).Urgent);
    }

    [Fact]
    public void An_urgent_first_message_opens_a_critical_case_with_the_word_as_the_reason_and_tells_the_number()
    {
        var turn = new FakeHost(Engine).Send("my boss took my passport and they locked me in");

        Assert.Equal([Text("en", "distress"), .. Menu()], turn.Replies());
        Assert.Equal(
            [
                "CaseRequested(Critical, 100, [urgent_word])",
                "HandoffRequested { Reason = urgent_word }",
                "UrgentWordMatched { Word = locked me, Language = en }",
            ],
            turn.Events.Select(Describe));
    }

    /// <summary>A newcomer's walk: "they lock us in at night" opened a Low case with a triage score of 0.</summary>
    [Theory]
    [InlineData("they lock us in at night", "lock us in")]
    [InlineData("the boss locks us in the room", "locks us in")]
    [InlineData("he locked us in again", "locked us in")]
    [InlineData("they lock me in when they leave", "lock me in")]
    [InlineData("at night the agent locks us up", "locks us up")]
    [InlineData("they lock the door at night", "lock the door")]
    [InlineData("we are locked inside the house", "locked inside")]
    [InlineData("this is the room where he locks me", "locks me")]
    [InlineData("she keeps locking me in the kitchen", "locking me")]
    public void Being_locked_in_together_or_alone_is_urgent(string message, string word)
    {
        var turn = new FakeHost(Engine).Send(message);

        Assert.Contains("CaseRequested(Critical, 100, [urgent_word])", turn.Events.Select(Describe));
        Assert.Contains($"UrgentWordMatched {{ Word = {word}, Language = en }}", turn.Events.Select(Describe));
    }

    [Fact]
    public void An_urgent_word_in_a_waiting_case_raises_it_to_critical_and_asks_the_same_question_again()
    {
        var host = AtFirstQuestion("hi");

        var turn = host.Send("मालिक मारता है");

        Assert.Equal([Text("hi", "distress"), Text("hi", "documents")], turn.Replies());
        Assert.Equal(
            [
                "PriorityChanged(Critical, 100, [urgent_word])",
                "HandoffRequested { Reason = urgent_word }",
                "UrgentWordMatched { Word = मारता है, Language = hi }",
            ],
            turn.Events.Select(Describe));
    }

    [Fact]
    public void An_answer_with_an_urgent_word_is_recorded_and_the_number_is_told_once()
    {
        var host = AtFirstQuestion("en");

        var first = host.Send("yes and he beats me");
        var second = host.Send("yes he beat me again");

        Assert.Equal([Text("en", "distress"), Text("en", "wages")], first.Replies());
        Assert.Contains(new AnswerRecorded("documents", "yes"), first.Events);
        Assert.Contains("PriorityChanged(Critical, 120, [urgent_word, documents_retained])", first.Events.Select(Describe));
        Assert.Equal([Text("en", "free_to_leave")], second.Replies());
        Assert.Contains(new UrgentWordMatched("beat me", "en"), second.Events);
    }

    [Fact]
    public void Drawn_out_letters_and_another_languages_word_still_match()
    {
        var host = AtFirstQuestion("en");

        var turn = host.Send("they are HITTTING ME, wananipiga");

        Assert.Contains(new UrgentWordMatched("hitting me", "en"), turn.Events);
    }

    /// <summary>Matched out of sight: the case rises, the phone gets only the safety question (WaitsUntilSafeCryTests).</summary>
    [Fact]
    public void After_the_discreet_word_an_urgent_word_raises_the_case_and_tells_no_number()
    {
        var host = AtFirstQuestion("en");
        host.Send("recipe");

        var turn = host.Send("who is this? he beats me");

        Assert.Contains(new UrgentWordMatched("beats me", "en"), turn.Events);
        Assert.Equal([Text("en", "safe_now")], turn.Replies());
    }

    [Fact]
    public void An_urgent_word_while_quiet_raises_the_case_but_sends_no_number()
    {
        var host = AtSafetyQuestion("en");
        host.Send("2");

        var turn = host.Send("he is beating me");

        Assert.Equal([Text("en", "safe_now")], turn.Replies());
        Assert.Contains("CaseRequested(Critical, 100, [urgent_word])", turn.Events.Select(Describe));
    }

    [Fact]
    public void An_urgent_word_after_stop_raises_the_case_and_sends_nothing()
    {
        var host = AtFirstQuestion("sw");
        host.Send("STOP");

        var turn = host.Send("wananipiga");

        Assert.Empty(turn.Replies);
        Assert.Contains("PriorityChanged(Critical, 100, [urgent_word])", turn.Events.Select(Describe));
    }

    [Fact]
    public void Once_a_caseworker_has_written_an_urgent_word_raises_the_case_without_an_automatic_reply()
    {
        var host = AtFirstQuestion("en");
        host.CaseworkerWrites();

        var turn = host.Send("police came, they hit me");

        Assert.Empty(turn.Replies);
        Assert.Contains("PriorityChanged(Critical, 100, [urgent_word])", turn.Events.Select(Describe));
    }
}
