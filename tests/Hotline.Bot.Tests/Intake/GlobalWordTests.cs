namespace Hotline.Bot.Tests.Intake;

public sealed class GlobalWordTests
{
    private static readonly string[] CarrierStopWords = ["STOP", "stop", "Unsubscribe", "END", "quit", "STOPALL", "revoke", "optout", "Cancel."];

    public static TheoryData<string, string> StopWords() => Pairs(w => w.Stop);

    public static TheoryData<string, string> StartWords() => Pairs(w => w.Start);

    public static TheoryData<string, string> HelpWords() => Pairs(w => w.Help);

    public static TheoryData<string, string> PersonWords() => Pairs(w => w.Person);

    public static TheoryData<string, string> LanguageWords() => Pairs(w => w.Language);

    /// <summary>The carriers' words in every language, less those the language's own list names (<see cref="StopWords"/> has them).</summary>
    public static TheoryData<string, string> CarrierStopWordsInEveryLanguage() =>
        new(Tags.SelectMany(tag => CarrierStopWords.Except(Words(tag).Stop, StringComparer.Ordinal).Select(word => (tag, word))));

    [Theory]
    [MemberData(nameof(StopWords))]
    [MemberData(nameof(CarrierStopWordsInEveryLanguage))]
    public void A_stop_word_opts_out_with_no_reply(string language, string word)
    {
        var host = AtFirstQuestion(language);

        var turn = host.Send(word);

        Assert.Empty(turn.Replies);
        Assert.IsType<OptedOut>(Assert.Single(turn.Events));
    }

    [Theory]
    [MemberData(nameof(StartWords))]
    public void A_start_word_after_stop_opts_in_with_a_neutral_reply_and_asks_again_the_question_it_stopped_at(string language, string word)
    {
        var host = AtFirstQuestion(language);
        host.Send("STOP");

        var turn = host.Send(word);

        Assert.Equal([Text(language, "opted_in"), Text(language, "documents")], turn.Replies());
        Assert.IsType<OptedIn>(Assert.Single(turn.Events));
    }

    [Fact]
    public void A_start_word_after_stop_beside_a_caseworker_who_has_written_asks_nothing_more()
    {
        var host = AtFirstQuestion("en");
        host.Send("2");
        Assert.True(host.Snapshot.HasOpenCase);
        host.CaseworkerWrites();
        host.Send("STOP");

        Assert.Equal([Text("en", "opted_in")], host.Send("START").Replies());
    }

    [Fact]
    public void A_start_word_after_stop_once_the_case_was_closed_asks_nothing_of_the_closed_case_and_the_next_message_begins_again()
    {
        var host = AtFirstQuestion("en");
        host.Send("2");
        host.CloseCase();
        host.Send("STOP");

        Assert.Equal([Text("en", "opted_in")], host.Send("START").Replies());
        var next = host.Send("hello again");
        Assert.Equal([Text("en", "safe_now")], next.Replies());
        Assert.IsType<CaseRequested>(next.Events[0]);
    }

    [Fact]
    public void The_discreet_word_while_opted_out_makes_start_ask_only_whether_it_is_safe()
    {
        var host = AtFirstQuestion("en");
        host.Send("STOP");
        Assert.Empty(host.Send("recipe").Replies);

        var start = host.Send("START");

        Assert.Equal([Text("en", "safe_now")], start.Replies());
        Assert.Equal(["OptedIn { Keyword = START }", "WaitsUntilSafe { Cause = discreet_word }"], start.Events.Select(Describe));
        Assert.False(host.Writable);
        Assert.Equal(Text("en", "documents"), host.Send("1").Reply());
        Assert.True(host.Writable);
    }

    [Fact]
    public void A_start_word_after_stop_at_the_language_menu_sends_the_menu_again()
    {
        var host = AtFirstQuestion("en");
        host.Send("language");
        host.Send("STOP");

        Assert.Equal([Text("en", "opted_in"), .. Menu("en")], host.Send("START").Replies());
    }

    [Fact]
    public void A_start_word_after_a_first_message_of_stop_asks_nothing_and_the_next_message_begins_the_intake()
    {
        var host = new FakeHost(Engine, registeredLanguage: "sw");
        host.Send("STOP");

        Assert.Equal([Text("sw", "opted_in")], host.Send("START").Replies());
        Assert.Equal(Text("sw", "safe_now"), host.Send("habari").Reply());
    }

