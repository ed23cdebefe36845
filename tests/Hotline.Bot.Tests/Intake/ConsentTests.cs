namespace Hotline.Bot.Tests.Intake;

public sealed class ConsentTests
{
    [Theory, IntakeLanguageData]
    public void No_consent_hands_off_without_recording_any_answer(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send("1");
        host.Send("2");

        var turn = host.Send(Words(language).No[0]);

        Assert.Equal(Text(language, "no_consent"), turn.Reply());
        Assert.Equal(["CaseRequested(Low, 0, [])", "HandoffRequested { Reason = no_consent }", "IntakeEnded(no_consent, [])"],
            turn.Events.Select(Describe));
        Assert.DoesNotContain("\"a\"", turn.State, StringComparison.Ordinal);
    }

    [Fact]
    public void Consent_that_is_never_understood_counts_as_no()
    {
        var host = AtSafetyQuestion("en");
        host.Send("1");
        host.Send("2");
        host.Send("hmm");

        var turn = host.Send("what?");

        Assert.Equal(Text("en", "no_consent"), turn.Reply());
        Assert.DoesNotContain(turn.Events, e => e is AnswerRecorded);
    }

    [Fact]
    public void Asking_for_a_person_before_consent_leaves_no_answers_in_the_state()
    {
        var host = AtSafetyQuestion("en");
        host.Send("1");

        var turn = host.Send("person");

        Assert.DoesNotContain("\"a\"", turn.State, StringComparison.Ordinal);
    }
}
