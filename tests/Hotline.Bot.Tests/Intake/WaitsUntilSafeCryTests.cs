using Hotline.Bot.Channels;

namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// After the discreet word or "not safe", the phone may be in someone else's hands: a distress or urgent word is not lost
/// (the case opens or rises and goes to a person, out of sight), but nothing reaches the phone except the safety question,
/// and the conversation waits until the person says it is safe; then the hand-off reply they would have had follows.
/// </summary>
public sealed class WaitsUntilSafeCryTests
{
    /// <summary>
    /// A newcomer's finding: after "recipe", "मलाई बचाउ" (save me) got "If you can, call 112 now…" at once, the case had no
    /// quiet banner and a caseworker's reply was delivered.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void After_the_discreet_word_a_distress_word_gets_only_the_safety_question_and_the_case_goes_to_a_person_silently(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send("recipe");

        var cry = host.Send(Words(language).Distress[0]);

        Assert.Equal([Text(language, "safe_now")], cry.Replies());
        Assert.Equal(
            [
                "CaseRequested(Critical, 115, [distress_word, discreet_word])",
                "HandoffRequested { Reason = distress }",
                "IntakeEnded(distress, [])",
                "WaitsUntilSafe { Cause = discreet_word }",
            ],
            cry.Events.Select(Describe));
        var unclear = host.Send("?");
        Assert.Contains(new WaitsUntilSafe("discreet_word"), unclear.Events);
        var safe = host.Send("1");
        Assert.Equal([Text(language, "distress")], safe.Replies());
        Assert.Empty(safe.Events);
    }

    /// <summary>
    /// The number a cry was owed is not lost with its case: closed meanwhile (a caseworker could not write to them), the new
    /// intake's safety question comes first and the "yes" gets the number before the next question.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ne")]
    public void The_number_a_cry_was_owed_is_told_at_the_yes_even_when_its_case_was_closed_meanwhile(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send("recipe");
        host.Send(Words(language).Distress[0]);
        host.CloseCase();

        var again = host.Send("hi");
        var safe = host.Send("1");

        Assert.Equal([Text(language, "safe_now")], again.Replies());
        Assert.Equal([Text(language, "distress"), Text(language, "danger")], safe.Replies());
    }

    [Theory, IntakeLanguageData]
    public void After_not_safe_a_distress_word_gets_only_the_safety_question_and_the_number_once_it_is_safe(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send("2");

        var cry = host.Send(Words(language).Distress[0]);
        var safe = host.Send("1");

        Assert.Equal([Text(language, "safe_now")], cry.Replies());
        Assert.Contains(new WaitsUntilSafe("not_safe_now"), cry.Events);
        Assert.Contains(new HandoffRequested("distress"), cry.Events);
        Assert.Equal([Text(language, "distress")], safe.Replies());
    }

    /// <summary>By WhatsApp with no language known yet: the menu, and the safety question in the chosen language, still waiting.</summary>
    [Fact]
    public void After_the_discreet_word_a_distress_word_in_no_known_language_gets_the_menu_and_the_conversation_waits()
    {
        var host = new FakeHost(Engine, channel: Channel.WhatsApp);
        host.Send("recipe");

        var cry = host.Send("bachao");
        var chosen = host.Send(MenuNumber("ne"));
        var safe = host.Send("1");

        Assert.Equal(Menu(), cry.Replies());
        Assert.Contains(new WaitsUntilSafe("discreet_word"), cry.Events);
        Assert.Contains("CaseRequested(Critical, 115, [distress_word, discreet_word])", cry.Events.Select(Describe));
        Assert.Equal([Text("ne", "safe_now")], chosen.Replies());
        Assert.Contains(new WaitsUntilSafe("discreet_word"), chosen.Events);
        Assert.Equal([Text("ne", "distress")], safe.Replies());
    }

    [Fact]
    public void A_distress_word_while_asked_whether_it_is_safe_after_the_discreet_word_asks_it_again_and_still_waits()
    {
        var host = AtFirstQuestion("ne");
        host.Send("recipe");
        host.Send("नमस्ते");

        var cry = host.Send("मलाई बचाउ");

        Assert.Equal([Text("ne", "safe_now")], cry.Replies());
        Assert.Equal(
            ["PriorityChanged(Critical, 115, [distress_word, discreet_word])", "HandoffRequested { Reason = distress }", "IntakeEnded(distress, [documents, wages, free_to_leave, debt, threats, deceived, hours, isolation, living, location])", "WaitsUntilSafe { Cause = discreet_word }"],
            cry.Events.Select(Describe));
        Assert.Equal([Text("ne", "distress")], host.Send("1").Replies());
    }

    /// <summary>
    /// A newcomer's finding: after the discreet word, "साहुले कुट्छ" (the boss beats me) neither opened nor raised a case.
    /// It is matched now, out of sight; the number waits until they say it is safe, then comes before the question they were on.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void After_the_discreet_word_an_urgent_word_opens_a_critical_case_silently_and_the_number_follows_once_it_is_safe(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send("recipe");

        var urgent = host.Send(Words(language).Urgent[0]);

        Assert.Equal([Text(language, "safe_now")], urgent.Replies());
        Assert.Equal(
            ["WaitsUntilSafe { Cause = discreet_word }", "CaseRequested(Critical, 115, [urgent_word, discreet_word])", "HandoffRequested { Reason = urgent_word }"],
            urgent.Events.Where(e => e is not UrgentWordMatched).Select(Describe));
        Assert.Single(urgent.Events.OfType<UrgentWordMatched>());
        var safe = host.Send("1");
        Assert.Equal([Text(language, "distress"), Text(language, "danger")], safe.Replies());
    }

    [Theory]
    [InlineData("ne", "साहुले कुट्छ")]
    [InlineData("en", "he beats me")]
    [InlineData("sw", "wananipiga")]
    public void After_the_discreet_word_an_urgent_word_raises_an_open_case_to_critical_and_asks_only_whether_it_is_safe(string language, string words)
    {
        var host = AtFirstQuestion(language);
        host.Send("recipe");

        var urgent = host.Send(words);
        var safe = host.Send("1");

        Assert.Equal([Text(language, "safe_now")], urgent.Replies());
        Assert.Contains("PriorityChanged(Critical, 115, [urgent_word, discreet_word])", urgent.Events.Select(Describe));
        Assert.Contains(new WaitsUntilSafe("discreet_word"), urgent.Events);
        Assert.Equal([Text(language, "distress"), Text(language, "documents")], safe.Replies());
    }

    /// <summary>A "no" after the cry: nothing is told; the number still waits for the "yes".</summary>
    [Fact]
    public void Not_safe_after_a_silent_distress_word_tells_nothing_and_the_number_waits_for_the_next_yes()
    {
        var host = AtSafetyQuestion("hi");
        host.Send("recipe");
        host.Send("bachao");

        var notSafe = host.Send("2");
        host.Send("हाँ");
        var safe = host.Send("1");

        Assert.Equal([Text("hi", "not_safe")], notSafe.Replies());
        Assert.Equal([Text("hi", "distress")], safe.Replies());
    }
}
