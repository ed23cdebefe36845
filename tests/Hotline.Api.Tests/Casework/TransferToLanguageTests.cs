namespace Hotline.Api.Tests.Casework;

/// <summary>A transfer changes who may answer the person, never the language recorded for them, and never strands the case.</summary>
public sealed class TransferToLanguageTests
{
    [Theory, DatabaseData]
    public async Task A_transfer_to_a_language_nobody_on_shift_speaks_is_refused_with_that_reason_and_the_case_stays_with_the_caseworker(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        await SignedInClient.AddUserAsync(app, "juma", UserRole.Caseworker, "sw");
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        await CaseSeeding.QueueCaseAsync(app, "en");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;

        var transfer = await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.TransferToLanguage), taken.Case.Id, taken.LeaseToken, "sw", Ct);

        Assert.False(transfer.Ok);
        Assert.StartsWith("Nobody on shift speaks sw now", transfer.Refusal, StringComparison.Ordinal);
        Assert.Equal("Claimed|en", await app.ScalarAsync("SELECT CONCAT(Status, '|', Language) FROM Cases"));
    }

    [Theory, DatabaseData]
    public async Task A_transfer_to_a_colleague_on_shifts_language_routes_the_case_and_keeps_the_persons_language(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "juma", UserRole.Caseworker, "sw"));
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        await CaseSeeding.QueueCaseAsync(app, "en");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;

        var transfer = await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.TransferToLanguage), taken.Case.Id, taken.LeaseToken, "sw", Ct);

        Assert.True(transfer.Ok, transfer.Refusal);
        Assert.Equal("Queued|sw|en", await app.ScalarAsync("SELECT CONCAT(Status, '|', Language, '|', PersonLanguage) FROM Cases"));
    }
}
