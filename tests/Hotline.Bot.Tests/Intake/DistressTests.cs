namespace Hotline.Bot.Tests.Intake;

public sealed class DistressTests
{
    public static TheoryData<string, string> DistressWords() =>
        new(Tags.SelectMany(tag => Words(tag).Distress.Select(word => (tag, word))));

    [Theory, IntakeLanguageData]
    public void Every_language_has_distress_words(string language)
    {
        Assert.NotEmpty(Words(language).Distress);
    }

    [Theory]
    [MemberData(nameof(DistressWords))]
    public void A_distress_word_mid_intake_hands_off_at_once_with_the_emergency_number(string language, string word)
    {
        var host = AtFirstQuestion(language);

        var turn = host.Send(word);

        Assert.Equal(Text(language, "distress"), turn.Reply());
        Assert.Contains(Options.EmergencyNumber, turn.Reply(), StringComparison.Ordinal);
        // The case was queued when consent was answered, Low on the answers so far; it is Critical now, goes to a person, and
        // the intake ends.
        Assert.Equal(
            [
                "PriorityChanged(Critical, 100, [distress_word])",
                "HandoffRequested { Reason = distress }",
                "IntakeEnded(distress, [documents, wages, free_to_leave, debt, threats, deceived, hours, isolation, living, location])",
            ],
            turn.Events.Select(Describe));
    }

    [Theory]
    [InlineData("saklolo", "fil")]
    [InlineData("nisaidie", "sw")]
    [InlineData("tolong saya", "id")]
    [InlineData("النجدة", "ar")]
    [InlineData("गुहार", "ne")]
    [InlineData("እርዱኝ", "am")]
    public void A_distress_word_as_the_first_message_picks_its_language_and_hands_off(string word, string language)
    {
        var turn = new FakeHost(Engine).Send(word);

        Assert.Equal(language, turn.Language);
        Assert.Equal(Text(language, "distress"), turn.Reply());
        Assert.Contains(new HandoffRequested("distress"), turn.Events);
    }

    /// <summary>
    /// Found by a newcomer: "hello" made the conversation English, and a Nepali cry for help after it was answered in English.
    /// A language read from a greeting is a guess; the cry in their own language says more.
    /// </summary>
    [Theory]
    [InlineData("गुहार", "ne")]
    [InlineData("saklolo", "fil")]
    [InlineData("النجدة", "ar")]
    public void A_cry_for_help_in_another_language_than_a_greeting_suggested_is_answered_in_the_cry_s_language(string cry, string language)
    {
        var host = new FakeHost(Engine);
        Assert.Equal([Text("en", "safe_now")], host.Send("hello").Replies());

        var turn = host.Send(cry);

        Assert.Equal((language, Text(language, "distress")), (turn.Language, turn.Reply()));
    }

    /// <summary>
    /// "help me" is English, and a word every language borrows: a greeting's language stays, as at an urgent word of the base
    /// language (UrgentWordLanguageTests).
    /// </summary>
    [Theory]
    [InlineData("ke cha", "help me", "ne")]
    [InlineData("habari", "please help me", "sw")]
    public void A_cry_for_help_in_the_base_language_keeps_the_language_a_greeting_suggested(string greeting, string cry, string language)
    {
        var host = new FakeHost(Engine);
        Assert.Equal([Text(language, "safe_now")], host.Send(greeting).Replies());

        var turn = host.Send(cry);

        Assert.Equal((language, Text(language, "distress")), (turn.Language, turn.Reply()));
    }

    [Fact]
    public void Danger_written_in_another_language_than_a_greeting_suggested_is_answered_in_the_language_of_the_danger()
    {
        var host = new FakeHost(Engine);
        host.Send("hello");

        var turn = host.Send("साहुले कुट्छ");

        Assert.Equal("ne", turn.Language);
        Assert.Equal([Text("ne", "distress"), Text("ne", "safe_now")], turn.Replies());
    }

    [Fact]
    public void A_cry_for_help_after_the_menu_went_unanswered_twice_is_answered_in_the_cry_s_language()
    {
        var host = new FakeHost(Engine);
        host.Send("👋");
        host.Send("what");
        Assert.Equal(Text("en", "safe_now"), host.Send("what").Reply());

        var turn = host.Send("गुहार");

        Assert.Equal(("ne", Text("ne", "distress")), (turn.Language, turn.Reply()));
    }

    [Fact]
    public void A_cry_for_help_in_another_language_than_the_one_chosen_from_the_menu_is_answered_in_the_chosen_one()
    {
        var host = new FakeHost(Engine);
        host.Send("👋");
        host.Send(MenuNumber("en"));

        var turn = host.Send("गुहार");

        Assert.Equal(("en", Text("en", "distress")), (turn.Language, turn.Reply()));
    }

