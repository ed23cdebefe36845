using Hotline.Api.Tests.Retention;

namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// Erasure and retention empty a sent referral's consent with the rest of its case's content. Its partner is told the
/// details were removed, never shown an empty consent that reads as the person having agreed to share nothing.
/// </summary>
public sealed class RemovedReferralDetailsTests
{
    private const string Phone = "+9779812000888";

    [Theory, DatabaseData]
    public async Task After_the_person_is_erased_the_partner_is_told_the_details_were_removed(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync(Phone);
        var sent = await CompletedReferralAsync(h, kase.Id);

        var exit = await OperatorCommands.RunAsync(h.App.Services, ["erase", "--phone", Phone, "--force"], TextReader.Null, new StringWriter(), Ct);

        Assert.Equal(0, exit);
        await AssertRemovedAsync(h, sent.Id);
    }

    [Theory, DatabaseData]
    public async Task After_retention_empties_the_case_the_partner_is_told_the_details_were_removed(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await CompletedReferralAsync(h, kase.Id);
        await CloseAsReferredAsync(h, kase.Id);
        var retention = h.App.Get<IOptions<RetentionOptions>>().Value.ClosedCaseContentDays;
        await RetentionSeeds.RawAsync(h.App, "UPDATE Cases SET ClosedAt = @At WHERE Id = @Id",
            new { At = DateTimeOffset.UtcNow.AddDays(-retention - 1), Id = kase.Id });

        Assert.Equal(1, (await h.App.Get<RetentionSweep>().SweepAsync(Ct)).Cases);

        await AssertRemovedAsync(h, sent.Id);
    }

    [Theory, DatabaseData]
    public async Task A_consent_that_shares_nothing_is_not_read_as_removed_details(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent());

        var seen = await Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct));

        Assert.False(seen.DetailsRemoved);
        Assert.Empty(seen.Shared!.Fields);
    }

    /// <summary>Sent with a summary and a nationality, accepted and completed by the shelter: the partner saw the details.</summary>
    private static async Task<ReferralView> CompletedReferralAsync(ReferralHarness h, Guid caseId)
    {
        var sent = await h.SendAsync(caseId, h.Shelter, PartnerServices.Shelter, Consent("summary", "nationality"));
        await Read<PartnerReferralView>(await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct));
        var completed = await Read<PartnerReferralView>(await h.ShelterStaff.Http.PostAsJsonAsync(
            $"/api/partner/referrals/{sent.Id}/outcome", new CompleteReferral("sheltered", null), Ct));
        Assert.Equal("NP", completed.Shared!.Nationality);
        Assert.False(completed.DetailsRemoved);
        return sent;
    }

    /// <summary>Both the inbox and the referral on its own say the details were removed, and share none.</summary>
    private static async Task AssertRemovedAsync(ReferralHarness h, Guid referralId)
    {
        var one = await Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{referralId}", Ct));
        var inbox = await Read<List<PartnerReferralView>>(await h.ShelterStaff.Http.GetAsync("/api/partner/referrals", Ct));

        foreach (var view in new[] { one, Assert.Single(inbox) })
        {
            Assert.True(view.DetailsRemoved);
            Assert.Null(view.Shared);
            Assert.Equal(nameof(ReferralStatus.Completed), view.Status);
            Assert.Equal("sheltered", view.Outcome);
        }
    }

    private static async Task CloseAsReferredAsync(ReferralHarness h, Guid caseId)
    {
        var lease = await h.App.Get<CaseQueue>().ClaimAsync(caseId, h.Caseworker.User.Id, TimeSpan.FromMinutes(5), Ct)
            ?? throw new InvalidOperationException("The case was not claimed.");
        Assert.True((await h.App.Get<CaseActions>().CloseAsync(h.Caseworker.User, caseId, lease.LeaseToken, "referred", null, Ct)).Value);
    }
}
