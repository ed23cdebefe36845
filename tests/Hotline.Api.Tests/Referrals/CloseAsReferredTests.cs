namespace Hotline.Api.Tests.Referrals;

/// <summary>A case closes as referred only once a referral reached a partner: a proposal has referred nobody.</summary>
public sealed class CloseAsReferredTests
{
    [Theory, DatabaseData]
    public async Task Closing_as_referred_with_only_a_proposed_referral_is_refused_and_the_case_stays_open(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        await Read<ReferralView>(await h.ProposeAsync(kase.Id, h.Shelter.Id, PartnerServices.Shelter));

        var closed = await CloseThroughHubAsync(h, kase.Id, "referred");

        Assert.Equal((false, "This case has no referral sent to a partner, so it cannot close as referred. Send the referral first (a proposed referral is not sent), or choose another outcome."),
            (closed.Ok, closed.Refusal));
        Assert.Equal("Claimed", await h.App.ScalarAsync("SELECT Status FROM Cases"));
    }

    [Theory, DatabaseData]
    public async Task Closing_as_referred_after_a_referral_was_sent_closes_the_case(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language"));

        var closed = await CloseThroughHubAsync(h, kase.Id, "referred");

        Assert.True(closed.Ok, closed.Refusal);
        Assert.Equal("Closed", await h.App.ScalarAsync("SELECT Status FROM Cases"));
    }

    [Theory, DatabaseData]
    public async Task Closing_with_another_outcome_needs_no_referral(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();

        var closed = await CloseThroughHubAsync(h, kase.Id, "resolved");

        Assert.True(closed.Ok, closed.Refusal);
    }

    private static async Task<ActionAnswer<bool>> CloseThroughHubAsync(ReferralHarness h, Guid caseId, string outcome)
    {
        await using var hub = h.Caseworker.Hub();
        await hub.StartAsync(Ct);
        var taken = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeCase), caseId, Ct);
        Assert.True(taken.Ok, taken.Refusal);
        return await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.CloseCase), caseId, taken.Value!.LeaseToken!.Value, outcome, null, Ct);
    }
}
