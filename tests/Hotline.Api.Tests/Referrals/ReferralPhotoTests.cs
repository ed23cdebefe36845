using Hotline.Api.Tests.Media;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// A referral's consent to 'photos': the partner receives the case's photos as the stripped copies the console shows,
/// never the originals, and where they were taken only when 'location' is consented too. The photos are real JPEGs
/// with EXIF GPS (52.520094 N, 13.41 E, 34.5 m), sent as MMS through the Twilio stand-in and kept by the media job.
/// </summary>
public sealed class ReferralPhotoTests
{
    private const string Text = "this is where they keep us";

    [Theory, DatabaseData]
    public async Task With_photos_only_the_partner_receives_the_copy_without_metadata_and_no_place(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var (h, _, sent, original) = await ReferCaseWithPhotoAsync(twilio, "photos");

        var (json, photo) = await PartnerViewAsync(h, sent.Id);
        var jpeg = await FetchAsync(h.ShelterStaff, photo);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(original)), photo.Sha256);
        Assert.Equal("2026-11-30 14:02:11", photo.CapturedAt);
        Assert.Null(photo.Place);
        Assert.NotEqual(original, jpeg);
        Assert.Empty(StrippedPhoto.MetadataBlocks(jpeg));
        Assert.Null(ImageMetadataReader.ReadMetadata(new MemoryStream(jpeg)).OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation());
        Assert.DoesNotContain("52.52", json, StringComparison.Ordinal);
        Assert.DoesNotContain("13.41", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Nokia", json, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task With_photos_and_location_the_partner_receives_where_the_photo_was_taken(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var (h, _, sent, _) = await ReferCaseWithPhotoAsync(twilio, "photos", "location");

        var (_, photo) = await PartnerViewAsync(h, sent.Id);

        Assert.NotNull(photo.Place);
        Assert.Equal(52.520094, photo.Place.Latitude, 6);
        Assert.Equal(13.41, photo.Place.Longitude, 6);
        Assert.Equal(34.5, photo.Place.Altitude);
        Assert.Empty(StrippedPhoto.MetadataBlocks(await FetchAsync(h.ShelterStaff, photo)));
    }

    [Theory, DatabaseData]
    public async Task Without_photos_the_partner_receives_no_photo_and_no_trace_of_one(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var (h, _, sent, original) = await ReferCaseWithPhotoAsync(twilio, "language", "urgency");
        var hash = Convert.ToHexStringLower(SHA256.HashData(original));

        var inbox = await h.ShelterStaff.Http.GetStringAsync("/api/partner/referrals", Ct);
        var item = await h.ShelterStaff.Http.GetStringAsync($"/api/partner/referrals/{sent.Id}", Ct);
        using var direct = await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}/photos/{hash}", Ct);

        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(item).RootElement.GetProperty("shared").GetProperty("photos").ValueKind);
        Assert.All(new[] { inbox, item }, body => Assert.DoesNotContain(hash, body, StringComparison.Ordinal));
        Assert.All(new[] { inbox, item }, body => Assert.DoesNotContain("2026-11-30", body, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task A_photo_the_person_sent_after_giving_consent_is_not_shared(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var (h, _, sent, _) = await ReferCaseWithPhotoAsync(twilio, "photos");

        await MediaWebhooks.SendAsync(twilio, TestPhotos.Plain(40, 30), "image/jpeg", text: "and this is the yard");
        await twilio.App.FetchMediaAsync();

        var view = await ReadAsync<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct));
        Assert.Single(view.Shared!.Photos!);
        Assert.Equal(2, await twilio.CountAsync("SELECT COUNT(*) FROM MediaItems WHERE Status = 'Kept'"));
    }

    [Theory, DatabaseData]
    public async Task Serving_a_photo_to_a_partner_is_audited_by_the_photos_id_and_never_cached(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var (h, _, sent, _) = await ReferCaseWithPhotoAsync(twilio, "photos");
        var (_, photo) = await PartnerViewAsync(h, sent.Id);

        using var response = await h.ShelterStaff.Http.GetAsync(photo.Path, Ct);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var mediaId = await twilio.ScalarAsync("SELECT Id FROM MediaItems");
        Assert.Equal(1, await twilio.CountAsync(
            $"SELECT COUNT(*) FROM AuditEntries WHERE Action = 'partner-inbox.photo-read' AND Subject = '{mediaId}' AND Outcome = 'succeeded'"));
    }

    [Theory, DatabaseData]
    public async Task Another_partner_is_refused_the_photo_and_the_refusal_is_audited(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var (h, _, sent, _) = await ReferCaseWithPhotoAsync(twilio, "photos", "location");
        var (_, photo) = await PartnerViewAsync(h, sent.Id);

        using var response = await h.LegalAidStaff.Http.GetAsync(photo.Path, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await twilio.CountAsync(
            $"SELECT COUNT(*) FROM AuditEntries WHERE Action = 'partner-inbox.photo-read' AND Subject = '{sent.Id}' AND Outcome = 'refused'"));
    }

    [Theory, DatabaseData]
    public async Task A_withdrawn_referral_serves_its_photo_no_more(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var (h, caseId, sent, _) = await ReferCaseWithPhotoAsync(twilio, "photos");
        var (_, photo) = await PartnerViewAsync(h, sent.Id);

        await ReadAsync<ReferralView>(await h.Caseworker.Http.PostAsync($"/api/cases/{caseId}/referrals/{sent.Id}/withdraw", null, Ct));
        using var response = await h.ShelterStaff.Http.GetAsync(photo.Path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task A_partner_with_photos_and_location_still_never_sees_the_persons_number_or_words(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var (h, caseId, sent, _) = await ReferCaseWithPhotoAsync(twilio, "photos", "location", "language", "indicators", "urgency");
        var (json, photo) = await PartnerViewAsync(h, sent.Id);

        var inbox = await h.ShelterStaff.Http.GetStringAsync("/api/partner/referrals", Ct);
        var jpeg = Encoding.Latin1.GetString(await FetchAsync(h.ShelterStaff, photo));

        Assert.All(new[] { json, inbox, jpeg }, body =>
        {
            Assert.DoesNotContain("9800000777", body, StringComparison.Ordinal);
            Assert.DoesNotContain(Text, body, StringComparison.Ordinal);
            Assert.DoesNotContain(caseId.ToString(), body, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory, DatabaseData("location without photos", "location"), DatabaseData("a kind that does not exist", "photo")]
    public async Task A_consent_the_server_cannot_honour_is_refused_with_its_reason_and_nothing_is_written(DatabaseProvider engine, string what,
        string field)
    {
        _ = what;
        await using var h = await ReferralHarness.StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var proposed = await ReadAsync<ReferralView>(await h.ProposeAsync(kase.Id, h.Shelter.Id, PartnerServices.Shelter));

        using var response = await h.Caseworker.Http.PostAsJsonAsync($"/api/cases/{kase.Id}/referrals/{proposed.Id}/consent", Consent(field), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field == "location"
            ? "\"Where the photos were taken (GPS position, and the phone's time zone)\" is about the photos: tick \"Photos the person sent (copies without metadata, with the date and time each was taken)\" too, "
              + "or untick \"Where the photos were taken (GPS position, and the phone's time zone)\"."
            : "'photo' is not something a consent can cover; choose from language, nationality, region, indicators, urgency, summary, contact_route, photos, location.",
            (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct))!.Detail);
        Assert.Equal("Proposed", await h.App.ScalarAsync($"SELECT Status FROM Referrals WHERE Id = '{proposed.Id}'"));
        Assert.Equal(1, await h.App.CountAsync($"SELECT COUNT(*) FROM Referrals WHERE Id = '{proposed.Id}' AND SharedFields IS NULL AND ConsentGivenAt IS NULL"));
        Assert.DoesNotContain(await h.EventsAsync(kase.Id), e => e.Type == CaseEventTypes.ReferralConsentRecorded);
    }

    /// <summary>
    /// The consent form offered the photo fields on every case, and the server took a consent to share photos the person never
    /// sent: the caseworker believed she had shared photos, and the partner was told nothing of it.
    /// </summary>
    [Theory, DatabaseData("photos", new[] { "photos", "language" }), DatabaseData("photos and location", new[] { "photos", "location", "language" })]
    public async Task A_consent_to_share_photos_on_a_case_without_a_photo_is_refused_and_nothing_is_written(DatabaseProvider engine, string what,
        string[] fields)
    {
        _ = what;
        await using var h = await ReferralHarness.StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var proposed = await ReadAsync<ReferralView>(await h.ProposeAsync(kase.Id, h.Shelter.Id, PartnerServices.Shelter));

        using var response = await h.Caseworker.Http.PostAsJsonAsync($"/api/cases/{kase.Id}/referrals/{proposed.Id}/consent", Consent(fields), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(fields.Contains("location")
            ? "No photo of this case can be shared (none the person sent before consent was given has a copy without metadata): untick \"Photos the person sent (copies without metadata, with the date and time each was taken)\" "
              + "and \"Where the photos were taken (GPS position, and the phone's time zone)\"."
            : "No photo of this case can be shared (none the person sent before consent was given has a copy without metadata): untick \"Photos the person sent (copies without metadata, with the date and time each was taken)\".",
            (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct))!.Detail);
        Assert.Equal("Proposed", await h.App.ScalarAsync($"SELECT Status FROM Referrals WHERE Id = '{proposed.Id}'"));
        Assert.Equal(1, await h.App.CountAsync($"SELECT COUNT(*) FROM Referrals WHERE Id = '{proposed.Id}' AND SharedFields IS NULL AND ConsentGivenAt IS NULL"));
        Assert.DoesNotContain(await h.EventsAsync(kase.Id), e => e.Type == CaseEventTypes.ReferralConsentRecorded);
    }

    [Theory, DatabaseData]
    public async Task A_case_without_a_photo_offers_every_consent_field_but_the_photos_and_where_they_were_taken(DatabaseProvider engine)
    {
        await using var h = await ReferralHarness.StartAsync(engine);
        var kase = await h.QueueCaseAsync();

        var fields = await ReadAsync<Dictionary<string, string>>(await h.Caseworker.Http.GetAsync($"/api/cases/{kase.Id}/referrals/consent-fields", Ct));

        Assert.Equal(["language", "nationality", "region", "indicators", "urgency", "summary", "contact_route"], fields.Keys);
    }

    [Theory, DatabaseData]
    public async Task A_case_with_a_photo_offers_the_photos_and_where_they_were_taken(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        var caseId = await CaseWithPhotoAsync(twilio);
        var h = await ReferralHarness.OnAsync(twilio.App, ReferralHarness.Language, "en");

        var fields = await ReadAsync<Dictionary<string, string>>(await h.Caseworker.Http.GetAsync($"/api/cases/{caseId}/referrals/consent-fields", Ct));

        Assert.Equal(["language", "nationality", "region", "indicators", "urgency", "summary", "contact_route", "photos", "location"], fields.Keys);
        Assert.Equal("Photos the person sent (copies without metadata, with the date and time each was taken)", fields["photos"]);
    }

    /// <summary>
    /// The usual way: the photo comes during the intake, before any case is open, so its message carries no case. The
    /// newcomer's walk found the consent form offering no photo box for it, and the partner could never have received it.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_photo_sent_during_the_intake_before_the_case_opened_is_offered_and_shared(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        await twilio.TextAsync(MediaWebhooks.Worker, "hello");
        await MediaWebhooks.SendAsync(twilio, TestPhotos.WithGps(), "image/jpeg", text: Text);
        await twilio.App.FetchMediaAsync();
        await twilio.TextAsync(MediaWebhooks.Worker, "0");
        var caseId = Guid.Parse((await twilio.ScalarAsync("SELECT Id FROM Cases"))!);
        var h = await ReferralHarness.OnAsync(twilio.App, ReferralHarness.Language, "en");

        var fields = await ReadAsync<Dictionary<string, string>>(await h.Caseworker.Http.GetAsync($"/api/cases/{caseId}/referrals/consent-fields", Ct));
        var sent = await h.SendAsync(caseId, h.Shelter, PartnerServices.Shelter, Consent("photos"));

        Assert.Equal("1", await twilio.ScalarAsync("SELECT COUNT(*) FROM Messages WHERE CaseId IS NULL AND Id = (SELECT MessageId FROM MediaItems)"));
        Assert.Equal(["language", "nationality", "region", "indicators", "urgency", "summary", "contact_route", "photos", "location"], fields.Keys);
        // The one photo, shared without where it was taken (consent to photos alone).
        Assert.Null((await PartnerViewAsync(h, sent.Id)).Photo.Place);
    }

    /// <summary>
    /// A returning person's new case: the photo of the first case's intake is that case's, which the new case does not show,
    /// so its consent form offers no photo box (the rule the case serves its photos by, MediaItems_ReadByIdInCase).
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_returning_persons_new_case_offers_no_photo_from_the_intake_of_the_case_before(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        await twilio.TextAsync(MediaWebhooks.Worker, "hello");
        await MediaWebhooks.SendAsync(twilio, TestPhotos.WithGps(), "image/jpeg", text: Text);
        await twilio.App.FetchMediaAsync();
        await twilio.TextAsync(MediaWebhooks.Worker, "0");
        var h = await ReferralHarness.OnAsync(twilio.App, ReferralHarness.Language, "en");
        var worker = h.Caseworker.User;
        var first = (await twilio.App.Get<CaseQueue>().ClaimNextAsync(worker.Id, TimeSpan.FromMinutes(5), Ct))!;
        Assert.True((await twilio.App.Get<CaseActions>().CloseAsync(worker, first.Case.Id, first.LeaseToken, "resolved", null, Ct)).Value);

        await twilio.TextAsync(MediaWebhooks.Worker, "hello", "1", "0");
        var second = Guid.Parse((await twilio.ScalarAsync($"SELECT Id FROM Cases WHERE Id <> '{first.Case.Id}'"))!);
        var fields = await ReadAsync<Dictionary<string, string>>(await h.Caseworker.Http.GetAsync($"/api/cases/{second}/referrals/consent-fields", Ct));

        Assert.Equal(["language", "nationality", "region", "indicators", "urgency", "summary", "contact_route"], fields.Keys);
    }

    private static RecordConsent Consent(params string[] fields) => ReferralHarness.Consent(fields);

    private static Task<T> ReadAsync<T>(HttpResponseMessage response) => ReferralHarness.Read<T>(response);

    /// <summary>
    /// The person asks for someone, then sends a photo with GPS by MMS; the media job keeps it; the caseworker refers the
    /// case to the shelter with consent to <paramref name="fields"/> and sends it. The referral people, the case, the
    /// referral and the photo's bytes as sent.
    /// </summary>
    internal static Task<(ReferralHarness Referrals, Guid CaseId, ReferralView Sent, byte[] Photo)> ReferCaseWithPhotoAsync(TwilioHarness twilio,
        params string[] fields) => ReferCaseWithPhotoAsync(twilio, TestPhotos.WithGps(), fields);

    /// <summary>As above, with <paramref name="photo"/>.</summary>
    internal static async Task<(ReferralHarness Referrals, Guid CaseId, ReferralView Sent, byte[] Photo)> ReferCaseWithPhotoAsync(TwilioHarness twilio,
        byte[] photo, string[] fields)
    {
        var caseId = await CaseWithPhotoAsync(twilio, photo);
        var h = await ReferralHarness.OnAsync(twilio.App, ReferralHarness.Language, "en");
        return (h, caseId, await h.SendAsync(caseId, h.Shelter, PartnerServices.Shelter, Consent(fields)), photo);
    }

    /// <summary>The person asks for someone, then sends <paramref name="photo"/> (one with GPS when none is given) by MMS; the media job keeps it. The case.</summary>
    private static async Task<Guid> CaseWithPhotoAsync(TwilioHarness twilio, byte[]? photo = null)
    {
        await twilio.TextAsync(MediaWebhooks.Worker, "hello", "0");
        await MediaWebhooks.SendAsync(twilio, photo ?? TestPhotos.WithGps(), "image/jpeg", text: Text);
        await twilio.App.FetchMediaAsync();
        return Guid.Parse((await twilio.ScalarAsync("SELECT CaseId FROM Messages WHERE Id = (SELECT MessageId FROM MediaItems)"))!);
    }

    /// <summary>The referral as its partner reads it (the raw JSON, to search) and its one photo.</summary>
    internal static async Task<(string Json, SharedPhoto Photo)> PartnerViewAsync(ReferralHarness h, Guid referralId)
    {
        var json = await h.ShelterStaff.Http.GetStringAsync($"/api/partner/referrals/{referralId}", Ct);
        var view = JsonSerializer.Deserialize<PartnerReferralView>(json, JsonSerializerOptions.Web)!;
        return (json, Assert.Single(view.Shared!.Photos!));
    }

    private static async Task<byte[]> FetchAsync(SignedInClient partner, SharedPhoto photo)
    {
        using var response = await partner.Http.GetAsync(photo.Path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }
}
