namespace Hotline.Api.Tests.Referrals;

/// <summary>Closing a case ends what a referral may still do: nothing more is shared, but one left open can be withdrawn.</summary>
public sealed class ClosedCaseReferralTests
{
    [Theory, DatabaseData]
    public async Task Consent_for_a_referral_proposed_before_the_close_is_refused_with_409_and_changes_nothing(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var proposed = await Read<ReferralView>(await h.ProposeAsync(kase.Id, h.Shelter.Id, PartnerServices.Shelter));
        await CloseAsync(h);

        using var response = await h.Caseworker.Http.PostAsJsonAsync(
            $"/api/cases/{kase.Id}/referrals/{proposed.Id}/consent", Consent("language", "summary"), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("The case is closed", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("Proposed", (await StatusAsync(h, kase.Id, proposed.Id)));
    }

    [Theory, DatabaseData]
    public async Task Sending_a_referral_with_consent_after_the_close_is_refused_with_409_and_the_partner_sees_nothing(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var proposed = await Read<ReferralView>(await h.ProposeAsync(kase.Id, h.Shelter.Id, PartnerServices.Shelter));
        await Read<ReferralView>(await h.Caseworker.Http.PostAsJsonAsync(
            $"/api/cases/{kase.Id}/referrals/{proposed.Id}/consent", Consent("language"), Ct));
        await CloseAsync(h);

        using var response = await h.Caseworker.Http.PostAsync($"/api/cases/{kase.Id}/referrals/{proposed.Id}/send", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("ConsentRecorded", await StatusAsync(h, kase.Id, proposed.Id));
        Assert.Empty(await Read<List<PartnerReferralView>>(await h.ShelterStaff.Http.GetAsync("/api/partner/referrals", Ct)));
    }

    [Theory, DatabaseData]
    public async Task A_referral_left_open_at_the_close_can_be_withdrawn(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language"));
        await CloseAsync(h);

        var withdrawn = await Read<ReferralView>(await h.Caseworker.Http.PostAsync($"/api/cases/{kase.Id}/referrals/{sent.Id}/withdraw", null, Ct));

        Assert.Equal("Withdrawn", withdrawn.Status);
    }

    /// <summary>
    /// Found by review: a partner told to reach the person "Through the hotline caseworker" was not told the hotline closed the case,
    /// and could still accept, though nobody there can pass a message (the hotline never writes first).
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_partner_to_reach_the_person_through_the_hotline_reads_when_the_case_closed_and_accepting_is_refused_with_409(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language", "contact_route"));
        await CloseAsync(h);
        DateTimeOffset closedAt;
        await using (var session = await h.App.Services.GetRequiredService<Database>().OpenAsync(Ct))
        {
            closedAt = (await h.App.Services.GetRequiredService<CaseQueue>().ReadByIdAsync(session, kase.Id, Ct)).ClosedAt!.Value;
        }


        using var view = await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct);
        using var accept = await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct);

        var partnerView = await Read<PartnerReferralView>(view);
        Assert.Equal(closedAt, partnerView.HotlineClosedAt);
        Assert.Equal("through_hotline", partnerView.Shared!.ContactRoute);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        var refusal = await accept.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct);
        Assert.Equal(
            $"The hotline closed this case on {closedAt.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, so it can no longer pass messages "
            + "between you and the person, and this referral asks you to reach them through the hotline caseworker: it cannot be accepted. "
            + $"Decline it, or ask the hotline about it, quoting reference {sent.Id.ToString()[^8..].ToUpperInvariant()}.",
            refusal!.Detail);
        Assert.Equal("Sent", await StatusAsync(h, kase.Id, sent.Id));
        Assert.DoesNotContain(CaseEventTypes.ReferralAccepted, (await h.EventsAsync(kase.Id)).Select(e => e.Type));
        // Still nothing that names the case: neither its id nor the short reference the console gives it.
        var bodies = await view.Content.ReadAsStringAsync(Ct) + await accept.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(kase.Id.ToString()[^8..], bodies, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Erasure removes the consent's details but keeps the route the referral was sent with, which the refusal reads: the page
    /// must say why, not offer Accept and answer it with "it can be accepted only when it is sent and waiting for your answer".
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_referral_through_the_hotline_whose_details_were_removed_after_the_close_still_says_why_it_cannot_be_accepted(DatabaseProvider engine)
    {
        const string phone = "+9779812000777";
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync(phone);
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language", "contact_route"));
        await CloseAsync(h);
        Assert.Equal(0, await OperatorCommands.RunAsync(h.App.Services, ["erase", "--phone", phone, "--force"], TextReader.Null, new StringWriter(), Ct));

        using var view = await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct);
        using var accept = await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct);

        var partnerView = await Read<PartnerReferralView>(view);
        Assert.True(partnerView.DetailsRemoved);
        Assert.Null(partnerView.Shared);
        Assert.NotNull(partnerView.HotlineClosedAt);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        var refusal = await accept.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct);
        Assert.StartsWith("The hotline closed this case on ", refusal!.Detail);
        Assert.EndsWith($"Decline it, or ask the hotline about it, quoting reference {sent.Id.ToString()[^8..].ToUpperInvariant()}.", refusal.Detail);
        Assert.Equal("Sent", await StatusAsync(h, kase.Id, sent.Id));
    }

    /// <summary>
    /// Found by the walk-through: a consent that shares no contact route leaves the partner only the hotline ("Only through the
    /// hotline" on its page), yet such a referral could still be accepted after the close, and the partner was not told of it.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_partner_given_no_contact_route_reads_when_the_case_closed_and_accepting_is_refused_with_409(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language"));
        await CloseAsync(h);

        using var view = await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct);
        using var accept = await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct);

        var partnerView = await Read<PartnerReferralView>(view);
        Assert.NotNull(partnerView.HotlineClosedAt);
        Assert.Null(partnerView.Shared!.ContactRoute);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        var refusal = await accept.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct);
        Assert.StartsWith("The hotline closed this case on ", refusal!.Detail);
        Assert.Equal("Sent", await StatusAsync(h, kase.Id, sent.Id));
    }

    [Theory, DatabaseData]
    public async Task A_partner_given_no_contact_route_may_accept_while_the_case_is_open(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language"));

        var accepted = await Read<PartnerReferralView>(await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct));

        Assert.Equal("Accepted", accepted.Status);
        Assert.Null(accepted.HotlineClosedAt);
    }

    [Theory, DatabaseData]
    public async Task A_partner_to_be_contacted_by_the_person_may_still_accept_after_the_close_and_is_not_told_of_it(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter,
            Consent("language", "contact_route") with { ContactRoute = "person_contacts_partner" });
        await CloseAsync(h);

        var accepted = await Read<PartnerReferralView>(await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct));

        Assert.Equal("Accepted", accepted.Status);
        Assert.Null(accepted.HotlineClosedAt);
    }

    private static async Task CloseAsync(ReferralHarness h)
    {
        var queue = h.App.Services.GetRequiredService<CaseQueue>();
        var lease = (await queue.ClaimNextAsync(h.Caseworker.User.Id, TimeSpan.FromMinutes(10), Ct))!;
        Assert.True((await h.App.Services.GetRequiredService<CaseActions>().CloseAsync(h.Caseworker.User, lease.Case.Id, lease.LeaseToken, "resolved", null, Ct)).Value);
    }

    private static async Task<string> StatusAsync(ReferralHarness h, Guid caseId, Guid referralId) =>
        (await Read<List<ReferralView>>(await h.Caseworker.Http.GetAsync($"/api/cases/{caseId}/referrals", Ct))).Single(r => r.Id == referralId).Status;
}
