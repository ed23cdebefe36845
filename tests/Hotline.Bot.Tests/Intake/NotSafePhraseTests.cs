namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// "Not safe", "can't talk", "safe nahi" typed at any step get what a "no" to "Is it safe for you to write now?" gets: the one
/// short acknowledgement, then nothing until the person says it is safe. Before, the words were read as an unclear answer and
/// the phone got "Please reply with just a number: 1 for yes, 2 for no. Reply 0 to talk to a person."
/// </summary>
public sealed class NotSafePhraseTests
{
    [Theory, IntakeLanguageData]
    public void Every_not_safe_phrase_at_the_safety_question_goes_quiet_as_a_no_does(string language)
    {
        foreach (var phrase in Words(language).NotSafe)
        {
            var host = AtSafetyQuestion(language);

            var turn = host.Send(phrase);

            Assert.True(turn.Replies() is [var reply] && reply == Text(language, "not_safe"), $"{language} '{phrase}': {Describe(turn)}");
            Assert.Equal(new WentQuiet("not_safe_now"), Assert.Single(turn.Events));
            Assert.False(host.Writable);
        }
    }

    [Theory, IntakeLanguageData]
    public void Every_not_safe_phrase_under_the_passport_question_goes_quiet_and_answers_nothing(string language)
    {
        foreach (var phrase in Words(language).NotSafe)
        {
            var host = AtStep(language, "documents");

            var turn = host.Send(phrase);

            Assert.True(turn.Replies() is [var reply] && reply == Text(language, "not_safe"), $"{language} '{phrase}': {Describe(turn)}");
            Assert.Equal(new WentQuiet("not_safe_now"), Assert.Single(turn.Events));
            Assert.DoesNotContain("\"documents\":", turn.State, StringComparison.Ordinal);
            Assert.False(host.Writable);
        }
    }

    [Fact]
    public void Writing_again_after_not_safe_asks_whether_it_is_safe_and_then_asks_the_passport_question_again()
    {
        var host = AtStep("en", "documents");
        host.Send("not safe");

        var again = host.Send("hi");
        Assert.Equal(Text("en", "safe_now"), again.Reply());
        Assert.Equal(new WaitsUntilSafe("not_safe_now"), Assert.Single(again.Events));
        Assert.False(host.Writable);

        var safe = host.Send("1");
        Assert.Equal(Text("en", "documents"), safe.Reply());
        Assert.True(host.Writable);
    }

    [Theory]
    [InlineData("It's NOT SAFE!!")]
    [InlineData("sorry my boss is here, can't talk now")]
    [InlineData("cant   talk")]
    [InlineData("no, not safe")]
    [InlineData("abhi safe nahi hai")]
    [InlineData("tidak aman sekarang")]
    public void A_not_safe_phrase_inside_a_message_counts_whatever_the_language(string message)
    {
        var host = AtStep("en", "wages");

        var turn = host.Send(message);

        Assert.Equal(Text("en", "not_safe"), turn.Reply());
        Assert.Equal(new WentQuiet("not_safe_now"), Assert.Single(turn.Events));
    }

    [Theory]
    [InlineData("no, it is safe now", "free_to_leave")]
    [InlineData("no, I can talk now", "free_to_leave")]
    [InlineData("safety shoes not given", "reask")]
    public void Words_that_only_look_like_a_not_safe_phrase_are_read_as_before(string message, string expected)
    {
        var host = AtStep("en", "wages");

        Assert.Equal(Text("en", expected), host.Send(message).Reply());
    }

    [Fact]
    public void A_not_safe_phrase_is_whole_words_never_part_of_a_longer_word()
    {
        var host = AtStep("en", "location");

        var turn = host.Send("Jebel Ali, the unsafeguarded camp");

        Assert.Equal(Text("en", "done"), turn.Reply());
    }

