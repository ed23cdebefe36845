using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// Review finding: <c>OpenCase</c> checks access, then joins the case's group. A transfer that lands in between (and whose
/// withdrawal the stream has already made, with nobody in the group yet to take out) left the console in the group of a case
/// it may no longer see, hearing every word of it. The join is held here, through the hub's group manager, until the
/// transfer has been committed and withdrawn: the race made certain.
/// </summary>
public sealed class CaseHubOpenTransferRaceTests
{
    private const string Worker = "+9779800000951";
    private const string OtherWorker = "+9779800000952";

    private static readonly TimeSpan Straggler = TimeSpan.FromSeconds(1);

    [Theory, DatabaseData]
    public async Task A_case_transferred_away_between_the_access_check_and_the_group_join_is_not_heard_by_the_console_that_opened_it(
        DatabaseProvider engine)
    {
        var gate = new JoinGate();
        await using var harness = await TwilioHarness.StartAsync(engine, services: s =>
            s.AddSingleton<HubLifetimeManager<CaseHub>>(provider => gate.Made(provider)));
        await harness.TextAsync(Worker, "talk to a person");
        var caseId = Guid.Parse((await harness.ScalarAsync("SELECT Id FROM Cases"))!);
        var amina = await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, "amina", UserRole.Caseworker, "en"));
        var sara = await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, "sara", UserRole.Supervisor, "en"));
        var bilal = await SignedInClient.AddUserAsync(harness.App, "bilal", UserRole.Caseworker, "en", "sw");
        var lease = await harness.App.Services.GetRequiredService<CaseQueue>().ClaimAsync(caseId, bilal.Id, TimeSpan.FromMinutes(5), Ct);
        await using var aminaHub = amina.Hub();
        await using var saraHub = sara.Hub();
        var heardByAmina = HubHeard.Messages(aminaHub);
        var heardBySara = HubHeard.Messages(saraHub);
        var changesToSara = HubHeard.Changes(saraHub);
        await aminaHub.StartAsync(Ct);
        await saraHub.StartAsync(Ct);
        Assert.True((await saraHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), caseId, Ct)).Ok);
        gate.BeforeNextCaseJoin = async () =>
        {
            Assert.True(await harness.App.Services.GetRequiredService<CaseQueue>().TransferToLanguageAsync(caseId, lease!.LeaseToken, bilal.Id, "sw", Ct));
            // The stream pushes a batch's changes only after it has withdrawn the consoles its moves took the case from.
            await HubHeard.NextAsync(changesToSara, c => c.Type == CaseEventTypes.Transferred && c.Case.Id == caseId);
        };

        var opened = await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), caseId, Ct);
        await harness.TextAsync(Worker, "are you there?");

        Assert.Equal(new ActionAnswer<CaseDetail>(false, "You may not work on this case.", null), opened);
        Assert.Equal((caseId, "are you there?"), await HubHeard.NextAsync(heardBySara, m => m.Body == "are you there?"));
        await Task.Delay(Straggler, Ct);
        Assert.False(heardByAmina.Reader.TryRead(out var leaked), $"amina heard '{leaked.Body}' of a case transferred out of her language");
    }

    /// <summary>
    /// Amina has another case on screen when her opening of this one is refused after the join: she stays on it, and it stays
    /// live. Before (a review), the server took her out of the case she showed before the re-check refused the new one, so the
    /// transcript on her screen stopped updating.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_refused_opening_leaves_the_case_already_on_screen_live(DatabaseProvider engine)
    {
        var gate = new JoinGate();
        await using var harness = await TwilioHarness.StartAsync(engine, services: s =>
            s.AddSingleton<HubLifetimeManager<CaseHub>>(provider => gate.Made(provider)));
        await harness.TextAsync(Worker, "talk to a person");
        var caseId = Guid.Parse((await harness.ScalarAsync("SELECT Id FROM Cases"))!);
        await harness.TextAsync(OtherWorker, "talk to a person");
        var shownId = Guid.Parse((await harness.ScalarAsync($"SELECT Id FROM Cases WHERE Id <> '{caseId}'"))!);
        var amina = await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, "amina", UserRole.Caseworker, "en"));
        var bilal = await SignedInClient.AddUserAsync(harness.App, "bilal", UserRole.Caseworker, "en", "sw");
        var lease = await harness.App.Services.GetRequiredService<CaseQueue>().ClaimAsync(caseId, bilal.Id, TimeSpan.FromMinutes(5), Ct);
        await using var aminaHub = amina.Hub();
        var heardByAmina = HubHeard.Messages(aminaHub);
        await aminaHub.StartAsync(Ct);
        Assert.True((await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), shownId, Ct)).Ok);
        gate.BeforeNextCaseJoin = async () =>
            Assert.True(await harness.App.Services.GetRequiredService<CaseQueue>().TransferToLanguageAsync(caseId, lease!.LeaseToken, bilal.Id, "sw", Ct));

        var opened = await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), caseId, Ct);
        await harness.TextAsync(OtherWorker, "are you still there?");

        Assert.False(opened.Ok);
        Assert.Equal((shownId, "are you still there?"), await HubHeard.NextAsync(heardByAmina, m => m.Body == "are you still there?"));
    }

    /// <summary>The hub's own group manager, holding the next join of a case group until the test has run a step.</summary>
    private sealed class JoinGate
    {
        public Func<Task>? BeforeNextCaseJoin { get; set; }

        public HubLifetimeManager<CaseHub> Made(IServiceProvider provider) =>
            new Gated(this, provider.GetRequiredService<ILogger<DefaultHubLifetimeManager<CaseHub>>>());

        private sealed class Gated(JoinGate gate, ILogger<DefaultHubLifetimeManager<CaseHub>> logger) : DefaultHubLifetimeManager<CaseHub>(logger)
        {
            public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
            {
                if (groupName.StartsWith("case:", StringComparison.Ordinal) && gate.BeforeNextCaseJoin is { } step)
                {
                    gate.BeforeNextCaseJoin = null;
                    await step();
                }

                await base.AddToGroupAsync(connectionId, groupName, cancellationToken);
            }
        }
    }
}
