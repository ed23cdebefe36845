using Hotline.Api.Tests.Accountability;

namespace Hotline.Api.Tests.Referrals;

public sealed class PartnerScopingTests
{
    [Theory, DatabaseData]
    public async Task An_ngo_account_sees_only_the_referrals_sent_to_its_own_organisation(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var toShelter = await h.SendAsync((await h.QueueCaseAsync()).Id, h.Shelter, PartnerServices.Shelter, Consent("language"));
        var toLegal = await h.SendAsync((await h.QueueCaseAsync()).Id, h.LegalAid, PartnerServices.LegalAid, Consent("language"));

        var shelterInbox = await Read<List<PartnerReferralView>>(await h.ShelterStaff.Http.GetAsync("/api/partner/referrals", Ct));
        var legalInbox = await Read<List<PartnerReferralView>>(await h.LegalAidStaff.Http.GetAsync("/api/partner/referrals", Ct));

        Assert.Equal([toShelter.Id], shelterInbox.Select(r => r.Id));
        Assert.Equal([toLegal.Id], legalInbox.Select(r => r.Id));
    }

    /// <summary>
    /// Review finding: the inbox list shows every referral's shared details, and its audit row named no referral, so who saw a
    /// referral's details could not be found by its id. The list writes one row for itself and one per referral it showed.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Reading_the_inbox_list_is_audited_once_for_the_list_and_once_for_each_referral_shown(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var first = await h.SendAsync((await h.QueueCaseAsync()).Id, h.Shelter, PartnerServices.Shelter, Consent("language"));
        var second = await h.SendAsync((await h.QueueCaseAsync()).Id, h.Shelter, PartnerServices.Shelter, Consent("language"));

        var inbox = await Read<List<PartnerReferralView>>(await h.ShelterStaff.Http.GetAsync("/api/partner/referrals", Ct));

        var staff = h.ShelterStaff.User.Id;
        Assert.Equal(2, inbox.Count);
        Assert.Equal([$"{staff} partner-inbox.read - succeeded"], await AuditRows.ReadAsync(h.App, "partner-inbox.read"));
        Assert.Equal(
            [.. inbox.Select(r => $"{staff} partner-inbox.item-read {r.Id} succeeded")],
            await AuditRows.ReadAsync(h.App, "partner-inbox.item-read"));
        Assert.Equal([first.Id, second.Id], inbox.Select(r => r.Id).Order());
    }

    [Theory, DatabaseData]
    public async Task An_empty_inbox_list_is_audited_as_the_list_alone(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);

        var inbox = await Read<List<PartnerReferralView>>(await h.ShelterStaff.Http.GetAsync("/api/partner/referrals", Ct));

        Assert.Empty(inbox);
        Assert.Equal([$"{h.ShelterStaff.User.Id} partner-inbox.read - succeeded"], await AuditRows.ReadAsync(h.App, "partner-inbox.read"));
        Assert.Empty(await AuditRows.ReadAsync(h.App, "partner-inbox.item-read"));
    }

    [Theory, DatabaseData]
    public async Task A_referral_not_yet_sent_is_invisible_to_its_partner(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var proposed = await Read<ReferralView>(await h.ProposeAsync(kase.Id, h.Shelter.Id, PartnerServices.Shelter));
        await Read<ReferralView>(await h.Caseworker.Http.PostAsJsonAsync($"/api/cases/{kase.Id}/referrals/{proposed.Id}/consent", Consent("summary"), Ct));

        var inbox = await Read<List<PartnerReferralView>>(await h.ShelterStaff.Http.GetAsync("/api/partner/referrals", Ct));
        var one = await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{proposed.Id}", Ct);
        var accept = await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{proposed.Id}/accept", null, Ct);

        Assert.Empty(inbox);
        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Another_organisations_referral_is_refused_with_403_for_reading_and_every_step(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language", "summary"));
        var eventsBefore = (await h.EventsAsync(kase.Id)).Count;
        var legal = h.LegalAidStaff.Http;

        var responses = new[]
        {
            await legal.GetAsync($"/api/partner/referrals/{sent.Id}", Ct),
            await legal.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct),
            await legal.PostAsJsonAsync($"/api/partner/referrals/{sent.Id}/decline", new DeclineReferral("no_capacity"), Ct),
            await legal.PostAsJsonAsync($"/api/partner/referrals/{sent.Id}/outcome", new CompleteReferral("supported", null), Ct),
            await legal.GetAsync($"/api/partner/referrals/{Guid.NewGuid()}", Ct),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(eventsBefore, (await h.EventsAsync(kase.Id)).Count);
        Assert.Equal("Sent", (await Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct))).Status);
    }

    [Theory, DatabaseData]
    public async Task An_ngo_account_is_refused_every_case_and_staff_route_with_403(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language"));
        var ngo = h.ShelterStaff.Http;

        string[] routes =
        [
            "/api/queue", $"/api/cases/{kase.Id}", $"/api/cases/{kase.Id}/referrals", "/api/case-events?after=0", "/api/colleagues",
            "/api/supervisor/overview", "/api/partners", "/api/admin/partners", "/api/admin/ngo-users",
        ];
        var reads = await Task.WhenAll(routes.Select(r => ngo.GetAsync(r, Ct)));
        var writes = new[]
        {
            await ngo.PostAsJsonAsync($"/api/cases/{kase.Id}/referrals", new ProposeReferral(h.Shelter.Id, PartnerServices.Shelter), Ct),
            await ngo.PostAsync($"/api/cases/{kase.Id}/referrals/{sent.Id}/withdraw", null, Ct),
            await ngo.PutAsJsonAsync($"/api/admin/users/{h.ShelterStaff.User.Id}/organisation", new { organisationId = h.LegalAid.Id }, Ct),
        };

        Assert.All(reads.Concat(writes), r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }

    [Theory, DatabaseData]
    public async Task An_ngo_account_not_linked_to_an_organisation_sees_no_referral(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        await h.SendAsync((await h.QueueCaseAsync()).Id, h.Shelter, PartnerServices.Shelter, Consent("language"));
        var unlinked = await h.NgoAsync("ngo-unlinked", null);

        var response = await unlinked.Http.GetAsync("/api/partner/referrals", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not linked", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task The_partner_sees_exactly_the_fields_the_consent_covers(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var narrow = await h.SendAsync((await h.QueueCaseAsync()).Id, h.Shelter, PartnerServices.Shelter, Consent("language"));
        var wide = await h.SendAsync((await h.QueueCaseAsync()).Id, h.Shelter, PartnerServices.Shelter,
            Consent("language", "nationality", "region", "indicators", "urgency", "summary", "contact_route"));

        var seenNarrow = (await Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{narrow.Id}", Ct))).Shared!;
        var seenWide = (await Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{wide.Id}", Ct))).Shared!;

        Assert.Equal(("ne", null, null, null, null, null, null),
            (seenNarrow.Language, seenNarrow.Nationality, seenNarrow.Region, seenNarrow.Indicators, seenNarrow.Urgency, seenNarrow.Summary, seenNarrow.ContactRoute));
        Assert.Equal(("ne", "NP", "Doha", "High", "through_hotline"),
            (seenWide.Language, seenWide.Nationality, seenWide.Region, seenWide.Urgency, seenWide.ContactRoute));
        Assert.Equal(["retention_of_identity_documents", "withholding_of_wages"], seenWide.Indicators!);
        Assert.StartsWith("Needs a safe place", seenWide.Summary, StringComparison.Ordinal);
    }
}
