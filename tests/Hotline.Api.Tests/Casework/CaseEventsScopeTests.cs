namespace Hotline.Api.Tests.Casework;

/// <summary>
/// Review finding: <c>GET /api/case-events</c> named every case's id and what happened to it (only the summary was held
/// back) to any caseworker, whatever the case's language. A console resyncing hears what the hub would have told it.
/// </summary>
public sealed class CaseEventsScopeTests
{
    [Theory, DatabaseData]
    public async Task A_caseworker_of_another_language_is_told_nothing_of_a_case_and_one_of_its_language_reads_its_events(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var nepali = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "sita", UserRole.Caseworker, "ne"));
        var arabic = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var kase = await CaseSeeding.QueueCaseAsync(app, "ne");

        var toArabic = await arabic.Http.GetFromJsonAsync<CaseworkEndpoints.EventsView>("/api/case-events?after=0", Ct);
        var toNepali = await nepali.Http.GetFromJsonAsync<CaseworkEndpoints.EventsView>("/api/case-events?after=0", Ct);

        Assert.Empty(toArabic!.Events);
        Assert.Equal(toNepali!.LastSequence, toArabic.LastSequence);
        Assert.Equal([$"{kase.Id} CaseQueued"], toNepali.Events.Select(e => $"{e.CaseId} {e.Type}"));
        Assert.All(toNepali.Events, e => Assert.Equal(kase.Id, e.Case?.Id));
    }

    [Theory, DatabaseData]
    public async Task A_case_transferred_out_of_a_caseworkers_language_reaches_her_console_without_its_summary_so_it_can_drop_it(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var swahili = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "juma", UserRole.Caseworker, "sw"));
        var colleague = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "grace", UserRole.Caseworker, "en"));
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        var kase = await CaseSeeding.QueueCaseAsync(app, "en");
        var seen = (await colleague.Http.GetFromJsonAsync<QueueView>("/api/queue", Ct))!.LastSequence;
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
        Assert.True((await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.TransferToLanguage), kase.Id, taken.LeaseToken, "sw", Ct)).Ok);

        var toColleague = await colleague.Http.GetFromJsonAsync<CaseworkEndpoints.EventsView>($"/api/case-events?after={seen}", Ct);
        var toSwahili = await swahili.Http.GetFromJsonAsync<CaseworkEndpoints.EventsView>($"/api/case-events?after={seen}", Ct);

        Assert.Equal(["CaseTransferred without summary"],
            toColleague!.Events.Select(e => $"{e.Type} {(e.Case is null ? "without" : "with")} summary"));
        Assert.Equal(["CaseClaimed with summary", "CaseTransferred with summary"],
            toSwahili!.Events.Select(e => $"{e.Type} {(e.Case is null ? "without" : "with")} summary"));
    }
}
