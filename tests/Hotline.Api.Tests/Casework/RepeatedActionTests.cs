namespace Hotline.Api.Tests.Casework;

/// <summary>A console's action sent twice (a double click, a retry after a lost answer) acts once and answers as the first time.</summary>
public sealed class RepeatedActionTests
{
    [Theory, DatabaseData]
    public async Task A_note_sent_twice_with_one_request_id_is_added_once_and_both_answers_are_that_note(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ar");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        var requestId = Guid.NewGuid();

        var first = await hub.InvokeAsync<ActionAnswer<NoteView>>(nameof(CaseHub.AddNote), seeded.Id, "Called the embassy.", requestId, Ct);
        var second = await hub.InvokeAsync<ActionAnswer<NoteView>>(nameof(CaseHub.AddNote), seeded.Id, "Called the embassy.", requestId, Ct);

        Assert.True(second.Ok, second.Refusal);
        Assert.Equal(first.Value!.Id, second.Value!.Id);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM CaseNotes"));
    }

    [Theory, DatabaseData]
    public async Task A_reply_sent_twice_with_one_request_id_is_queued_once_for_the_person(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        await CaseSeeding.QueueCaseAsync(app, "ar");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
        var requestId = Guid.NewGuid();

        var first = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken, "We are here.", requestId, Ct);
        var second = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken, "We are here.", requestId, Ct);

        Assert.True(second.Ok, second.Refusal);
        Assert.Equal(first.Value!.Id, second.Value!.Id);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM Outbox"));
    }

    [Theory, DatabaseData]
    public async Task A_proposal_sent_twice_with_one_request_id_makes_one_referral_and_both_answers_are_it(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var proposal = new ProposeReferral(h.Shelter.Id, PartnerServices.Shelter, Guid.NewGuid());

        var first = await Read<ReferralView>(await h.Caseworker.Http.PostAsJsonAsync($"/api/cases/{kase.Id}/referrals", proposal, Ct));
        var second = await Read<ReferralView>(await h.Caseworker.Http.PostAsJsonAsync($"/api/cases/{kase.Id}/referrals", proposal, Ct));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, await h.CountAsync("Referrals"));
    }

    [Theory, DatabaseData]
    public async Task A_partner_accepting_twice_gets_the_accepted_referral_both_times(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("language"));

        await Read<PartnerReferralView>(await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct));
        var again = await Read<PartnerReferralView>(await h.ShelterStaff.Http.PostAsync($"/api/partner/referrals/{sent.Id}/accept", null, Ct));

        Assert.Equal("Accepted", again.Status);
        Assert.Single(await h.EventsAsync(kase.Id), e => e.Type == Hotline.Api.CaseStore.CaseEventTypes.ReferralAccepted);
    }
}
