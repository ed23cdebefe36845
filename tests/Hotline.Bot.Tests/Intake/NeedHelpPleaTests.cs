namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// "I need help" is a plea as "help me" is. A newcomer's walk found it read as nothing: after the discreet word it got the
/// safety question and opened no case (nobody would have read it had the person never said it is safe), while "help me"
/// in the same place opened a Critical case out of sight. Being a distress word, it does what "help me" does at every step.
/// </summary>
public sealed class NeedHelpPleaTests
{
    [Theory]
    [InlineData("I need help")]
    [InlineData("i need help please")]
    [InlineData("Need help!")]
    [InlineData("help me")]
    [InlineData("please help")]
    public void After_the_discreet_word_a_plea_gets_only_the_safety_question_and_the_case_goes_to_a_person_silently(string plea)
    {
        var host = AtSafetyQuestion("en");
        host.Send("recipe");

        var cry = host.Send(plea);
        var safe = host.Send("1");

        Assert.Equal(["Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person."], cry.Replies());
        Assert.Equal(
            [
                "CaseRequested(Critical, 115, [distress_word, discreet_word])",
                "HandoffRequested { Reason = distress }",
                "IntakeEnded(distress, [])",
                "WaitsUntilSafe { Cause = discreet_word }",
            ],
            cry.Events.Select(Describe));
        Assert.Equal([Text("en", "distress")], safe.Replies());
    }

    [Fact]
    public void After_not_safe_I_need_help_gets_only_the_safety_question_and_the_case_goes_to_a_person_silently()
    {
        var host = AtSafetyQuestion("en");
        host.Send("2");

        var cry = host.Send("I need help");

        Assert.Equal([Text("en", "safe_now")], cry.Replies());
        Assert.Equal(
            [
                "CaseRequested(Critical, 100, [distress_word])",
                "HandoffRequested { Reason = distress }",
                "IntakeEnded(distress, [])",
                "WaitsUntilSafe { Cause = not_safe_now }",
            ],
            cry.Events.Select(Describe));
    }

    /// <summary>As a first message it was the language menu and no case; "help me" was a person and the number.</summary>
    [Fact]
    public void As_the_first_message_I_need_help_picks_English_and_hands_off_with_the_emergency_number()
    {
        var turn = new FakeHost(Engine).Send("I need help");

        Assert.Equal("en", turn.Language);
        Assert.Equal(["If you can, call 112 now. A person will write to you here soon."], turn.Replies());
        Assert.Equal(
            ["CaseRequested(Critical, 100, [distress_word])", "HandoffRequested { Reason = distress }", "IntakeEnded(distress, [])"],
            turn.Events.Select(Describe));
    }

    /// <summary>Under a question it was an unclear answer (the re-ask).</summary>
    [Fact]
    public void Under_a_question_I_need_help_hands_off_at_once_with_the_emergency_number()
    {
        var turn = AtFirstQuestion("en").Send("I need help");

        Assert.Equal(Text("en", "distress"), turn.Reply());
        Assert.Contains(new HandoffRequested("distress"), turn.Events);
    }

    /// <summary>Beside a caseworker who has written, a plea raises the case and sends nothing: she answers.</summary>
    [Fact]
    public void Beside_a_caseworker_I_need_help_makes_the_case_critical_and_sends_nothing()
    {
        var host = AtSafetyQuestion("en");
        host.Send("1");
        host.Send("0");
        host.CaseworkerWrites();

        var turn = host.Send("I need help");

        Assert.Empty(turn.Replies());
        Assert.Equal(["PriorityChanged(Critical, 100, [distress_word, asked_for_person])"], turn.Events.Select(Describe));
    }
}
