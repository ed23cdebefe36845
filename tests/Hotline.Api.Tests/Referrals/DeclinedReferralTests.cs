namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// A partner that declines a referral has no further use for what it was told about the person: it keeps the referral's
/// existence, service, its own reason and dates, as after a withdrawal, and nothing the consent shared.
/// </summary>
public sealed class DeclinedReferralTests
{
    [Theory, DatabaseData]
    public async Task After_declining_the_partner_keeps_its_reason_and_dates_but_no_shared_detail_and_no_photo(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var (h, _, sent, _) = await ReferralPhotoTests.ReferCaseWithPhotoAsync(twilio, "photos", "location", "summary", "region", "language");
        var (_, photo) = await ReferralPhotoTests.PartnerViewAsync(h, sent.Id);

        var declined = await ReferralHarness.Read<PartnerReferralView>(await h.ShelterStaff.Http.PostAsJsonAsync(
            $"/api/partner/referrals/{sent.Id}/decline", new DeclineReferral("no_capacity"), Ct));
        var json = await h.ShelterStaff.Http.GetStringAsync($"/api/partner/referrals/{sent.Id}", Ct);
        var inbox = await h.ShelterStaff.Http.GetStringAsync("/api/partner/referrals", Ct);
        using var photoAfter = await h.ShelterStaff.Http.GetAsync(photo.Path, Ct);

        var seen = JsonSerializer.Deserialize<PartnerReferralView>(json, JsonSerializerOptions.Web)!;
        Assert.Equal(("Declined", "shelter", "no_capacity"), (seen.Status, seen.Service, seen.DeclineReason));
        Assert.NotNull(seen.RespondedAt);
        Assert.Null(seen.Shared);
        Assert.Null(declined.Shared);
        Assert.Equal(HttpStatusCode.NotFound, photoAfter.StatusCode);
        Assert.All(new[] { json, inbox }, body =>
        {
            Assert.DoesNotContain(photo.Sha256, body, StringComparison.Ordinal);
            Assert.DoesNotContain("52.52", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Doha", body, StringComparison.Ordinal);
            Assert.DoesNotContain("documents held by the employer", body, StringComparison.Ordinal);
        });
    }
}
