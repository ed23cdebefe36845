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

    private static async Task CloseAsync(ReferralHarness h)
    {
        var queue = h.App.Services.GetRequiredService<CaseQueue>();
        var lease = (await queue.ClaimNextAsync(h.Caseworker.User.Id, TimeSpan.FromMinutes(10), Ct))!;
        Assert.True((await h.App.Services.GetRequiredService<CaseActions>().CloseAsync(h.Caseworker.User, lease.Case.Id, lease.LeaseToken, "resolved", null, Ct)).Value);
    }

    private static async Task<string> StatusAsync(ReferralHarness h, Guid caseId, Guid referralId) =>
        (await Read<List<ReferralView>>(await h.Caseworker.Http.GetAsync($"/api/cases/{caseId}/referrals", Ct))).Single(r => r.Id == referralId).Status;
}
