namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// A person who asks for a person ("0") while the intake still asks: the case's triage reasons say so
/// (<c>asked_for_person</c>, after the others), with no points and the band unchanged, for the rest of the case.
/// </summary>
public sealed class AskedForPersonReasonTests
{
    /// <summary>
    /// Found by a caseworker: a person who answered danger "no" and consent "yes", then asked for a person, reached the queue
    /// with no reason at all, and the case view said "No triage reasons recorded." though the person had asked for someone.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void Asking_for_a_person_at_an_intake_question_gives_the_waiting_case_the_reason(string language)
    {
        var host = AtFirstQuestion(language);

        var person = host.Send("0");

        Assert.Equal(["PriorityChanged(Low, 0, [asked_for_person])"], person.Events.OfType<PriorityChanged>().Select(Describe));
    }

    [Fact]
    public void Asking_for_a_person_at_the_safety_question_queues_the_case_with_the_reason()
    {
        var host = AtSafetyQuestion("en");

        var person = host.Send("0");

        Assert.Equal(["CaseRequested(Low, 0, [asked_for_person])"], person.Events.OfType<CaseRequested>().Select(Describe));
        Assert.DoesNotContain(person.Events, e => e is PriorityChanged);
    }

    [Fact]
    public void The_reason_comes_after_the_answers_reasons_and_adds_no_points()
    {
        var host = AtFirstQuestion("en");
        host.Send("1");

        var person = host.Send("0");

        Assert.Equal(["PriorityChanged(Medium, 20, [documents_retained, asked_for_person])"], person.Events.OfType<PriorityChanged>().Select(Describe));
    }

    [Fact]
    public void An_urgent_word_after_asking_keeps_the_reason()
    {
        var host = AtFirstQuestion("en");
        host.Send("0");

        var urgent = host.Send(Words("en").Urgent[0]);

        Assert.Equal(["PriorityChanged(Critical, 100, [urgent_word, asked_for_person])"], urgent.Events.OfType<PriorityChanged>().Select(Describe));
    }

    /// <summary>The intake ended with its last answer; the person asks for someone after it: that did not end it.</summary>
    [Fact]
    public void Asking_for_a_person_after_the_intake_is_complete_adds_nothing()
    {
        var host = AtStep("en", "location");
        host.Send("Near the big mall, Al Quoz 3");

        var person = host.Send("0");

        Assert.Empty(person.Events);
    }
}
