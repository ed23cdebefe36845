namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// Asking for a person ("0") after the discreet word or "not safe", before saying it is safe: it is not saying it is safe.
/// The case goes to a person out of sight, the phone gets only the safety question and the conversation waits (a
/// caseworker's reply is refused); their "yes" gets the hand-off's reply, and from then on an urgent word is answered again.
/// </summary>
public sealed class PersonUntilSafeTests
{
    /// <summary>
    /// Found by the engineer who made the conversation wait after the discreet word: "0" here sent "a person will write",
    /// let a caseworker reply, and kept the discreet word's warning for good, so every later urgent word stayed silent.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void Asking_for_a_person_while_asked_whether_it_is_safe_after_the_discreet_word_waits_until_yes(string language)
    {
        var host = AtFirstQuestion(language);
        host.Send("recipe");
        host.Send("hi");

        var person = host.Send("0");
        var safe = host.Send(Words(language).Yes[0]);
        var urgent = host.Send(Words(language).Urgent[0]);

        Assert.Equal([Text(language, "safe_now")], person.Replies());
        Assert.Equal(
            ["PriorityChanged(Medium, 15, [discreet_word, asked_for_person])", "HandoffRequested { Reason = asked_for_person }", "IntakeEnded(asked_for_person, [documents, wages, free_to_leave, debt, threats, deceived, hours, isolation, living, location])", "WaitsUntilSafe { Cause = discreet_word }"],
            person.Events.Select(Describe));
        Assert.Equal([Text(language, "person")], safe.Replies());
        Assert.Empty(safe.Events);
        Assert.Equal([Text(language, "distress")], urgent.Replies());
        Assert.Contains("PriorityChanged(Critical, 115, [urgent_word, discreet_word, asked_for_person])", urgent.Events.Select(Describe));
    }

    /// <summary>"0" as the first message after the discreet word: the same, and the safety question it asks is answered.</summary>
    [Theory]
    [InlineData("en", "person")]
    [InlineData("ar", "0")]
    [InlineData("ne", "0")]
    public void Asking_for_a_person_as_the_first_message_after_the_discreet_word_gets_only_the_safety_question(string language, string ask)
    {
        var host = AtFirstQuestion(language);
        host.Send("recipe");

        var person = host.Send(ask);
        var stillWaiting = host.Send("?");
        var safe = host.Send("1");

        Assert.Equal([Text(language, "safe_now")], person.Replies());
        Assert.Contains(new HandoffRequested("asked_for_person"), person.Events);
        Assert.Contains(new WaitsUntilSafe("discreet_word"), person.Events);
        Assert.Contains(new WaitsUntilSafe("discreet_word"), stillWaiting.Events);
        Assert.Equal([Text(language, "person")], safe.Replies());
    }

    [Theory]
    [InlineData("sw")]
    [InlineData("bn")]
    public void Not_safe_after_asking_for_a_person_keeps_the_conversation_quiet_and_the_next_yes_gives_it_to_the_person(string language)
    {
        var host = AtFirstQuestion(language);
        host.Send("recipe");
        host.Send("0");

        var notSafe = host.Send("2");
        host.Send("hi");
        var safe = host.Send("1");

        Assert.Equal([Text(language, "not_safe")], notSafe.Replies());
        Assert.Equal([Text(language, "person")], safe.Replies());
    }
}
