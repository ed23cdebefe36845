namespace Hotline.Api.Tests.Casework;

/// <summary>A case is transferred only to someone who can open it: a case held by anyone else would sit where nobody may answer.</summary>
public sealed class TransferToColleagueTests
{
    [Theory]
    [InlineData(UserRole.Admin)]
    [InlineData(UserRole.Ngo)]
    [InlineData(UserRole.Reviewer)]
    public async Task A_transfer_to_an_account_that_may_not_read_cases_is_refused_with_that_reason_and_the_case_stays_with_the_caseworker(UserRole role)
    {
        await using var app = await HotlineApp.CreateAsync(DatabaseProvider.Sqlite);
        var other = await SignedInClient.AddUserAsync(app, "olga", role, "en");
        var (hub, taken) = await TakeCaseAsync(app);
        await using var _ = hub;

        var transfer = await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.TransferToColleague), taken.Case.Id, taken.LeaseToken, other.Id, Ct);

        Assert.False(transfer.Ok);
        Assert.Equal("olga cannot open cases: choose a caseworker or a supervisor.", transfer.Refusal);
        Assert.Equal("Claimed|amina", await app.ScalarAsync("SELECT CONCAT(c.Status, '|', u.UserName) FROM Cases c JOIN Users u ON u.Id = c.AssigneeId"));
    }

    [Theory, DatabaseData]
    public async Task A_transfer_to_a_supervisor_hands_her_the_case(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var sara = await SignedInClient.AddUserAsync(app, "sara", UserRole.Supervisor, "en");
        var (hub, taken) = await TakeCaseAsync(app);
        await using var _ = hub;

        var transfer = await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.TransferToColleague), taken.Case.Id, taken.LeaseToken, sara.Id, Ct);

        Assert.True(transfer.Ok, transfer.Refusal);
        Assert.Equal("sara", await app.ScalarAsync("SELECT u.UserName FROM Cases c JOIN Users u ON u.Id = c.AssigneeId"));
    }

    /// <summary>Amina, a caseworker who speaks English, connected and holding an English case.</summary>
    private static async Task<(HubConnection Hub, CaseDetail Taken)> TakeCaseAsync(HotlineApp app)
    {
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        await CaseSeeding.QueueCaseAsync(app, "en");
        var hub = amina.Hub();
        await hub.StartAsync(Ct);
        return (hub, (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!);
    }
}
