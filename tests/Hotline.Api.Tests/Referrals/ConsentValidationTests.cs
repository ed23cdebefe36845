using Hotline.Api.Referrals;

namespace Hotline.Api.Tests.Referrals;

/// <summary>A consent that does not add up is refused in the words of the form the caseworker filled in.</summary>
public sealed class ConsentValidationTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-05T16:00:00Z");

    [Fact]
    public void A_detail_the_consent_covers_left_empty_names_the_box_ticked()
    {
        var (_, error) = ConsentValidation.Check(Consent(["language", "summary"], summary: null), Now.AddHours(-1), Now);

        Assert.Equal("The consent covers a summary for the partner (\"Summary written by the caseworker\", 'summary'): give it, or leave it out of the shared fields.", error);
    }

    [Fact]
    public void A_detail_given_that_the_consent_does_not_cover_names_the_box_to_tick()
    {
        var (_, error) = ConsentValidation.Check(Consent(["language"], summary: "Lives at camp 7."), Now.AddHours(-1), Now);

        Assert.Equal("The consent does not cover a summary for the partner: leave it out, or add \"Summary written by the caseworker\" ('summary') to the shared fields.", error);
    }

    private static RecordConsent Consent(IReadOnlyList<string> fields, string? summary) =>
        new("person", "sms", Now.AddMinutes(-5), fields, summary, null, null, null);
}
