using Hotline.Api.Tests.Accountability;

namespace Hotline.Api.Tests.Referrals;

public sealed class ReferralLifecycleTests
{
    [Theory, DatabaseData]
    public async Task A_referral_goes_from_proposed_to_completed_and_every_step_is_a_case_event_with_its_time(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();

        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language", "summary"));
        var accepted = await Read<PartnerReferralView>(await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct));
        var completed = await Read<PartnerReferralView>(await h.ShelterStaff.Http.PostAsJsonAsync(
            $"/api/partner/referrals/{sent.Id}/outcome", new CompleteReferral("sheltered", "Placed in the women's shelter."), Ct));

        Assert.Equal("Sent", sent.Status);
        Assert.Equal("Accepted", accepted.Status);
        Assert.Equal("Completed", completed.Status);
        Assert.Equal("sheltered", completed.Outcome);
        var steps = (await h.EventsAsync(kase.Id)).Where(e => e.Type.StartsWith("Referral", StringComparison.Ordinal)).ToList();
        Assert.Equal([CaseEventTypes.ReferralProposed, CaseEventTypes.ReferralConsentRecorded, CaseEventTypes.ReferralSent,
            CaseEventTypes.ReferralAccepted, CaseEventTypes.ReferralCompleted], steps.Select(e => e.Type));
        Assert.All(steps, e => Assert.Contains(sent.Id.ToString(), e.Data, StringComparison.OrdinalIgnoreCase));
        Assert.All(steps, e => Assert.NotEqual(default, e.OccurredAt));
        Assert.Equal(h.ShelterStaff.User.Id, steps[3].ActorUserId);
        Assert.DoesNotContain(steps, e => e.Data.Contains("women's shelter", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, e => e.Data.Contains("safe place", StringComparison.Ordinal));
    }

    /// <summary>From a review: each step answers with the referral's details (consent summary, shared fields), unaudited.</summary>
    [Theory, DatabaseData]
    public async Task Every_step_that_answers_with_the_referral_is_recorded_as_a_read_and_a_refused_step_is_not(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language", "summary"));
        await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct);

        var refused = await h.Caseworker.Http.PostAsync($"/api/cases/{kase.Id}/referrals/{sent.Id}/send", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(
        [
            $"{h.Caseworker.User.Id} case.referrals-read {kase.Id} succeeded", $"{h.Caseworker.User.Id} case.referrals-read {kase.Id} succeeded",
            $"{h.Caseworker.User.Id} case.referrals-read {kase.Id} succeeded", $"{h.ShelterStaff.User.Id} partner-inbox.item-read {sent.Id} succeeded",
        ], (await AuditRows.ReadAsync(h.App)).Where(row => row.Contains("referrals-read", StringComparison.Ordinal) || row.Contains("item-read", StringComparison.Ordinal)));
    }

    [Theory, DatabaseData]
    public async Task A_partner_can_decline_a_sent_referral_with_a_reason(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.LegalAid, PartnerServices.LegalAid, Consent("language"));

        var declined = await Read<PartnerReferralView>(await h.LegalAidStaff.Http.PostAsJsonAsync(
            $"/api/partner/referrals/{sent.Id}/decline", new DeclineReferral("no_capacity"), Ct));