    /// <summary>
    /// A quiet would only ask the sleeping-place question again, and again get "unsafe", for good: the question's own word
    /// answers it, and a clear yes does too.
    /// </summary>
    [Theory]
    [InlineData("yes unsafe", "location")]
    [InlineData("unsafe", "reask")]
    public void Under_the_question_that_asks_whether_the_place_is_unsafe_its_own_word_answers_it(string message, string expected)
    {
        var host = AtStep("en", "living");

        Assert.Equal(Text("en", expected), host.Send(message).Reply());
    }

    [Fact]
    public void A_clear_yes_with_a_not_safe_phrase_answers_the_question_it_is_under()
    {
        var host = AtStep("en", "isolation");

        var turn = host.Send("yes, I can't talk to my family");

        Assert.Equal(Text("en", "living"), turn.Reply());
        Assert.Contains(new AnswerRecorded("isolation", AnswerCodes.Yes), turn.Events);
    }

    /// <summary>
    /// "I am not safe" under "Are you in danger right now?" may be the answer: the case goes to a person as an unclear answer
    /// there does, out of sight, and the emergency number waits for the person's "yes" to the safety question.
    /// </summary>
    [Fact]
    public void Not_safe_under_the_danger_question_goes_quiet_and_hands_the_case_to_a_person_out_of_sight()
    {
        var host = AtStep("en", "danger");

        var turn = host.Send("I am not safe");

        Assert.Equal(Text("en", "not_safe"), turn.Reply());
        Assert.Equal(
            ["CaseRequested(High, 45, [danger_unclear])", "HandoffRequested { Reason = danger }", "IntakeEnded(danger, [])", "WentQuiet { Reason = not_safe_now }"],
            turn.Events.Select(Describe));

        Assert.Equal(Text("en", "safe_now"), host.Send("hello").Reply());
        Assert.Equal(Text("en", "distress"), host.Send("1").Reply());
    }

    [Fact]
    public void Beside_a_caseworker_not_safe_goes_quiet_and_holds_her_replies_until_the_person_says_it_is_safe()
    {
        var host = AtStep("en", "documents");
        host.Send("0");
        host.CaseworkerWrites();

        var turn = host.Send("can't talk");

        Assert.Equal(Text("en", "not_safe"), turn.Reply());
        Assert.Equal(new WentQuiet("not_safe_now"), Assert.Single(turn.Events));
        Assert.False(host.Writable);

        Assert.Equal(Text("en", "safe_now"), host.Send("hi").Reply());
        var safe = host.Send("yes");
        Assert.Empty(safe.Replies);
        Assert.True(host.Writable);
    }

    [Fact]
    public void While_quiet_already_not_safe_again_sends_nothing_at_all()
    {
        var host = AtStep("en", "documents");
        host.Send("not safe");

        var turn = host.Send("still not safe");

        Assert.Empty(turn.Replies);
        Assert.Equal(new WaitsUntilSafe("not_safe_now"), Assert.Single(turn.Events));
        Assert.False(host.Writable);
    }

    [Theory]
    [InlineData("not safe", "en")]
    [InlineData("tidak aman", "id")]
    public void A_first_message_saying_not_safe_gets_only_the_acknowledgement_in_the_phrase_s_language(string message, string language)
    {
        var host = new FakeHost(Engine);

        var turn = host.Send(message);

        Assert.Equal(Text(language, "not_safe"), turn.Reply());
        Assert.Equal(new WentQuiet("not_safe_now"), Assert.Single(turn.Events));
    }

    [Fact]
    public void Not_safe_while_opted_out_sends_nothing_and_start_then_gets_only_the_safety_question()
    {
        var host = AtStep("en", "documents");
        host.Send("STOP");

        Assert.Empty(host.Send("not safe").Replies);

        var start = host.Send("START");
        Assert.Equal(Text("en", "safe_now"), start.Reply());
        Assert.Contains(new WaitsUntilSafe("not_safe_now"), start.Events);
    }
}
