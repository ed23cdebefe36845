using System.Net;
using System.Net.Http.Json;
using Hotline.Api.Tests.Accountability;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A supervisor can take over a case a caseworker holds: she went home, or is busy elsewhere, and the person may be waiting
/// for a reply nobody else could send. Found by a reviewer: nothing let anyone answer such a person until the claim ran out,
/// and the caseworker's console kept renewing it. The claim moves to the supervisor, the caseworker's console hears it, her
/// token stops working, and the audit trail records it.
/// </summary>
public sealed class SupervisorTakeOverTests
{
    [Theory, DatabaseData]
    public async Task A_supervisor_takes_over_a_held_case_the_caseworker_hears_it_and_her_claim_stops_working(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        var sofia = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "sofia", UserRole.Supervisor, "en"));
        await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Critical);
        await using var aminaHub = amina.Hub();
        var heard = HubHeard.Changes(aminaHub);
        await aminaHub.StartAsync(Ct);
        var taken = (await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;

        using var response = await sofia.Http.PostAsync($"/api/supervisor/cases/{taken.Case.Id}/take-over", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await response.Content.ReadFromJsonAsync<CaseSummary>(Ct))!;
        Assert.Equal(("Claimed", sofia.User.Id, "sofia"), (summary.Status, summary.AssigneeId, summary.AssigneeName));
        var change = await HubHeard.NextAsync(heard, c => c.Case.Id == taken.Case.Id && c.Type == "CaseTakenOver");
        Assert.Equal(sofia.User.Id, change.Case.AssigneeId);
        var renewal = await aminaHub.InvokeAsync<ActionAnswer<DateTimeOffset>>(nameof(CaseHub.RenewLease), taken.Case.Id, taken.LeaseToken, Ct);
        Assert.False(renewal.Ok);
        var reply = await aminaHub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken,
            "I am here.", Guid.NewGuid(), Ct);
        Assert.False(reply.Ok);
        Assert.Equal([$"{sofia.User.Id} case.taken-over {taken.Case.Id} succeeded"], await AuditRows.ReadAsync(app, AuditActions.CaseTakenOver));

        await using var sofiaHub = sofia.Hub();
        await sofiaHub.StartAsync(Ct);
        var held = await sofiaHub.InvokeAsync<ActionAnswer<HeldCase>>(nameof(CaseHub.HoldCase), taken.Case.Id, Ct);
        Assert.True(held.Ok, held.Refusal);
        var sent = await sofiaHub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, held.Value!.LeaseToken,
            "I am a supervisor at the hotline. I am here now.", Guid.NewGuid(), Ct);
        Assert.True(sent.Ok, sent.Refusal);
    }

    [Fact]
    public async Task Taking_over_a_case_in_the_queue_is_refused_recorded_and_changes_nothing()
    {
        await using var app = new HotlineApp();
        var sofia = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "sofia", UserRole.Supervisor, "en"));
        var queued = await CaseSeeding.QueueCaseAsync(app, "en");

        using var response = await sofia.Http.PostAsync($"/api/supervisor/cases/{queued.Id}/take-over", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("This case is not held by a colleague (any more)", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("Queued", await app.ScalarAsync("SELECT Status FROM Cases"));
        Assert.Equal([$"{sofia.User.Id} case.taken-over {queued.Id} refused"], await AuditRows.ReadAsync(app, AuditActions.CaseTakenOver));
    }

    [Fact]
    public async Task A_caseworker_may_not_take_over_a_colleagues_case()
    {
        await using var app = new HotlineApp();
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        var bilal = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "bilal", UserRole.Caseworker, "en"));
        await CaseSeeding.QueueCaseAsync(app, "en");
        await using var hub = amina.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;

        using var response = await bilal.Http.PostAsync($"/api/supervisor/cases/{taken.Case.Id}/take-over", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(amina.User.Id.ToString(), await app.ScalarAsync("SELECT AssigneeId FROM Cases"), ignoreCase: true);
    }
}
