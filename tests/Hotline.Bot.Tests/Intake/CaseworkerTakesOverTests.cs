namespace Hotline.Bot.Tests.Intake;

/// <summary>Once a caseworker has written on the open case, the conversation is theirs: the script stops asking.</summary>
public sealed class CaseworkerTakesOverTests
{
    [Theory, IntakeLanguageData]
    public void After_a_caseworker_has_written_an_answer_gets_no_further_question(string language)
    {
        var host = InDangerWithCaseworker(language);

        var turn = host.Send("1");

        Assert.Empty(turn.Replies);
        // The intake ends; consent was not yet given, so there are no recorded questions to list for the caseworker.
        Assert.Equal(["IntakeEnded(caseworker_wrote, [])"], turn.Events.Select(Describe));
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
