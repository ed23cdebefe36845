using Hotline.Api.Tests.Media;

namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// A phone's UTC offset says which part of the world it was set for (+05:45 is Nepal alone): where a photo was taken goes
/// to a partner only with consent to 'location', its capture time's offset with it. The photo: taken 2026-11-30 14:02:11 on
/// a phone whose EXIF gives OffsetTimeOriginal +05:45.
/// </summary>
public sealed class PhotoCaptureTimeTests
{
    [Theory, DatabaseData]
    public async Task Without_consent_to_location_the_partner_gets_the_capture_time_as_the_phones_clock_read_without_its_offset(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var (h, _, sent, _) = await ReferralPhotoTests.ReferCaseWithPhotoAsync(twilio, TestPhotos.WithGpsAndOffset("+05:45"), ["photos"]);

        var (json, photo) = await ReferralPhotoTests.PartnerViewAsync(h, sent.Id);
        var inbox = await h.ShelterStaff.Http.GetStringAsync("/api/partner/referrals", Ct);

        Assert.Equal("2026-11-30 14:02:11", photo.CapturedAt);
        Assert.All(new[] { json, inbox }, body => Assert.DoesNotContain("+05:45", body, StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task With_consent_to_location_the_partner_gets_the_capture_time_with_the_phones_offset(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var (h, _, sent, _) = await ReferralPhotoTests.ReferCaseWithPhotoAsync(twilio, TestPhotos.WithGpsAndOffset("+05:45"), ["photos", "location"]);

        var (_, photo) = await ReferralPhotoTests.PartnerViewAsync(h, sent.Id);

        Assert.Equal("2026-11-30 14:02:11 +05:45", photo.CapturedAt);
    }
}
