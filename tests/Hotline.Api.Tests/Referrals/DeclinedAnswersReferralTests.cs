namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// A partner reading the indicators of a person who did not agree to have their intake answers saved is told that, not
/// that there were none.
/// </summary>
public sealed class DeclinedAnswersReferralTests
{
    private const string Worker = "+639170000909";

    [Theory, DatabaseData]
    public async Task The_partner_learns_the_indicators_were_not_recorded_because_the_person_declined_saving_answers(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        await twilio.TextAsync(Worker, "kumusta", "1", "oo", "2");
        var caseId = Guid.Parse((await twilio.ScalarAsync("SELECT Id FROM Cases"))!);
        var h = await ReferralHarness.OnAsync(twilio.App, "fil");
        var sent = await h.SendAsync(caseId, h.Shelter, PartnerServices.Shelter, ReferralHarness.Consent("indicators", "urgency"));

        var view = await ReferralHarness.Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct));

        Assert.Equal("Critical", view.Shared!.Urgency);
        Assert.Empty(view.Shared.Indicators!);
        Assert.True(view.Shared.AnswersDeclined);
        // Critical because they said they were in danger: the band is an answer, so danger is not "unknown".
        Assert.Null(view.Shared.Danger);
    }

    [Theory, DatabaseData]
    public async Task Without_consent_to_indicators_the_partner_is_not_told_whether_answers_were_saved(DatabaseProvider engine)
    {
        await using var twilio = await TwilioHarness.StartAsync(engine);
        await twilio.TextAsync(Worker, "kumusta", "1", "oo", "2");
        var caseId = Guid.Parse((await twilio.ScalarAsync("SELECT Id FROM Cases"))!);
        var h = await ReferralHarness.OnAsync(twilio.App, "fil");
        var sent = await h.SendAsync(caseId, h.Shelter, PartnerServices.Shelter, ReferralHarness.Consent("urgency"));

        var view = await ReferralHarness.Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct));

        Assert.Null(view.Shared!.Indicators);
        Assert.False(view.Shared.AnswersDeclined);
    }

    [Theory, DatabaseData]
    public async Task A_case_whose_answers_point_to_no_indicator_is_not_marked_declined(DatabaseProvider engine)
    {
        await using var h = await ReferralHarness.StartAsync(engine);
        var queued = await h.QueueCaseAsync(reasons: ["immediate_danger"], priority: PriorityBand.Critical);
        var sent = await h.SendAsync(queued.Id, h.Shelter, PartnerServices.Shelter, ReferralHarness.Consent("indicators"));

        var view = await ReferralHarness.Read<PartnerReferralView>(await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct));

        Assert.Empty(view.Shared!.Indicators!);
        Assert.False(view.Shared.AnswersDeclined);
    }
}
