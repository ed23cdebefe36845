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

        Assert.Equal("The consent covers \"Summary written by the caseworker\": give the summary for the partner, or untick \"Summary written by the caseworker\".", error);
    }

    [Fact]
    public void A_detail_given_that_the_consent_does_not_cover_names_the_box_to_tick()
    {
        var (_, error) = ConsentValidation.Check(Consent(["language"], summary: "Lives at camp 7."), Now.AddHours(-1), Now);

        Assert.Equal("The consent does not cover \"Summary written by the caseworker\": leave out the summary for the partner, or tick \"Summary written by the caseworker\".", error);
    }

    /// <summary>Found by review: the refusal named the region by the code the form sends ('region'), which no caseworker sees.</summary>
    [Fact]
    public void A_region_the_consent_covers_left_empty_is_named_as_its_box_reads_not_by_its_code()
    {
        var (_, error) = ConsentValidation.Check(Consent(["language", "region"], summary: null), Now.AddHours(-1), Now);

        Assert.Equal("The consent covers \"Region\": give the region, or untick \"Region\".", error);
    }

    [Fact]
    public void A_region_given_that_the_consent_does_not_cover_is_named_as_its_box_reads_not_by_its_code()
    {
        var (_, error) = ConsentValidation.Check(Consent(["language"], summary: null) with { Region = "Doha" }, Now.AddHours(-1), Now);

        Assert.Equal("The consent does not cover \"Region\": leave out the region, or tick \"Region\".", error);
    }

    [Fact]
    public void Where_the_photos_were_taken_without_the_photos_names_both_boxes_as_the_form_reads()
    {
        var (_, error) = ConsentValidation.Check(Consent(["location"], summary: null), Now.AddHours(-1), Now);

        Assert.Equal("\"Where the photos were taken (GPS position, and the phone's time zone)\" is about the photos: tick \"Photos the person sent (copies without metadata, with the date and time each was taken)\" too, "
            + "or untick \"Where the photos were taken (GPS position, and the phone's time zone)\".", error);
    }

    private static RecordConsent Consent(IReadOnlyList<string> fields, string? summary) =>
        new("person", "sms", Now.AddMinutes(-5), fields, summary, null, null, null);
}
