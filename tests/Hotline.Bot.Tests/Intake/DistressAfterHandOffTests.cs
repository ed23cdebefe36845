namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// A distress word once the intake has handed the case to a person makes it Critical, in danger now, as an urgent word does
/// in the same place, and the phone gets what an urgent word gets there: the emergency number once, while nobody has written
/// to them; nothing beside a caseworker who has (she answers); only the safety question while it waits until safe. Before,
/// "sos" or "help me" there changed nothing and got nothing, while "police" made the case Critical with the number.
/// </summary>
public sealed class DistressAfterHandOffTests
{
    /// <summary>A review: the intake complete and the case waiting at Low, unclaimed, "sos" left it Low and got no reply.</summary>
    [Theory]
    [InlineData("sos")]
    [InlineData("help me")]
    public void After_the_intake_is_complete_a_distress_word_makes_the_waiting_case_critical_and_gets_the_emergency_number(string cry)
    {
        var host = Completed();

        var turn = host.Send(cry);

        Assert.Equal([Text("en", "distress")], turn.Replies());
        Assert.Equal(["PriorityChanged(Critical, 100, [distress_word])"], turn.Events.Select(Describe));
    }

    [Fact]
    public void After_the_intake_is_complete_an_urgent_word_gets_the_same()
    {
        var host = Completed();

        var turn = host.Send("police");

        Assert.Equal([Text("en", "distress")], turn.Replies());
        Assert.Equal(["PriorityChanged(Critical, 100, [urgent_word])", "UrgentWordMatched { Word = police, Language = en }"],
            turn.Events.Select(Describe));
    }

    [Fact]
    public void After_asking_for_a_person_a_distress_word_makes_the_case_critical_and_the_number_is_told_once()
    {
        var host = AtFirstQuestion("en");
        host.Send("0");

        var cry = host.Send("help me");
        var again = host.Send("sos");

        Assert.Equal([Text("en", "distress")], cry.Replies());
        Assert.Equal(["PriorityChanged(Critical, 100, [distress_word, asked_for_person])"], cry.Events.Select(Describe));
        Assert.Empty(again.Replies);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Beside_a_caseworker_who_has_written_a_distress_word_makes_the_case_critical_and_sends_nothing()
    {
        var host = AtFirstQuestion("en");
        host.Send("0");
        host.CaseworkerWrites();

        var turn = host.Send("help me");

        Assert.Empty(turn.Replies);
        Assert.Equal(["PriorityChanged(Critical, 100, [distress_word, asked_for_person])"], turn.Events.Select(Describe));
    }

    /// <summary>Handed to a person, then the discreet word: the case rises out of sight, the safety question, the number at the "yes".</summary>
    [Fact]
    public void After_the_discreet_word_once_handed_off_a_distress_word_makes_the_case_critical_out_of_sight()
    {
        var host = AtFirstQuestion("en");
        host.Send("0");
        host.Send("recipe");

        var turn = host.Send("help me");

        Assert.Equal([Text("en", "safe_now")], turn.Replies());
        Assert.Equal(["PriorityChanged(Critical, 115, [distress_word, discreet_word, asked_for_person])", "WaitsUntilSafe { Cause = discreet_word }"],
            turn.Events.Select(Describe));
        Assert.Equal([Text("en", "distress")], host.Send("1").Replies());
    }

    /// <summary>Half an hour silent at the safety question hands the case over quiet: a cry then raised nothing.</summary>
    [Fact]
    public void Silent_at_the_safety_question_then_a_distress_word_makes_the_case_critical_out_of_sight()
    {
        var host = AtSafetyQuestion("en");
        host.Tick(TimeSpan.FromMinutes(30));

        var turn = host.Send("sos");

        Assert.Equal([Text("en", "safe_now")], turn.Replies());
        Assert.Equal(["PriorityChanged(Critical, 100, [distress_word])", "WaitsUntilSafe { Cause = safety_unanswered }"],
            turn.Events.Select(Describe));
        Assert.Equal([Text("en", "distress")], host.Send("1").Replies());
    }

    /// <summary>Free to leave, and "no" to every other question (a Low case), and where they are: the intake hands the case over.</summary>
    private static FakeHost Completed()
    {
        var host = AtFirstQuestion("en");
        foreach (var answer in new[] { "2", "2", "1", "2", "2", "2", "2", "2", "2" })
        {
            Assert.DoesNotContain(host.Send(answer).Events, e => e is PriorityChanged);
        }

        Assert.Contains(new HandoffRequested("intake_complete"), host.Send("Al Quoz, Dubai").Events);
        return host;
    }
}
