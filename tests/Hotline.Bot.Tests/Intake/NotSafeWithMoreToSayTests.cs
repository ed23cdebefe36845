namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// Anything but a "yes" to the intake's first safety question, with more to say than the answer ("no, he is in the next room, he took
/// my passport"): the phone gets what a "no" gets, the not-safe acknowledgement and nothing more, but the message reaches a case
/// a caseworker reads, opened out of sight with the reason <c>wrote_while_not_safe</c>, as a message written while the
/// conversation waits until it is safe does. A short "no" still opens nothing.
/// </summary>
public sealed class NotSafeWithMoreToSayTests
{
    private const string LongNo = "no, he is in the next room, he took my passport";

    private const string StoryBeforeAnswering = "my boss took my passport, we have not been paid for months";

    /// <summary>
    /// Before, it went quiet and opened no case: nothing answers a quiet conversation's silence (the timer that hands an
    /// unanswered safety question to a person does nothing once it is quiet), so if they never wrote again, nobody read it.
    /// </summary>
    [Fact]
    public void A_long_no_to_the_first_safety_question_gets_the_not_safe_reply_and_opens_a_case_out_of_sight()
    {
        var host = AtSafetyQuestion("en");

        var turn = host.Send(LongNo);

        Assert.Equal([Text("en", "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }", "CaseRequested(Low, 0, [wrote_while_not_safe])"], turn.Events.Select(Describe));
        Assert.False(host.Writable);
        Assert.Empty(host.Tick(TimeSpan.FromHours(2)).Replies);
    }

    /// <summary>Their "yes" later goes on with the intake where it was, as after "2" then "1".</summary>
    [Fact]
    public void After_a_long_no_the_yes_to_the_safety_question_goes_on_with_the_intake()
    {
        var host = AtSafetyQuestion("en");
        host.Send(LongNo);

        Assert.Equal([Text("en", "safe_now")], host.Send("hi").Replies());
        var turn = host.Send("1");

        Assert.Equal([Text("en", "danger")], turn.Replies());
        Assert.True(host.Writable);
    }

    [Fact]
    public void A_not_safe_phrase_with_more_to_say_at_the_first_safety_question_opens_a_case_out_of_sight()
    {
        var host = AtSafetyQuestion("en");

        var turn = host.Send("not safe, he is in the next room, he took my passport");

        Assert.Equal([Text("en", "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }", "CaseRequested(Low, 0, [wrote_while_not_safe])"], turn.Events.Select(Describe));
    }

    /// <summary>Once in NotSafePhraseTests as a phrase inside a message: the quiet it gives is the same, and the boss now reaches a caseworker.</summary>
    [Fact]
    public void A_not_safe_phrase_saying_who_is_there_opens_a_case_out_of_sight()
    {
        var host = AtSafetyQuestion("en");

        var turn = host.Send("sorry my boss is here, can't talk now");

        Assert.Equal([Text("en", "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }", "CaseRequested(Low, 0, [wrote_while_not_safe])"], turn.Events.Select(Describe));
    }

    /// <summary>An answer unclear twice goes where a "no" goes (the script's on_unknown): it is all message.</summary>
    [Fact]
    public void A_long_answer_unclear_when_asked_again_opens_a_case_out_of_sight()
    {
        var host = AtSafetyQuestion("en");
        Assert.Equal([Text("en", "reask")], host.Send("who is this?").Replies());

        var turn = host.Send("he is in the next room with my passport");

        Assert.Equal([Text("en", "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }", "CaseRequested(Low, 0, [wrote_while_not_safe])"], turn.Events.Select(Describe));
    }

    /// <summary>
    /// A story that answers neither yes nor no gets the simpler re-ask, and the conversation does not wait yet; what begins the
    /// wait is the answer to the re-ask ("2", or an answer still unclear, which goes where a "no" goes). Before, only that
    /// answer's words were counted: the conversation went quiet with no case, and nobody read the story.
    /// </summary>
    [Theory]
    [InlineData("2")]
    [InlineData("who?")]
    public void A_long_unclear_message_then_anything_but_a_yes_to_the_re_ask_opens_a_case_out_of_sight(string answer)
    {
        var host = AtSafetyQuestion("en");
        var story = host.Send(StoryBeforeAnswering);

        var turn = host.Send(answer);

        Assert.Equal([Text("en", "reask")], story.Replies());
        Assert.DoesNotContain(story.Events, e => e is CaseRequested);
        Assert.Equal([Text("en", "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }", "CaseRequested(Low, 0, [wrote_while_not_safe])"], turn.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    /// <summary>
    /// A "yes" to the re-ask goes on with the intake, and the story is not held against a later answer: a short "no" once asked
    /// again after a quiet spell opens nothing, as it would without the story.
    /// </summary>
    [Fact]
    public void A_long_unclear_message_then_a_yes_to_the_re_ask_goes_on_with_the_intake_and_opens_no_case()
    {
        var host = AtSafetyQuestion("en");
        host.Send(StoryBeforeAnswering);

        var yes = host.Send("1");
        host.Send("recipe");
        host.Send("hi");
        var shortNo = host.Send("2");

        Assert.Equal([Text("en", "danger")], yes.Replies());
        Assert.DoesNotContain(yes.Events, e => e is CaseRequested);
        Assert.Equal(["WentQuiet { Reason = discreet_word }"], shortNo.Events.Select(Describe));
        Assert.False(host.Snapshot.HasOpenCase);
    }

    /// <summary>A short unclear message then "2" says no more than "2": no case.</summary>
    [Fact]
    public void A_short_unclear_message_then_a_no_to_the_re_ask_opens_no_case()
    {
        var host = AtSafetyQuestion("en");
        Assert.Equal([Text("en", "reask")], host.Send("who is this?").Replies());

        var turn = host.Send("2");

        Assert.Equal([Text("en", "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], turn.Events.Select(Describe));
        Assert.False(host.Snapshot.HasOpenCase);
    }

    /// <summary>Saying only that it is not safe, in a few words, says no more than "2": no case, as before.</summary>
    [Theory]
    [InlineData("no")]
    [InlineData("2")]
    [InlineData("no not now")]
    [InlineData("no, he is here")]
    [InlineData("not safe, sorry")]
    public void A_short_no_to_the_first_safety_question_opens_no_case(string message)
    {
        var host = AtSafetyQuestion("en");

        var turn = host.Send(message);

        Assert.Equal([Text("en", "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], turn.Events.Select(Describe));
        Assert.False(host.Snapshot.HasOpenCase);
    }

    /// <summary>Asked again after a quiet spell, the words beside the "no" are counted the same way.</summary>
    [Fact]
    public void Asked_again_after_a_quiet_spell_a_long_no_opens_a_case_and_a_short_one_does_not()
    {
        var shortNo = AtSafetyQuestion("en");
        shortNo.Send("2");
        shortNo.Send("hi");
        var longNo = AtSafetyQuestion("en");
        longNo.Send("2");
        longNo.Send("hi");

        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], shortNo.Send("no, he is here").Events.Select(Describe));
        Assert.Equal(
            ["WentQuiet { Reason = not_safe_now }", "CaseRequested(Low, 0, [wrote_while_not_safe])"],
            longNo.Send(LongNo).Events.Select(Describe));
    }

    /// <summary>A "no" on a case queued already (the discreet word, then asked again) is where the message goes: nothing more.</summary>
    [Fact]
    public void A_long_no_on_a_queued_case_changes_nothing_on_it()
    {
        var host = AtFirstQuestion("en");
        host.Send("recipe");
        host.Send("hi");

        var turn = host.Send(LongNo);

        Assert.Equal([Text("en", "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = discreet_word }"], turn.Events.Select(Describe));
    }
}