    /// <summary>
    /// Receiving messages again is not saying it is safe to: found by the engineer who made the conversation wait after the
    /// discreet word, START here ended the quiet and a caseworker's reply reached the phone.
    /// </summary>
    [Theory]
    [InlineData("en", "recipe", "START", "stop", "discreet_word")]
    [InlineData("ne", "2", "सुरु", "रोक्नुहोस्", "not_safe_now")]
    [InlineData("ar", "recipe", "ابدأ", "توقف", "discreet_word")]
    public void A_start_word_after_the_discreet_word_or_not_safe_and_stop_asks_only_whether_it_is_safe(
        string language, string quiet, string start, string stop, string cause)
    {
        var host = quiet == "2" ? AtSafetyQuestion(language) : AtFirstQuestion(language);
        host.Send(quiet);
        host.Send(stop);

        var startTurn = host.Send(start);
        var still = host.Send("hi");

        Assert.Equal([Text(language, "safe_now")], startTurn.Replies());
        Assert.Contains(new WaitsUntilSafe(cause), startTurn.Events);
        Assert.Contains(new WaitsUntilSafe(cause), still.Events);
        Assert.False(host.Writable);
    }

    [Fact]
    public void After_opting_back_in_the_intake_goes_on_from_the_same_question()
    {
        var host = AtFirstQuestion("id");
        host.Send("berhenti");
        host.Send("mulai");

        Assert.Equal(Text("id", "wages"), host.Send("ya").Reply());
    }

    [Fact]
    public void While_opted_out_nothing_else_gets_a_reply_or_an_event()
    {
        var host = AtFirstQuestion("en");
        host.Send("STOP");

        var turn = host.Send("1");

        Assert.Empty(turn.Replies);
        Assert.Empty(turn.Events);
    }

    [Theory]
    [MemberData(nameof(HelpWords))]
    public void A_help_word_after_stop_gets_no_reply_because_the_carrier_answers_it_and_nothing_reaches_an_opted_out_phone(string language, string word)
    {
        var host = AtFirstQuestion(language);
        host.Send("STOP");

        var turn = host.Send(word);

        Assert.Empty(turn.Replies);
        Assert.Empty(turn.Events);
    }

    [Theory]
    [MemberData(nameof(HelpWords))]
    public void A_help_word_mid_intake_gets_the_neutral_help_and_keeps_the_question(string language, string word)
    {
        var host = AtFirstQuestion(language);

        var turn = host.Send(word);

        Assert.Equal(Text(language, "help"), turn.Reply());
        Assert.Empty(turn.Events);
        Assert.Equal(Text(language, "wages"), host.Send("1").Reply());
    }

    [Theory]
    [MemberData(nameof(PersonWords))]
    public void A_person_word_hands_off_at_once(string language, string word)
    {
        var host = AtFirstQuestion(language);

        var turn = host.Send(word);

        Assert.Equal(Text(language, "person"), turn.Reply());
        // The case was queued when consent was answered; now it says why the intake ended, which ends, and a person is asked for.
        Assert.Equal(
            [
                "PriorityChanged(Low, 0, [asked_for_person])",
                "HandoffRequested { Reason = asked_for_person }",
                "IntakeEnded(asked_for_person, [documents, wages, free_to_leave, debt, threats, deceived, hours, isolation, living, location])",
            ],
            turn.Events.Select(Describe));
    }

    [Theory]
    [MemberData(nameof(LanguageWords))]
    public void A_language_word_shows_the_menu(string language, string word)
    {
        var host = AtFirstQuestion(language);

        var turn = host.Send(word);

        Assert.Equal(Menu(language), turn.Replies());
        Assert.Empty(turn.Events);
    }

    [Fact]
    public void A_stop_word_inside_a_sentence_is_a_message_not_an_opt_out()
    {
        var host = AtSafetyQuestion("en");

        var turn = host.Send("stop the beating please");

        Assert.DoesNotContain(turn.Events, e => e is OptedOut);
    }

    [Fact]
    public void The_first_message_stop_in_any_script_opts_out_before_a_language_is_known()
    {
        var turn = new FakeHost(Engine).Send("बंद करो");

        Assert.Empty(turn.Replies);
        Assert.IsType<OptedOut>(Assert.Single(turn.Events));
    }

    private static TheoryData<string, string> Pairs(Func<Hotline.Bot.Intake.Scripts.LanguageWords, IReadOnlyList<string>> list) =>
        new(Tags.SelectMany(tag => list(Words(tag)).Select(word => (tag, word))));
}
