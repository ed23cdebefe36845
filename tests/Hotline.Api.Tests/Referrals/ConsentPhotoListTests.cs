using Hotline.Api.Tests.Media;

namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// The consent form said a consent could cover "Photos the person sent" but not which: the caseworker ticking it was not
/// shown the photos that would go, and the referral, sent, did not say how many had. The clock starts at 7 Dec 2026, 09:00 UTC.
/// </summary>
public sealed class ConsentPhotoListTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory, DatabaseData]
    public async Task The_consent_form_lists_each_photo_a_consent_now_would_share_with_when_it_was_sent(DatabaseProvider engine)
    {
        var clock = new FakeTimeProvider(Start);
        await using var twilio = await TwilioHarness.StartAsync(engine, services: s => s.AddSingleton<TimeProvider>(clock));
        var caseId = await CaseWithTwoPhotosAsync(twilio, clock);
        var h = await ReferralHarness.OnAsync(twilio.App, ReferralHarness.Language, "en");
        var ids = await MediaIdsOldestFirstAsync(twilio);

        var list = await ReferralHarness.Read<ConsentPhotos>(await h.Caseworker.Http.GetAsync($"/api/cases/{caseId}/referrals/consent-photos", Ct));

        Assert.Equal([
            new ConsentPhoto(ids[0], new DateTimeOffset(2026, 12, 7, 9, 1, 0, TimeSpan.Zero), $"/api/cases/{caseId}/media/{ids[0]}"),
            new ConsentPhoto(ids[1], new DateTimeOffset(2026, 12, 7, 9, 4, 0, TimeSpan.Zero), $"/api/cases/{caseId}/media/{ids[1]}"),
        ], list.Photos);
        Assert.Equal(0, list.StillBeingFetched);
        Assert.Equal(1, await twilio.CountAsync(
            $"SELECT COUNT(*) FROM AuditEntries WHERE Action = 'case.referrals-read' AND Subject = '{caseId}' AND Outcome = 'succeeded'"));
    }

    [Theory, DatabaseData]
    public async Task A_photo_still_being_fetched_is_counted_apart_and_not_listed(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        await twilio.TextAsync(MediaWebhooks.Worker, "hello", "0");
        await MediaWebhooks.SendAsync(twilio, TestPhotos.WithGps(), "image/jpeg");
        var caseId = Guid.Parse((await twilio.ScalarAsync("SELECT Id FROM Cases"))!);
        var h = await ReferralHarness.OnAsync(twilio.App, ReferralHarness.Language, "en");

        var list = await ReferralHarness.Read<ConsentPhotos>(await h.Caseworker.Http.GetAsync($"/api/cases/{caseId}/referrals/consent-photos", Ct));

        Assert.Empty(list.Photos);
        Assert.Equal(1, list.StillBeingFetched);
    }

    [Theory, DatabaseData]
    public async Task A_referral_whose_consent_covers_photos_says_how_many_its_partner_receives(DatabaseProvider engine)
    {
        var clock = new FakeTimeProvider(Start);
        await using var twilio = await TwilioHarness.StartAsync(engine, services: s => s.AddSingleton<TimeProvider>(clock));
        var caseId = await CaseWithTwoPhotosAsync(twilio, clock);
        var h = await ReferralHarness.OnAsync(twilio.App, ReferralHarness.Language, "en");

        var withPhotos = await h.SendAsync(caseId, h.Shelter, PartnerServices.Shelter, ReferralHarness.Consent("photos"));
        var withoutPhotos = await h.SendAsync(caseId, h.LegalAid, PartnerServices.LegalAid, ReferralHarness.Consent("language"));
        var listed = await ReferralHarness.Read<List<ReferralView>>(await h.Caseworker.Http.GetAsync($"/api/cases/{caseId}/referrals", Ct));
        var partner = await ReferralHarness.Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{withPhotos.Id}", Ct));

        Assert.Equal(2, withPhotos.PhotosShared);
        Assert.Equal(2, partner.Shared!.Photos!.Count);
        Assert.Null(withoutPhotos.PhotosShared);
        Assert.Equal([2, null], listed.OrderBy(r => r.CreatedAt).Select(r => r.PhotosShared));
    }

    /// <summary>The person asks for someone, then sends a photo at 09:01 and another at 09:04, both kept by the media job. The case.</summary>
    private static async Task<Guid> CaseWithTwoPhotosAsync(TwilioHarness twilio, FakeTimeProvider clock)
    {
        await twilio.TextAsync(MediaWebhooks.Worker, "hello", "0");
        clock.SetUtcNow(Start.AddMinutes(1));
        await MediaWebhooks.SendAsync(twilio, TestPhotos.WithGps(), "image/jpeg", text: "the door");
        clock.SetUtcNow(Start.AddMinutes(4));
        await MediaWebhooks.SendAsync(twilio, TestPhotos.Plain(40, 30), "image/jpeg", text: "the yard");
        await twilio.App.FetchMediaAsync();
        Assert.Equal(2, await twilio.CountAsync("SELECT COUNT(*) FROM MediaItems WHERE Status IN ('Stored', 'Kept')"));
        return Guid.Parse((await twilio.ScalarAsync("SELECT Id FROM Cases"))!);
    }

    private static async Task<Guid[]> MediaIdsOldestFirstAsync(TwilioHarness twilio) =>
    [
        Guid.Parse((await twilio.ScalarAsync("SELECT mi.Id FROM MediaItems AS mi JOIN Messages AS m ON m.Id = mi.MessageId WHERE m.CreatedAt = (SELECT MIN(m2.CreatedAt) FROM Messages AS m2 JOIN MediaItems AS mi2 ON mi2.MessageId = m2.Id)"))!),
        Guid.Parse((await twilio.ScalarAsync("SELECT mi.Id FROM MediaItems AS mi JOIN Messages AS m ON m.Id = mi.MessageId WHERE m.CreatedAt = (SELECT MAX(m2.CreatedAt) FROM Messages AS m2 JOIN MediaItems AS mi2 ON mi2.MessageId = m2.Id)"))!),
    ];
}
