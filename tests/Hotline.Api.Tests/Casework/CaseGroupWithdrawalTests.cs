namespace Hotline.Api.Tests.Casework;

/// <summary>
/// Case groups follow the server's truth: when a case moves away from a console, the server takes that console
/// out of the case's group itself. The clients here never call LeaveCase.
/// </summary>
public sealed class CaseGroupWithdrawalTests
{
    private const string Worker = "+9779800000909";

    /// <summary>Long enough for a push sent at the same moment as the control's to arrive over long polling.</summary>
    private static readonly TimeSpan Straggler = TimeSpan.FromSeconds(1);

    [Theory, DatabaseData]
    public async Task After_a_transfer_the_console_that_gave_the_case_away_hears_nothing_more_and_the_colleague_hears_that_a_message_came_not_what_it_says(
        DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await harness.TextAsync(Worker, "talk to a person");
        var amina = await SignInAsync(harness, "amina", UserRole.Caseworker);
        var bilal = await SignInAsync(harness, "bilal", UserRole.Caseworker);
        await using var aminaHub = amina.Hub();
        await using var bilalHub = bilal.Hub();
        var heardByAmina = HubHeard.Messages(aminaHub);
        var heardByBilal = HubHeard.Messages(bilalHub);
        await aminaHub.StartAsync(Ct);
        await bilalHub.StartAsync(Ct);
        var caseId = Guid.Parse((await harness.ScalarAsync("SELECT Id FROM Cases"))!);
        var taken = await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeCase), caseId, Ct);

        var transferred = await aminaHub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.TransferToColleague), caseId, taken.Value!.LeaseToken!.Value, bilal.User.Id, Ct);
        await harness.TextAsync(Worker, "are you there?");

        Assert.True(transferred.Ok, transferred.Refusal);
        // Bilal has not opened the case: what it says reaches him when he does, an opening the audit trail records.
        Assert.Equal((caseId, "a message came: Inbound"), await HubHeard.NextAsync(heardByBilal));
        await Task.Delay(Straggler, Ct);
        Assert.False(heardByAmina.Reader.TryRead(out var leaked), $"amina heard '{leaked.Body}' after giving the case away");
        Assert.False(heardByBilal.Reader.TryRead(out var unopened), $"bilal heard '{unopened.Body}' of a case he had not opened");

        Assert.True((await bilalHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), caseId, Ct)).Ok);
        await harness.TextAsync(Worker, "hello?");
        Assert.Equal([(caseId, "a message came: Inbound"), (caseId, "hello?")], new[] { await HubHeard.NextAsync(heardByBilal), await HubHeard.NextAsync(heardByBilal) }.Order());
    }

    [Theory, DatabaseData]
    public async Task After_a_release_the_console_that_released_the_case_hears_no_further_message_while_a_supervisor_following_it_does(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await harness.TextAsync(Worker, "talk to a person");
        var amina = await SignInAsync(harness, "amina", UserRole.Caseworker);
        var sara = await SignInAsync(harness, "sara", UserRole.Supervisor);
        await using var aminaHub = amina.Hub();
        await using var saraHub = sara.Hub();
        var heardByAmina = HubHeard.Messages(aminaHub);
        var heardBySara = HubHeard.Messages(saraHub);
        await aminaHub.StartAsync(Ct);
        await saraHub.StartAsync(Ct);
        var caseId = Guid.Parse((await harness.ScalarAsync("SELECT Id FROM Cases"))!);
        var taken = await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeCase), caseId, Ct);
        Assert.True((await saraHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), caseId, Ct)).Ok);

        var released = await aminaHub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.ReleaseCase), caseId, taken.Value!.LeaseToken!.Value, Ct);
        await harness.TextAsync(Worker, "are you there?");

        Assert.True(released.Ok, released.Refusal);
        Assert.Equal((caseId, "are you there?"), await HubHeard.NextAsync(heardBySara));
        await Task.Delay(Straggler, Ct);
        Assert.False(heardByAmina.Reader.TryRead(out var leaked), $"amina heard '{leaked.Body}' after releasing the case");
    }

    private static async Task<SignedInClient> SignInAsync(TwilioHarness harness, string name, UserRole role) =>
        await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, name, role, "en"));
}
