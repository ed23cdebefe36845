using Hotline.Bot.Channels;

namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// A message longer than a short answer, written while the conversation waits until it is safe (after the discreet word or
/// "not safe"): the phone gets what it got before, the safety question, but the message reaches a case a caseworker reads,
/// opened out of sight with the reason <c>wrote_while_not_safe</c> (an urgent word in it makes it Critical, as anywhere). A
/// short message ("hello", "are you there?") still opens nothing: it says no more than a person checking in.
/// </summary>
public sealed class WrittenWhileNotSafeTests
{
    private const string Plea = "he is watching, I need help, he took my passport";

    /// <summary>
    /// A newcomer's walk: after the discreet word this got the safety question and opened no case, so no caseworker read it,
    /// and if the person never answered "yes", nobody knew.
    /// </summary>
    [Fact]
    public void After_the_discreet_word_a_longer_message_gets_the_safety_question_and_opens_a_case_out_of_sight()
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");

        var turn = host.Send(Plea);

        Assert.Equal([Text("en", "safe_now")], turn.Replies());
        Assert.Equal(
            ["WaitsUntilSafe { Cause = discreet_word }", "CaseRequested(Medium, 15, [discreet_word, wrote_while_not_safe])"],
            turn.Events.Select(Describe));
        Assert.False(host.Writable);
        Assert.Equal([Text("en", "danger")], host.Send("1").Replies());
    }

    [Fact]
    public void After_not_safe_a_longer_message_gets_the_safety_question_and_opens_a_case_out_of_sight()
    {
        var host = AtSafetyQuestion("en");
        host.Send("2");

        var turn = host.Send(Plea);

        Assert.Equal([Text("en", "safe_now")], turn.Replies());
        Assert.Equal(
            ["WaitsUntilSafe { Cause = not_safe_now }", "CaseRequested(Low, 0, [wrote_while_not_safe])"],
            turn.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    /// <summary>Asked already whether it is safe (a "hello" woke the quiet): the unclear answer is asked again in simpler words, as before.</summary>
    [Fact]
    public void Asked_whether_it_is_safe_after_the_discreet_word_a_longer_message_is_asked_again_and_opens_a_case_out_of_sight()
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");
        host.Send("hello");

        var turn = host.Send(Plea);

        Assert.Equal([Text("en", "reask")], turn.Replies());
        Assert.Equal(
            ["WaitsUntilSafe { Cause = discreet_word }", "CaseRequested(Medium, 15, [discreet_word, wrote_while_not_safe])"],
            turn.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    /// <summary>A longer "yes" once the safety question is asked says it is safe: the intake goes on, as after "1".</summary>
    [Fact]
    public void Asked_whether_it_is_safe_after_the_discreet_word_a_longer_yes_goes_on_with_the_intake()
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");
        host.Send("hello");

        var turn = host.Send("yes, he is gone now, I can talk");

        Assert.Equal([Text("en", "danger")], turn.Replies());
        Assert.Empty(turn.Events);
        Assert.True(host.Writable);
    }

    [Fact]
    public void After_the_discreet_word_an_urgent_word_in_a_longer_message_makes_the_case_critical_out_of_sight()
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");

        var turn = host.Send("he is watching me, he beats me every day");

        Assert.Equal([Text("en", "safe_now")], turn.Replies());
        Assert.Equal(
            [
                "WaitsUntilSafe { Cause = discreet_word }",
                "CaseRequested(Critical, 115, [urgent_word, discreet_word])",
                "HandoffRequested { Reason = urgent_word }",
                "UrgentWordMatched { Word = beats me, Language = en }",
            ],
            turn.Events.Select(Describe));
        Assert.Equal([Text("en", "distress"), Text("en", "danger")], host.Send("1").Replies());
    }

    /// <summary>The reason stays with the case: an urgent word written later adds to it, and nothing the case said drops.</summary>
    [Fact]
    public void An_urgent_word_after_a_longer_message_keeps_the_reason_beside_it()
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");
        host.Send(Plea);

        var turn = host.Send("police");

        Assert.Contains("PriorityChanged(Critical, 115, [urgent_word, discreet_word, wrote_while_not_safe])", turn.Events.Select(Describe));
    }

    /// <summary>Checking in says no more than the discreet word did: the safety question, and no case.</summary>
    [Theory]
    [InlineData("hello")]
    [InlineData("are you there?")]
    [InlineData("hi, me again")]
    public void After_the_discreet_word_a_short_message_gets_the_safety_question_and_opens_no_case(string message)
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");

        var turn = host.Send(message);

        Assert.Equal([Text("en", "safe_now")], turn.Replies());
        Assert.Equal(["WaitsUntilSafe { Cause = discreet_word }"], turn.Events.Select(Describe));
        Assert.False(host.Snapshot.HasOpenCase);
    }

    [Fact]
    public void Asked_whether_it_is_safe_after_the_discreet_word_a_short_unclear_message_is_asked_again_and_opens_no_case()
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");
        host.Send("hello");

        var turn = host.Send("are you there?");

        Assert.Equal([Text("en", "reask")], turn.Replies());
        Assert.Equal(["WaitsUntilSafe { Cause = discreet_word }"], turn.Events.Select(Describe));
        Assert.False(host.Snapshot.HasOpenCase);
    }

    /// <summary>A case queued already is where the message goes: nothing more is opened or re-triaged.</summary>
    [Fact]
    public void After_the_discreet_word_a_longer_message_on_a_queued_case_changes_nothing_on_it()
    {
        var host = AtFirstQuestion("en");
        host.Send("recipe");

        var turn = host.Send(Plea);

        Assert.Equal([Text("en", "safe_now")], turn.Replies());
        Assert.Equal(["WaitsUntilSafe { Cause = discreet_word }"], turn.Events.Select(Describe));
    }

    /// <summary>By WhatsApp with no language known yet: the menu, as any message then gets, and the case opens out of sight.</summary>
    [Fact]
    public void After_the_discreet_word_a_longer_message_in_no_known_language_gets_the_menu_and_opens_a_case()
    {
        var host = new FakeHost(Engine, channel: Channel.WhatsApp);
        host.Send("recipe");

        var turn = host.Send("he is watching, he took my passport");

        Assert.Equal(Menu(), turn.Replies());
        Assert.Equal(
            ["WaitsUntilSafe { Cause = discreet_word }", "CaseRequested(Medium, 15, [discreet_word, wrote_while_not_safe])"],
            turn.Events.Select(Describe));
    }
}