        Assert.Equal(("Declined", "no_capacity"), (declined.Status, declined.DeclineReason));
        Assert.Contains(await h.EventsAsync(kase.Id), e => e.Type == CaseEventTypes.ReferralDeclined && e.Data.Contains("no_capacity", StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task Sending_before_consent_is_recorded_is_refused_with_409_and_changes_nothing(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var proposed = await Read<ReferralView>(await h.ProposeAsync(kase.Id, h.Shelter.Id, PartnerServices.Shelter));
        var eventsBefore = (await h.EventsAsync(kase.Id)).Count;

        var response = await h.Caseworker.Http.PostAsync($"/api/cases/{kase.Id}/referrals/{proposed.Id}/send", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("consent", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(eventsBefore, (await h.EventsAsync(kase.Id)).Count);
        var listed = await Read<List<ReferralView>>(await h.Caseworker.Http.GetAsync($"/api/cases/{kase.Id}/referrals", Ct));
        Assert.Equal("Proposed", Assert.Single(listed).Status);
        Assert.Empty(await Read<List<PartnerReferralView>>(await h.ShelterStaff.Http.GetAsync("/api/partner/referrals", Ct)));
    }

    [Theory, DatabaseData]
    public async Task Completing_a_referral_that_was_not_accepted_is_refused_with_409_and_changes_nothing(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent());
        var eventsBefore = (await h.EventsAsync(kase.Id)).Count;

        var early = await h.ShelterStaff.Http.PostAsJsonAsync($"/api/partner/referrals/{sent.Id}/outcome", new CompleteReferral("supported", null), Ct);
        await Read<PartnerReferralView>(await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(eventsBefore + 1, (await h.EventsAsync(kase.Id)).Count);
        Assert.Equal("Accepted", (await Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct))).Status);
    }

    [Theory, DatabaseData]
    public async Task A_referral_to_an_unknown_partner_is_refused_with_400_and_writes_nothing(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var eventsBefore = (await h.EventsAsync(kase.Id)).Count;

        var response = await h.ProposeAsync(kase.Id, Guid.NewGuid(), PartnerServices.Shelter);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("partner", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await h.CountAsync("Referrals"));
        Assert.Equal(eventsBefore, (await h.EventsAsync(kase.Id)).Count);
    }

    [Theory, DatabaseData]
    public async Task A_service_the_partner_does_not_offer_is_refused_with_400(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();

        var response = await h.ProposeAsync(kase.Id, h.LegalAid.Id, PartnerServices.Shelter);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await h.CountAsync("Referrals"));
    }

    [Theory]
    [DatabaseData("a summary given that the consent does not cover")]
    [DatabaseData("a field the consent covers left empty")]
    [DatabaseData("consent dated in the future")]
    [DatabaseData("an unknown shared field")]
    [DatabaseData("no channel")]
    public async Task A_consent_that_does_not_add_up_is_refused_with_400_and_changes_nothing(DatabaseProvider engine, string problem)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var proposed = await Read<ReferralView>(await h.ProposeAsync(kase.Id, h.Shelter.Id, PartnerServices.Shelter));
        var consent = problem switch
        {
            "a summary given that the consent does not cover" => Consent("language") with { Summary = "Lives at camp 7." },
            "a field the consent covers left empty" => Consent("language") with { SharedFields = ["language", "summary"] },
            "consent dated in the future" => Consent("language") with { GivenAt = DateTimeOffset.UtcNow.AddDays(1) },
            "an unknown shared field" => Consent("language") with { SharedFields = ["phone_number"] },
            _ => Consent("language") with { Channel = null },
        };

        var response = await h.Caseworker.Http.PostAsJsonAsync($"/api/cases/{kase.Id}/referrals/{proposed.Id}/consent", consent, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var listed = await Read<List<ReferralView>>(await h.Caseworker.Http.GetAsync($"/api/cases/{kase.Id}/referrals", Ct));
        Assert.Null(Assert.Single(listed).Consent);
        Assert.DoesNotContain(await h.EventsAsync(kase.Id), e => e.Type == CaseEventTypes.ReferralConsentRecorded);
    }

    [Theory, DatabaseData]
    public async Task A_caseworker_who_may_not_see_the_case_is_refused_its_referrals_with_403(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var other = await SignedInClient.SignInAsync(h.App, await SignedInClient.AddUserAsync(h.App, "caseworker-tl", UserRole.Caseworker, "fil"));

        var list = await other.Http.GetAsync($"/api/cases/{kase.Id}/referrals", Ct);
        var propose = await other.Http.PostAsJsonAsync($"/api/cases/{kase.Id}/referrals", new ProposeReferral(h.Shelter.Id, PartnerServices.Shelter), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, propose.StatusCode);
        Assert.Equal(0, await h.CountAsync("Referrals"));
    }

    [Theory, DatabaseData]
    public async Task A_state_changing_referral_call_without_the_antiforgery_header_is_refused(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        h.Caseworker.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");

        var response = await h.ProposeAsync(kase.Id, h.Shelter.Id, PartnerServices.Shelter);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await h.CountAsync("Referrals"));
    }

    [Theory, DatabaseData]
    public async Task A_withdrawn_referral_leaves_the_partner_nothing_but_the_fact_of_withdrawal(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language", "summary"));

        await Read<ReferralView>(await h.Caseworker.Http.PostAsync($"/api/cases/{kase.Id}/referrals/{sent.Id}/withdraw", null, Ct));
        var seen = await Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct));
        var accept = await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct);

        Assert.Equal("Withdrawn", seen.Status);
        Assert.Null(seen.Shared);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
    }
}
