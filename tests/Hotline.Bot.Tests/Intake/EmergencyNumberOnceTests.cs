namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// The emergency number is told once: a second "If you can, call 112 now…" right after the first says nothing new, and
/// is one more text naming a way out on a phone someone else may read. It is told again after a quiet spell (the person
/// may have deleted the thread).
/// </summary>
public sealed class EmergencyNumberOnceTests
{
    /// <summary>A newcomer's finding: an urgent word in the answer to "Are you in danger?", then "1", told the number twice.</summary>
    [Theory, IntakeLanguageData]
    public void An_urgent_word_at_the_danger_question_then_yes_tells_the_number_once(string language)
    {
        var host = AtStep(language, "danger");

        var urgent = host.Send(Words(language).Urgent[0]);
        var yes = host.Send("1");

        Assert.Equal([Text(language, "distress"), Text(language, "danger")], urgent.Replies());
        Assert.Equal([Text(language, "consent")], yes.Replies());
        Assert.Contains(new HandoffRequested("urgent_word"), urgent.Events);
    }

    [Theory, IntakeLanguageData]
    public void A_distress_word_then_an_urgent_word_tells_the_number_once(string language)
    {
        var host = AtFirstQuestion(language);

        var cry = host.Send(Words(language).Distress[0]);
        var urgent = host.Send(Words(language).Urgent[0]);

        Assert.Equal([Text(language, "distress")], cry.Replies());
        Assert.Empty(urgent.Replies);
        Assert.Contains("PriorityChanged(Critical, 200, [urgent_word, distress_word])", urgent.Events.Select(Describe));
    }

    /// <summary>The cry still gets an answer, that a person will write; the number is just above it on the phone.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ne")]
    [InlineData("ar")]
    public void An_urgent_word_then_a_distress_word_tells_the_number_once_and_says_a_person_will_write(string language)
    {
        var host = AtFirstQuestion(language);

        var urgent = host.Send(Words(language).Urgent[0]);
        var cry = host.Send(Words(language).Distress[0]);

        Assert.Equal([Text(language, "distress"), Text(language, "documents")], urgent.Replies());
        Assert.Equal([Text(language, "person")], cry.Replies());
        Assert.Contains(new HandoffRequested("urgent_word"), urgent.Events);
    }

    [Fact]
    public void After_a_quiet_spell_the_number_is_told_again()
    {
        var host = AtStep("en", "danger");
        host.Send("he beats me");
        host.Send("recipe");
        host.Send("hi");

        var safe = host.Send("1");
        var danger = host.Send("1");

        Assert.Equal([Text("en", "danger")], safe.Replies());
        Assert.Equal([Text("en", "danger_help"), Text("en", "consent")], danger.Replies());
    }
}
