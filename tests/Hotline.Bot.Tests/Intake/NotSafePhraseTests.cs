namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// "Not safe", "can't talk", "safe nahi" typed where the phone asks whether it is safe to write get what a "no" gets: the one
/// short acknowledgement, then nothing until the person says it is safe. Before, the words were read as an unclear answer and
/// the phone got "Please reply with just a number: 1 for yes, 2 for no. Reply 0 to talk to a person." Anywhere else the same
/// words are read as before: "I can't talk to my family", "I cannot talk English" and "I am not safe" said as danger must not
/// silence the person who wrote them (a review of the first version, which read them at every step).
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

    [Fact]
    public void Writing_again_after_not_safe_asks_whether_it_is_safe_and_then_goes_on_to_the_danger_question()
    {
        var host = AtSafetyQuestion("en");
        host.Send("not safe");

        var again = host.Send("hi");
        Assert.Equal(Text("en", "safe_now"), again.Reply());
        Assert.Equal(new WaitsUntilSafe("not_safe_now"), Assert.Single(again.Events));
        Assert.False(host.Writable);

        var safe = host.Send("1");
        Assert.Equal(Text("en", "danger"), safe.Reply());
        Assert.True(host.Writable);
    }

    [Fact]
    public void Asked_again_after_a_quiet_spell_a_not_safe_phrase_goes_quiet_again()
    {
        var host = AtSafetyQuestion("en");
        host.Send("2");
        Assert.Equal(Text("en", "safe_now"), host.Send("hi").Reply());

        var turn = host.Send("sorry, can't talk now");

        Assert.Equal(Text("en", "not_safe"), turn.Reply());
        Assert.False(host.Writable);
    }

    /// <summary>Nothing reaches the phone; the message reaches a case (NotSafeWhileQuietTests).</summary>
    [Fact]
    public void While_quiet_already_not_safe_again_sends_nothing_at_all()
    {
        var host = AtSafetyQuestion("en");
        host.Send("not safe");

        var turn = host.Send("still not safe");

        Assert.Empty(turn.Replies);
        Assert.Equal(["CaseRequested(Low, 0, [wrote_while_not_safe])", "WentQuiet { Reason = not_safe_now }"], turn.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    [Theory]
    [InlineData("It's NOT SAFE!!")]
    [InlineData("sorry, can't talk now")]
    [InlineData("cant   talk")]
    [InlineData("abhi safe nahi hai")]
    [InlineData("tidak aman sekarang")]
    public void A_not_safe_phrase_inside_a_message_counts_whatever_the_language(string message)
    {
        var host = AtSafetyQuestion("en");

        var turn = host.Send(message);

        Assert.Equal(Text("en", "not_safe"), turn.Reply());
        Assert.Equal(new WentQuiet("not_safe_now"), Assert.Single(turn.Events));
    }

    /// <summary>A caseworker took the case while the intake's safety question was unanswered: a not-safe phrase is its "no".</summary>
    [Fact]
    public void Beside_a_caseworker_while_the_safety_question_is_unanswered_not_safe_goes_quiet_and_holds_her_replies()
    {
        var host = AtSafetyQuestion("en");
        host.Send(Words("en").Urgent[0]);
        host.CaseworkerWrites();

        var turn = host.Send("can't talk now");

        Assert.Equal([Text("en", "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], turn.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    /// <summary>
    /// Found by a review of the first version: under any other question these words say other things as often, and a quiet
    /// silenced the person ("I can't talk to my family" answers the isolation question; "I am not safe" may answer the danger
    /// question, which the unclear answer then hands to a person with the emergency number).
    /// </summary>
    [Theory]
    [InlineData("documents", "not safe")]
    [InlineData("isolation", "I can't talk to my family")]
    [InlineData("living", "it's not safe")]
    [InlineData("danger", "I am not safe")]
    public void Under_any_other_question_a_not_safe_phrase_is_read_as_before_never_a_quiet(string step, string message)
    {
        var host = AtStep("en", step);

        var turn = host.Send(message);

        Assert.Equal(Text("en", "reask"), turn.Reply());
        Assert.DoesNotContain(turn.Events, e => e is WentQuiet);
        Assert.True(host.Writable);
    }

    /// <summary>Found by a review of the first version: a caseworker who has the conversation reads it and answers ("Call 112 now").</summary>
    [Fact]
    public void Beside_a_caseworker_who_has_the_conversation_not_safe_is_hers_to_read_and_her_replies_still_go()
    {
        var host = AtStep("en", "documents");
        host.Send("0");
        host.CaseworkerWrites();

        var turn = host.Send("he locked the door, it is not safe here");

        Assert.Empty(turn.Replies);
        Assert.DoesNotContain(turn.Events, e => e is WentQuiet);
        Assert.True(host.Writable);
    }

    /// <summary>Found by a review of the first version: "Please help, I am not safe here" as a first message went quiet and opened no case.</summary>
    [Theory]
    [InlineData("Please help, I am not safe here")]
    [InlineData("Hello I cannot talk English")]
    public void A_first_message_with_a_not_safe_phrase_begins_the_intake_as_any_first_message(string message)
    {
        var host = new FakeHost(Engine);

        var turn = host.Send(message);

        Assert.DoesNotContain(turn.Events, e => e is WentQuiet);
        Assert.DoesNotContain(Text("en", "not_safe"), turn.Replies());
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
}