    [Fact]
    public void A_distress_word_two_languages_share_gets_the_emergency_number_and_the_menu_then_a_reply_in_the_chosen_language()
    {
        var host = new FakeHost(Engine);

        var first = host.Send("bachao");
        var chosen = host.Send(MenuNumber("bn"));

        Assert.Equal([Text("en", "distress"), .. Menu()], first.Replies());
        Assert.Contains(new HandoffRequested("distress"), first.Events);
        Assert.Equal(Text("bn", "person"), chosen.Reply());
        Assert.Equal("bn", chosen.Language);
    }

    [Theory]
    [InlineData("en", "bachaooo")]
    [InlineData("id", "tolonggg")]
    [InlineData("en", "HELP ME!!!")]
    public void A_distress_word_with_letters_drawn_out_or_from_another_language_still_counts(string language, string word)
    {
        var host = AtFirstQuestion(language);

        Assert.Contains(new HandoffRequested("distress"), host.Send(word).Events);
    }

    /// <summary>
    /// Told to call the emergency number now, with nothing answered yet: Critical, as an urgent word makes it, not Low behind
    /// every case that answered (nor High, as it was, behind a Critical person who answered danger "no").
    /// </summary>
    [Fact]
    public void A_distress_word_as_the_first_message_queues_the_case_as_critical()
    {
        var turn = new FakeHost(Engine).Send("help me please");

        Assert.Contains("CaseRequested(Critical, 100, [distress_word])", turn.Events.Select(Describe));
    }

    /// <summary>
    /// A newcomer's walk: a person answered danger "no", then wrote "help me" and was told "If you can, call 112 now", but the
    /// case rose only to High (45 + 20): behind any Critical case, though the phone had been told it was an emergency.
    /// </summary>
    [Theory]
    [InlineData("en", "help me")]
    [InlineData("ne", "गुहार")]
    public void A_distress_word_after_danger_no_makes_the_case_critical_with_the_answers_it_had(string language, string cry)
    {
        var host = AtFirstQuestion(language);
        host.Send("1");

        var turn = host.Send(cry);

        Assert.Equal(Text(language, "distress"), turn.Reply());
        Assert.Equal(["PriorityChanged(Critical, 120, [distress_word, documents_retained])"], turn.Events.OfType<PriorityChanged>().Select(Describe));
    }

    /// <summary>
    /// As after an urgent word, the case stays Critical for good: the intake asks nothing more once the cry handed it to a
    /// person, so a later "no" (or "I am fine") answers no question and lowers nothing; the caseworker asks.
    /// </summary>
    [Fact]
    public void After_a_distress_word_a_later_no_leaves_the_case_critical()
    {
        var host = new FakeHost(Engine);
        Assert.Contains("CaseRequested(Critical, 100, [distress_word])", host.Send("help me").Events.Select(Describe));

        var no = host.Send("2");
        var fine = host.Send("no I am fine now");

        Assert.Empty(no.Events.OfType<PriorityChanged>());
        Assert.Empty(fine.Events.OfType<PriorityChanged>());
        Assert.Empty(no.Replies);
        Assert.Empty(fine.Replies);
    }

    /// <summary>
    /// A review: in danger, handed to a person without consent (the answers are forgotten), then the discreet word. A distress
    /// word while they are asked whether it is safe was triaged on the nothing left, and the Critical case became High. The
    /// triage of the forgotten answers is kept: the cry adds to it.
    /// </summary>
    [Fact]
    public void A_distress_word_after_the_discreet_word_never_lowers_a_case_handed_over_without_its_answers()
    {
        var host = AtSafetyQuestion("en");
        host.Send("1");
        Assert.Contains("CaseRequested(Critical, 100, [immediate_danger])", host.Send("1").Events.Select(Describe));
        host.Send("2");
        host.Send("recipe");

        var turn = host.Send("help me");

        Assert.Equal(["PriorityChanged(Critical, 215, [distress_word, discreet_word, immediate_danger])"], turn.Events.OfType<PriorityChanged>().Select(Describe));
    }

    /// <summary>After "not safe" the phone gets only the safety question; the number answers their "yes" (WaitsUntilSafeCryTests).</summary>
    [Fact]
    public void A_distress_word_after_going_quiet_hands_off_out_of_sight()
    {
        var host = AtSafetyQuestion("sw");
        host.Send("2");

        var turn = host.Send("nisaidie");

        Assert.Equal(Text("sw", "safe_now"), turn.Reply());
        Assert.Contains(new HandoffRequested("distress"), turn.Events);
    }

    [Fact]
    public void While_a_caseworker_is_writing_a_distress_word_gets_no_automatic_reply()
    {
        var host = AtStep("hi", "danger");
        host.Send("1");
        host.CaseworkerWrites();

        var turn = host.Send("bachao");

        Assert.Empty(turn.Replies);
    }

    [Fact]
    public void The_carriers_help_keyword_still_gets_the_neutral_help_text()
    {
        var host = AtFirstQuestion("en");

        Assert.Equal(Text("en", "help"), host.Send("HELP").Reply());
    }
}
