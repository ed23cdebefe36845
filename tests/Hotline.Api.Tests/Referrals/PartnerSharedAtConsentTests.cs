using Dapper;

namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// Review finding: the indicators and urgency a partner saw were read from the case as it is now, so a triage after the
/// referral (a new answer, an urgent word) reached the partner though the person had consented to share what was known then.
/// The referral keeps them as they were when consent was recorded.
/// </summary>
public sealed class PartnerSharedAtConsentTests
{
    [Theory, DatabaseData]
    public async Task Triage_after_consent_leaves_the_indicators_and_urgency_the_partner_sees_as_they_were_at_consent(DatabaseProvider engine)
    {
        await using var h = await ReferralHarness.StartAsync(engine);
        var kase = await h.QueueCaseAsync(priority: PriorityBand.High, reasons: ["documents_retained", "wages_withheld"]);
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, ReferralHarness.Consent("indicators", "urgency"));

        await using (var session = await h.App.Services.GetRequiredService<Database>().BeginWriteAsync(Ct))
        {
            await h.App.Services.GetRequiredService<CaseQueue>().ChangePriorityAsync(session, kase.Id, PriorityBand.Critical, 90,
                ["documents_retained", "wages_withheld", "not_free_to_leave"], Ct);
            await session.CommitAsync(Ct);
        }

        var one = (await ReferralHarness.Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct))).Shared!;
        var inbox = (await ReferralHarness.Read<List<PartnerReferralView>>(await h.ShelterStaff.Http.GetAsync("/api/partner/referrals", Ct))).Single().Shared!;

        Assert.Equal("High", one.Urgency);
        Assert.Equal(["retention_of_identity_documents", "withholding_of_wages"], one.Indicators!);
        Assert.Equal(("High", "retention_of_identity_documents, withholding_of_wages"), (inbox.Urgency, string.Join(", ", inbox.Indicators!)));
    }

    [Theory, DatabaseData]
    public async Task A_consent_that_covers_neither_shares_neither_after_a_triage(DatabaseProvider engine)
    {
        await using var h = await ReferralHarness.StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, ReferralHarness.Consent("language"));

        await using (var session = await h.App.Services.GetRequiredService<Database>().BeginWriteAsync(Ct))
        {
            await h.App.Services.GetRequiredService<CaseQueue>().ChangePriorityAsync(session, kase.Id, PriorityBand.Critical, 90, ["not_free_to_leave"], Ct);
            await session.CommitAsync(Ct);
        }

        var seen = (await ReferralHarness.Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct))).Shared!;

        Assert.Equal(("ne", null, null), (seen.Language, seen.Urgency, seen.Indicators));
    }

    /// <summary>
    /// Final review: an instance older than migration 0037, during a rolling deploy, records consent without freezing the
    /// triage, and nothing writes it later: the partner read no indicators and no priority. Such a referral now shares the
    /// case's triage, as one consented before 0037 does.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_consent_recorded_by_an_older_instance_without_the_frozen_triage_shows_the_partner_the_cases_indicators_and_urgency(DatabaseProvider engine)
    {
        await using var h = await ReferralHarness.StartAsync(engine);
        var kase = await h.QueueCaseAsync(priority: PriorityBand.High, reasons: ["documents_retained", "wages_withheld"]);
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, ReferralHarness.Consent("indicators", "urgency"));
        await using (var session = await h.App.Services.GetRequiredService<Database>().OpenAsync(Ct))
        {
            await session.Connection.ExecuteAsync("UPDATE Referrals SET SharedTriageReasons = NULL, SharedPriority = NULL WHERE Id = @Id",
                new { sent.Id });
        }

        var one = (await ReferralHarness.Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct))).Shared!;
        var inbox = (await ReferralHarness.Read<List<PartnerReferralView>>(await h.ShelterStaff.Http.GetAsync("/api/partner/referrals", Ct))).Single().Shared!;

        Assert.Equal(("High", "retention_of_identity_documents, withholding_of_wages"), (one.Urgency, string.Join(", ", one.Indicators!)));
        Assert.Equal(("High", "retention_of_identity_documents, withholding_of_wages"), (inbox.Urgency, string.Join(", ", inbox.Indicators!)));
    }
}
