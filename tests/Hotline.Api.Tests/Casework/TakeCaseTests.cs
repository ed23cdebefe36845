namespace Hotline.Api.Tests.Casework;

/// <summary>A caseworker may take the waiting case they are reading, when it is theirs to take.</summary>
public sealed class TakeCaseTests
{
    [Theory, DatabaseData]
    public async Task Taking_a_waiting_case_in_ones_language_claims_that_case_and_answers_with_its_lease(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        await CaseSeeding.QueueCaseAsync(app, "ar", PriorityBand.Critical);
        var reading = await CaseSeeding.QueueCaseAsync(app, "ar", PriorityBand.Low);
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);

        var taken = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeCase), reading.Id, Ct);

        Assert.True(taken.Ok, taken.Refusal);
        Assert.Equal((reading.Id, "Claimed"), (taken.Value!.Case.Id, taken.Value.Case.Status));
        Assert.NotNull(taken.Value.LeaseToken);
    }

    [Theory, DatabaseData]
    public async Task Taking_a_case_a_colleague_holds_is_refused_and_leaves_it_with_them(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var colleague = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "bilal", UserRole.Caseworker, "ar"));
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ar");
        await using var theirs = colleague.Hub();
        await theirs.StartAsync(Ct);
        await theirs.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);

        var taken = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeCase), seeded.Id, Ct);

        Assert.False(taken.Ok);
        Assert.Equal(colleague.User.Id.ToString(), await app.ScalarAsync("SELECT AssigneeId FROM Cases"));
    }

    [Theory, DatabaseData]
    public async Task Taking_a_waiting_case_in_a_language_one_does_not_speak_is_refused(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ne");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);

        var taken = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeCase), seeded.Id, Ct);

        Assert.False(taken.Ok);
        Assert.Equal("Queued", await app.ScalarAsync("SELECT Status FROM Cases"));
    }
}
