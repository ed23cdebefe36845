namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// "Not safe" written while the conversation is quiet (after the discreet word, "not safe", or half an hour of silence at the
/// safety question). A short message that says only that ("still not safe", "sorry, can't talk now") gets nothing on the
/// phone; a message that goes on ("I was not safe before, please help, I can talk now") gets the safety question, as any
/// message while quiet does. Either way the message reaches a case a caseworker reads, a cry for help in it makes the case
/// Critical, and the console is told what the phone got. Before, every such message got nothing at all: no reply, no case
/// when none was open, no rise, and a banner saying the person was asked whether it is safe.
/// </summary>
public sealed class NotSafeWhileQuietTests
{
    /// <summary>A review: after the discreet word this got no reply and opened no case, so no caseworker ever saw it.</summary>
    [Fact]
    public void After_the_discreet_word_a_message_that_goes_on_past_not_safe_gets_the_safety_question_and_its_cry_raises_a_case()
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");

        var turn = host.Send("I was not safe before, please help, I can talk now");

        Assert.Equal([Text("en", "safe_now")], turn.Replies());
        Assert.Equal(
            [
                "CaseRequested(Critical, 115, [distress_word, discreet_word])",
                "HandoffRequested { Reason = distress }",
                "IntakeEnded(distress, [])",
                "WaitsUntilSafe { Cause = discreet_word }",
            ],
            turn.Events.Select(Describe));
        Assert.Equal([Text("en", "distress")], host.Send("1").Replies());
    }

    [Fact]
    public void After_the_discreet_word_a_message_that_goes_on_past_not_safe_without_a_cry_gets_the_safety_question_and_opens_a_case()
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");

        var turn = host.Send("I was not safe before but now I can talk to you");

        Assert.Equal([Text("en", "safe_now")], turn.Replies());
        Assert.Equal(["CaseRequested(Medium, 15, [discreet_word, wrote_while_not_safe])", "WaitsUntilSafe { Cause = discreet_word }"], turn.Events.Select(Describe));
        Assert.Equal([Text("en", "danger")], host.Send("1").Replies());
    }

    /// <summary>
    /// A review: after half an hour at the safety question this got no reply, the case stayed Low, and the console said the
    /// person was asked whether it is safe to write, though nothing was sent.
    /// </summary>
    [Fact]
    public void Silent_at_the_safety_question_then_a_plea_with_not_safe_in_it_raises_the_case_and_gets_the_safety_question()
    {
        var host = AtSafetyQuestion("en");
        host.Tick(TimeSpan.FromMinutes(30));

        var turn = host.Send("Please help, I am not safe here, I need to talk to someone");

        Assert.Equal([Text("en", "safe_now")], turn.Replies());
        Assert.Equal(
            ["PriorityChanged(Critical, 100, [distress_word])", "WaitsUntilSafe { Cause = safety_unanswered }"],
            turn.Events.Select(Describe));
        Assert.False(host.Writable);
        Assert.Equal([Text("en", "distress")], host.Send("1").Replies());
    }

    /// <summary>
    /// Nothing reaches a phone whose person just wrote that it is still not safe; the message reaches a case (opened now if
    /// none was), and the console says why the conversation is quiet, not that the person was asked anything.
    /// </summary>
    [Theory]
    [InlineData("still not safe")]
    [InlineData("sorry, can't talk now")]
    [InlineData("abhi safe nahi hai")]
    public void After_the_discreet_word_a_short_not_safe_sends_nothing_and_opens_a_case_that_holds_the_message(string message)
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");

        var turn = host.Send(message);

        Assert.Empty(turn.Replies);
        Assert.Equal(["CaseRequested(Medium, 15, [discreet_word, wrote_while_not_safe])", "WentQuiet { Reason = discreet_word }"], turn.Events.Select(Describe));
        Assert.False(host.Writable);
        Assert.Equal([Text("en", "safe_now")], host.Send("hi").Replies());
    }

    /// <summary>A cry for help beside "not safe": Critical and a person out of sight, nothing on the phone, the number at the "yes".</summary>
    [Theory]
    [InlineData("not safe, help me")]
    [InlineData("SOS cant talk")]
    [InlineData("tolong, tidak aman")]
    public void After_not_safe_a_short_not_safe_with_a_cry_sends_nothing_and_makes_the_case_critical(string message)
    {
        var host = AtSafetyQuestion("en");
        host.Send("2");

        var turn = host.Send(message);

        Assert.Empty(turn.Replies);
        Assert.Equal(
            [
                "CaseRequested(Critical, 100, [distress_word])",
                "HandoffRequested { Reason = distress }",
                "IntakeEnded(distress, [])",
                "WentQuiet { Reason = not_safe_now }",
            ],
            turn.Events.Select(Describe));
        Assert.Equal([Text("en", "safe_now")], host.Send("hi").Replies());
        Assert.Equal([Text("en", "distress")], host.Send("1").Replies());
    }

    /// <summary>The case is open already (half an hour at the safety question): the person has now said why, and the console says it.</summary>
    [Fact]
    public void Silent_at_the_safety_question_then_cant_talk_sends_nothing_and_tells_the_console_the_person_said_it_is_not_safe()
    {
        var host = AtSafetyQuestion("en");
        host.Tick(TimeSpan.FromMinutes(30));

        var turn = host.Send("can't talk");

        Assert.Empty(turn.Replies);
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], turn.Events.Select(Describe));
        var again = host.Send("hi");
        Assert.Equal([Text("en", "safe_now")], again.Replies());
        Assert.Equal([new WaitsUntilSafe("not_safe_now")], again.Events);
    }

    /// <summary>At the safety question itself the phone gets the acknowledgement as before; a cry beside "not safe" is not lost.</summary>
    [Fact]
    public void At_the_safety_question_not_safe_with_a_cry_gets_the_acknowledgement_and_the_case_goes_to_a_person_out_of_sight()
    {
        var host = AtSafetyQuestion("en");

        var turn = host.Send("please help me, it is not safe here");

        Assert.Equal([Text("en", "not_safe")], turn.Replies());
        Assert.Equal(
            [
                "CaseRequested(Critical, 100, [distress_word])",
                "HandoffRequested { Reason = distress }",
                "IntakeEnded(distress, [])",
                "WentQuiet { Reason = not_safe_now }",
            ],
            turn.Events.Select(Describe));
        Assert.Equal([Text("en", "safe_now")], host.Send("hi").Replies());
        Assert.Equal([Text("en", "distress")], host.Send("1").Replies());
    }
}
