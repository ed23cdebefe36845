namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// A message longer than a short answer, written after STOP: nothing reaches the phone (it opted out), but the message reaches
/// a case a caseworker reads, opened out of sight with the reason <c>wrote_while_opted_out</c>. A short message, START, HELP
/// and the discreet word after STOP do what they did.
/// </summary>
public sealed class WrittenWhileOptedOutTests
{
    private const string Plea = "please I need someone to know, they keep us in the house";

    /// <summary>Before, it got nothing (right) and opened nothing: nobody read it.</summary>
    [Fact]
    public void After_stop_a_longer_message_gets_nothing_and_opens_a_case_out_of_sight()
    {
        var host = AtSafetyQuestion("en");
        host.Send("STOP");

        var turn = host.Send(Plea);

        Assert.Empty(turn.Replies);
        // The case says which question the intake holds, as one an urgent word opens after STOP does.
        Assert.Equal(
            ["CaseRequested(Low, 0, [wrote_while_opted_out])", "IntakeProgressed { StepId = safe_now, Question = 1, Questions = 13 }"],
            turn.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    /// <summary>START gets what it got: the opt-in's confirmation and the question they were on, the case already open.</summary>
    [Fact]
    public void After_a_longer_message_start_gets_the_opt_in_and_the_question_they_were_on()
    {
        var host = AtSafetyQuestion("en");
        host.Send("STOP");
        host.Send(Plea);

        var turn = host.Send("START");

        Assert.Equal([Text("en", "opted_in"), Text("en", "safe_now")], turn.Replies());
        Assert.Equal(["OptedIn { Keyword = START }"], turn.Events.Select(Describe));
    }

    /// <summary>After the discreet word, then STOP: opting out is what holds every reply now, and the reason says so.</summary>
    [Fact]
    public void After_the_discreet_word_and_stop_a_longer_message_opens_a_case_saying_the_person_opted_out()
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");
        host.Send("STOP");

        var turn = host.Send(Plea);

        Assert.Empty(turn.Replies);
        Assert.Contains("CaseRequested(Medium, 15, [discreet_word, wrote_while_opted_out])", turn.Events.Select(Describe));
        Assert.Equal([Text("en", "safe_now")], host.Send("START").Replies());
    }

    [Fact]
    public void After_stop_an_urgent_word_in_a_longer_message_makes_the_case_critical_and_sends_nothing()
    {
        var host = AtSafetyQuestion("en");
        host.Send("STOP");

        var turn = host.Send("they keep us in the house, he beats me");

        Assert.Empty(turn.Replies);
        Assert.Equal(
            ["CaseRequested(Critical, 100, [urgent_word])", "HandoffRequested { Reason = urgent_word }", "UrgentWordMatched { Word = beats me, Language = en }"],
            turn.Events.Select(Describe).Take(3));
    }

    /// <summary>A case queued already is where the message goes: nothing more is opened or re-triaged.</summary>
    [Fact]
    public void After_stop_a_longer_message_on_a_queued_case_changes_nothing_on_it()
    {
        var host = AtFirstQuestion("en");
        host.Send("STOP");

        var turn = host.Send(Plea);

        Assert.Empty(turn.Replies);
        Assert.Empty(turn.Events);
    }

    /// <summary>
    /// The closed case's intake, its answers and its band belonged to that case (as when they write again without STOP): the
    /// new case starts from nothing but this message. Before, it opened Critical with the closed intake's reasons, and every
    /// answer they had agreed to keep for that case was recorded again on the new one.
    /// </summary>
    [Fact]
    public void After_stop_on_a_closed_case_a_longer_message_opens_a_new_case_without_the_closed_intakes_answers()
    {
        var host = ClosedAfterAnsweringInDanger();
        host.Send("STOP");

        var turn = host.Send(Plea);

        Assert.Empty(turn.Replies);
        Assert.Equal(
            ["CaseRequested(Low, 0, [wrote_while_opted_out])", "WaitsUntilSafe { Cause = returned }", "IntakeProgressed { StepId = safe_now, Question = 1, Questions = 13 }"],
            turn.Events.Select(Describe));
        Assert.False(host.Writable);
        Assert.Equal([Text("en", "opted_in"), Text("en", "safe_now")], host.Send("START").Replies());
    }

    /// <summary>
    /// With no language known, the new intake waits at the language menu, before the safety question: START asks the menu, and
    /// the turn waits until it is safe. Before, START got only the opt-in's confirmation and no <c>WaitsUntilSafe</c>, so the host
    /// let a caseworker write to a phone nobody had said was safe (IntakePropertyTests, seed 2jR6m8b3Nvo2).
    /// </summary>
    [Fact]
    public void After_stop_on_a_closed_case_with_no_language_known_start_asks_the_menu_and_the_new_case_waits_until_it_is_safe()
    {
        var host = new FakeHost(Engine);
        Assert.Equal(Menu("en"), host.Send("xq zv").Replies());
        host.Send("0");
        host.Send("STOP");
        host.CloseCase();
        host.Send(Plea);

        var turn = host.Send("START");

        Assert.Equal([Text("en", "opted_in"), Text("en", "language_menu"), Script.LanguageMenu], turn.Replies());
        Assert.Equal(["OptedIn { Keyword = START }", "WaitsUntilSafe { Cause = returned }"], turn.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    /// <summary>An urgent word after STOP on a closed case: Critical for the word alone, nothing of the closed intake's.</summary>
    [Fact]
    public void After_stop_on_a_closed_case_an_urgent_word_opens_a_critical_case_without_the_closed_intakes_answers()
    {
        var host = ClosedAfterAnsweringInDanger();
        host.Send("STOP");

        var turn = host.Send("he beats me");

        Assert.Empty(turn.Replies);
        Assert.Equal(
            ["CaseRequested(Critical, 100, [urgent_word])", "HandoffRequested { Reason = urgent_word }", "UrgentWordMatched { Word = beats me, Language = en }", "IntakeProgressed { StepId = safe_now, Question = 1, Questions = 13 }"],
            turn.Events.Select(Describe));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("are you there?")]
    [InlineData("HELP")]
    [InlineData("recipe")]
    public void After_stop_a_short_message_or_a_keyword_opens_no_case(string message)
    {
        var host = AtSafetyQuestion("en");
        host.Send("STOP");

        var turn = host.Send(message);

        Assert.Empty(turn.Replies);
        Assert.DoesNotContain(turn.Events, e => e is CaseRequested);
        Assert.False(host.Snapshot.HasOpenCase);
    }

    /// <summary>An intake answered with consent, "in danger" and documents taken among the answers, whose case was then closed.</summary>
    private static FakeHost ClosedAfterAnsweringInDanger()
    {
        var host = AtSafetyQuestion("en");
        host.Send("1");
        host.Send("1");
        host.Send("1");
        host.Send("1");
        Assert.True(host.Snapshot.HasOpenCase);
        host.CloseCase();
        return host;
    }
}
