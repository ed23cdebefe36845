namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// A case handed to a person without consent keeps the triage it was given, though the answers behind it are forgotten: an
/// urgent word later adds its own reason and points, and drops none.
/// </summary>
public sealed class UrgentWordKeepsReasonsTests
{
    /// <summary>
    /// Found by the engineer who made the conversation wait after the discreet word: the urgent word re-scored the case on
    /// the answers left (none), so it stayed Critical but lost <c>immediate_danger</c> from its reasons.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void An_urgent_word_after_a_hand_off_without_consent_keeps_the_reasons_the_case_was_given(string language)
    {
        var host = InDangerWithoutConsent(language);

        var urgent = host.Send(Words(language).Urgent[0]);

        Assert.Equal(["PriorityChanged(Critical, 200, [urgent_word, immediate_danger])"], urgent.Events.OfType<PriorityChanged>().Select(Describe));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    [InlineData("id")]
    public void An_urgent_word_after_the_discreet_word_keeps_them_too(string language)
    {
        var host = InDangerWithoutConsent(language);
        host.Send("recipe");

        var urgent = host.Send(Words(language).Urgent[0]);

        Assert.Equal([Text(language, "safe_now")], urgent.Replies());
        Assert.Equal(["PriorityChanged(Critical, 215, [urgent_word, discreet_word, immediate_danger])"], urgent.Events.OfType<PriorityChanged>().Select(Describe));
    }

    [Theory]
    [InlineData("{\"b\":9,\"p\":100,\"r\":[\"immediate_danger\"]}")]
    [InlineData("{\"b\":4,\"p\":-1,\"r\":[\"immediate_danger\"]}")]
    [InlineData("{\"b\":4,\"p\":100,\"r\":null}")]
    public void A_kept_triage_that_makes_no_sense_is_dropped_and_the_urgent_word_alone_counts(string kept)
    {
        var state = "{\"v\":1,\"st\":\"h\",\"s\":\"no_consent\",\"ho\":true,\"c\":true,\"ft\":" + kept + "}";
        var snapshot = new ConversationSnapshot("en", state, false, true, null, FakeHost.Epoch);

        var turn = Engine.Handle(snapshot, new InboundMessage("he beats me", 0, null, FakeHost.Epoch.AddMinutes(1)));

        Assert.Equal(["PriorityChanged(Critical, 100, [urgent_word])"], turn.Events.OfType<PriorityChanged>().Select(Describe));
    }

    /// <summary>In danger ("yes" to the danger question: Critical, immediate_danger), then "no" to consent: the answers are forgotten.</summary>
    private static FakeHost InDangerWithoutConsent(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send("1");
        Assert.Contains("CaseRequested(Critical, 100, [immediate_danger])", host.Send("1").Events.Select(Describe));
        Assert.Equal([Text(language, "no_consent")], host.Send("2").Replies());
        return host;
    }
}
