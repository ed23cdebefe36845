namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// Once a caseworker has written on the open case, the conversation is theirs: the script stops asking, and the person's
/// next message, which may answer her, is read as no answer to the intake.
/// </summary>
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

    /// <summary>
    /// Review finding: the intake asked "Did your boss or agent take your passport or ID card?", a caseworker then wrote
    /// "Do you have somewhere safe to sleep tonight?", and the person's "no" was recorded as the answer about their documents,
    /// in the case, its referrals' indicators and the statistics. Beside a caseworker a reply may be hers: the question stays
    /// for her to ask in her own words.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void After_a_caseworker_has_written_a_no_is_not_recorded_as_the_answer_to_the_question_on_the_phone(string language)
    {
        var host = AtStep(language, "documents");
        host.CaseworkerWrites();

        var turn = host.Send(Words(language).No[0]);

        Assert.Empty(turn.Replies);
        Assert.Equal(
            ["IntakeEnded(caseworker_wrote, [documents, wages, free_to_leave, debt, threats, deceived, hours, isolation, living, location])"],
            turn.Events.Select(Describe));
        Assert.DoesNotContain("\"documents\":", turn.State, StringComparison.Ordinal);
    }

    /// <summary>A yes taken as the answer would give the case an indicator of forced labour, and a higher priority, that nobody reported.</summary>
    [Theory, IntakeLanguageData]
    public void After_a_caseworker_has_written_a_yes_records_no_indicator_and_leaves_the_priority_as_it_was(string language)
    {
        var host = AtStep(language, "threats");
        host.CaseworkerWrites();

        var turn = host.Send(Words(language).Yes[0]);

        Assert.Empty(turn.Replies);
        Assert.Equal(
            ["IntakeEnded(caseworker_wrote, [threats, deceived, hours, isolation, living, location])"],
            turn.Events.Select(Describe));
        Assert.DoesNotContain("\"threats\":", turn.State, StringComparison.Ordinal);
    }

    [Fact]
    public void Even_a_yes_that_reads_like_the_answer_is_not_recorded_after_a_caseworker_wrote()
    {
        var host = AtStep("en", "documents");
        host.CaseworkerWrites();

        var turn = host.Send("yes they took it");

        Assert.Equal(
            ["IntakeEnded(caseworker_wrote, [documents, wages, free_to_leave, debt, threats, deceived, hours, isolation, living, location])"],
            turn.Events.Select(Describe));
    }

    /// <summary>
    /// Where they are is written, not coded, but it may as well answer the caseworker ("no, I sleep in the camp"): the
    /// caseworker reads it in the transcript, under her question and the intake's, and "location" stays for her to ask.
    /// </summary>
    [Fact]
    public void A_text_written_at_the_last_question_after_a_caseworker_wrote_is_not_taken_as_where_they_are()
    {
        var host = AtStep("en", "location");
        host.CaseworkerWrites();

        var turn = host.Send("no, I sleep in the camp");

        Assert.Empty(turn.Replies);
        Assert.Equal(["IntakeEnded(caseworker_wrote, [location])"], turn.Events.Select(Describe));
    }

    /// <summary>The intake asked whether they are in danger after an urgent word had opened a Critical case; the caseworker wrote.</summary>
    [Theory, IntakeLanguageData]
    public void After_a_caseworker_has_written_a_yes_is_not_taken_as_being_in_danger(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send(Words(language).Urgent[0]);
        Assert.Equal(Text(language, "danger"), host.Send("1").Reply());
        host.CaseworkerWrites();

        var turn = host.Send(Words(language).Yes[0]);

        Assert.Empty(turn.Replies);
        Assert.Equal(["IntakeEnded(caseworker_wrote, [])"], turn.Events.Select(Describe));
    }

    /// <summary>A language chosen by a number meant for the caseworker ("how many of you are there?") would send the case to another team.</summary>
    [Fact]
    public void After_a_caseworker_has_written_a_number_does_not_choose_from_a_language_menu_shown_before()
    {
        var host = AtStep("en", "documents");
        host.Send("language");
        host.CaseworkerWrites();

        var turn = host.Send("2");

        Assert.Equal("en", turn.Language);
        Assert.Empty(turn.Replies);
    }

    /// <summary>A newcomer's finding: "language" beside a caseworker still sent the menu, a second voice beside hers.</summary>
    [Theory, IntakeLanguageData]
    public void After_a_caseworker_has_written_asking_for_the_language_menu_sends_nothing(string language)
    {
        var host = AtStep(language, "documents");
        host.CaseworkerWrites();

        var turn = host.Send(Words(language).Language[0]);

        Assert.Empty(turn.Replies);
        Assert.Equal(
            ["IntakeEnded(caseworker_wrote, [documents, wages, free_to_leave, debt, threats, deceived, hours, isolation, living, location])"],
            turn.Events.Select(Describe));
    }

    /// <summary>
    /// A newcomer's finding: the intake had handed off, the person opened the menu, a caseworker wrote, and the choice got
    /// "OK. A person will write to you here in about N minutes" although she already had. The number may be hers to answer.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void After_a_caseworker_has_written_a_number_at_a_menu_opened_after_the_hand_off_sends_nothing_and_chooses_nothing(string language)
    {
        var host = AtFirstQuestion(language);
        host.Send("0");
        host.Send(Words(language).Language[0]);
        host.CaseworkerWrites();

        var turn = host.Send("2");

        Assert.Empty(turn.Replies);
        Assert.Equal(language, turn.Language);
        Assert.Empty(host.Send("1").Replies);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fil")]
    [InlineData("bn")]
    public void After_a_caseworker_has_written_asking_for_a_person_sends_nothing(string language)
    {
        var host = AtStep(language, "wages");
        host.CaseworkerWrites();

        Assert.Empty(host.Send("0").Replies);
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
    public void No_after_a_caseworker_wrote_records_nothing_and_without_consent_keeps_only_the_case_s_triage()
    {
        var host = InDangerWithCaseworker("en");

        var turn = host.Send("2");

        Assert.Empty(turn.Replies);
        Assert.Equal(["IntakeEnded(caseworker_wrote, [])"], turn.Events.Select(Describe));
        Assert.DoesNotContain("\"a\":", turn.State, StringComparison.Ordinal);
        Assert.Contains("\"ft\":{\"b\":4,\"p\":100,\"r\":[\"immediate_danger\"]}", turn.State, StringComparison.Ordinal);
    }

    /// <summary>
    /// An urgent word opened a Critical case while the intake asked whether it is safe to write, and a caseworker wrote at
    /// once ("Are you hurt?"). A "no" may be hers, but read as not safe it is the careful reading: the not-safe
    /// acknowledgement, then quiet, caseworker included, until the person writes again and says it is safe.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void Not_safe_to_write_after_a_caseworker_wrote_goes_quiet_caseworker_included(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send(Words(language).Urgent[0]);
        host.CaseworkerWrites();

        var turn = host.Send(Words(language).No[0]);

        Assert.Equal([Text(language, "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], turn.Events.Select(Describe));
        var woken = host.Send("hi");
        Assert.Equal((Text(language, "safe_now"), true), (woken.Reply(), woken.Events.OfType<WaitsUntilSafe>().Any()));
        var safe = host.Send("1");
        Assert.Empty(safe.Replies);
        Assert.Equal(["IntakeEnded(caseworker_wrote, [])"], safe.Events.Select(Describe));
    }

    /// <summary>
    /// Found by a review: the person asked for the language menu while the safety question was unanswered (an urgent word had
    /// opened the case), and a caseworker wrote. The menu does not answer the safety question, but a "no" then, the first
    /// message beside her, was read as hers: her next reply reached a phone whose owner may just have said it is not safe.
    /// </summary>
    [Theory]
    [InlineData("en", "no")]
    [InlineData("ne", "होइन")]
    public void Not_safe_after_the_menu_was_opened_over_the_unanswered_safety_question_still_goes_quiet(string language, string no)
    {
        var host = AtSafetyQuestion(language);
        host.Send(Words(language).Urgent[0]);
        host.Send(Words(language).Language[0]);
        host.CaseworkerWrites();

        var turn = host.Send(no);

        Assert.Equal([Text(language, "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], turn.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    /// <summary>
    /// Found by a review: with the language menu open over the unanswered safety question, a caseworker wrote, and the person
    /// chose "2" from the menu (العربية): it was read as "no" to the safety question, the phone got "OK. Write again when it is
    /// safe." and her replies were refused. A number the menu offers is the language; the safety question, still unanswered, is
    /// asked again in it, and a "no" then still makes the conversation quiet.
    /// </summary>
    [Theory]
    [InlineData("en", "ar")]
    [InlineData("ne", "sw")]
    public void A_number_at_the_menu_opened_over_the_unanswered_safety_question_chooses_the_language_and_asks_the_question_in_it(
        string language, string chosen)
    {
        var host = AtSafetyQuestion(language);
        host.Send(Words(language).Urgent[0]);
        host.Send(Words(language).Language[0]);
        host.CaseworkerWrites();

        var turn = host.Send(MenuNumber(chosen));

        Assert.Equal(chosen, turn.Language);
        Assert.Equal([Text(chosen, "safe_now")], turn.Replies());
        Assert.Equal(["IntakeEnded(caseworker_wrote, [])"], turn.Events.Select(Describe));
        Assert.True(host.Writable);
        var no = host.Send(Words(chosen).No[0]);
        Assert.Equal([Text(chosen, "not_safe")], no.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], no.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    /// <summary>Once the person said it is safe, a "no" beside the caseworker is hers: the conversation stays hers.</summary>
    [Fact]
    public void A_no_beside_a_caseworker_after_the_person_said_it_is_safe_is_hers()
    {
        var host = InDangerWithCaseworker("en");
        host.Send("who is this?");

        var turn = host.Send("no");

        Assert.Empty(turn.Replies);
        Assert.DoesNotContain(turn.Events, e => e is WentQuiet);
        Assert.True(host.Writable);
    }

    /// <summary>
    /// Without consent, nothing the person answered stays behind once a caseworker has the conversation (a review's finding:
    /// the answers stayed in the engine's state until the identity was erased).
    /// </summary>
    [Fact]
    public void Without_consent_the_answers_given_are_forgotten_once_a_caseworker_has_the_conversation()
    {
        var host = InDangerWithCaseworker("en");

        var turn = host.Send("hello?");

        Assert.DoesNotContain("\"a\":", turn.State, StringComparison.Ordinal);
    }

    /// <summary>
    /// The other way round is the dangerous one: a "yes" meant for the caseworker is never taken as safe to write. Nothing
    /// is recorded, nothing is sent, and the caseworker goes on as the person's urgent message already let her.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void After_a_caseworker_has_written_a_yes_is_not_taken_as_safe_to_write(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send(Words(language).Urgent[0]);
        host.CaseworkerWrites();

        var turn = host.Send(Words(language).Yes[0]);

        Assert.Empty(turn.Replies);
        Assert.Equal(["IntakeEnded(caseworker_wrote, [])"], turn.Events.Select(Describe));
        Assert.DoesNotContain("\"safe_now\":", turn.State, StringComparison.Ordinal);
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
