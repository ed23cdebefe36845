namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// The discreet word, then a caseworker closes the case while the person is quiet, and they write again: the new intake keeps
/// the warning, so the conversation waits until they say it is safe (a caseworker's reply is refused), and their "yes" goes on
/// with the new intake's first question.
/// </summary>
public sealed class ClosedAfterDiscreetWordTests
{
    /// <summary>
    /// Found by the engineer who made the conversation wait after the discreet word: the new intake asked whether it is safe
    /// without <see cref="WaitsUntilSafe"/>, so a caseworker could reply to a phone its owner had not said is safe since.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void Writing_again_after_the_case_was_closed_asks_whether_it_is_safe_and_waits_until_yes(string language)
    {
        var host = AtFirstQuestion(language);
        host.Send("recipe");
        host.CloseCase();

        var again = host.Send("hi");
        var safe = host.Send(Words(language).Yes[0]);
        var notInDanger = host.Send(Words(language).No[0]);

        Assert.Equal([Text(language, "safe_now")], again.Replies());
        Assert.Equal(["CaseRequested(Medium, 15, [discreet_word])", "WaitsUntilSafe { Cause = discreet_word }"], again.Events.Select(Describe));
        Assert.Equal([Text(language, "danger")], safe.Replies());
        Assert.DoesNotContain(safe.Events, e => e is WaitsUntilSafe);
        Assert.Equal([Text(language, "consent")], notInDanger.Replies());
    }

    [Theory]
    [InlineData("en", "help me")]
    [InlineData("ne", "bachao")]
    [InlineData("sw", "nisaidie")]
    public void A_distress_word_as_the_first_message_after_the_case_was_closed_gets_only_the_safety_question(string language, string cry)
    {
        var host = AtFirstQuestion(language);
        host.Send("recipe");
        host.CloseCase();

        var turn = host.Send(cry);
        var safe = host.Send("1");

        Assert.Equal([Text(language, "safe_now")], turn.Replies());
        Assert.Contains(new WaitsUntilSafe("discreet_word"), turn.Events);
        Assert.Contains(new HandoffRequested("distress"), turn.Events);
        Assert.Equal([Text(language, "distress")], safe.Replies());
    }

    /// <summary>The same after any quiet spell: here the safety question went unanswered, and the case was closed meanwhile.</summary>
    [Theory]
    [InlineData("en", "hello")]
    [InlineData("ta", "வணக்கம்")]
    public void Writing_again_after_a_quiet_spell_whose_case_was_closed_waits_until_safe_too(string language, string text)
    {
        var host = AtSafetyQuestion(language);
        Assert.Contains(new WentQuiet("safety_unanswered"), host.Tick(TimeSpan.FromHours(1)).Events);
        host.CloseCase();

        var again = host.Send(text);

        Assert.Equal([Text(language, "safe_now")], again.Replies());
        Assert.Contains(new WaitsUntilSafe("safety_unanswered"), again.Events);
        Assert.Equal([Text(language, "danger")], host.Send("1").Replies());
    }
}
