using System.Threading.Channels;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// Case groups follow the server's truth: when a case moves away from a console, the server takes that console
/// out of the case's group itself. The clients here never call LeaveCase.
/// </summary>
public sealed class CaseGroupWithdrawalTests
{
    private const string Worker = "+9779800000909";
    private const string OtherWorker = "+9779800000910";

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

    [Theory, DatabaseData]
    public async Task A_console_that_opens_another_case_hears_no_further_word_of_the_case_it_showed_before_though_it_never_called_LeaveCase(
        DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var (shownBefore, shownNow) = await TwoCasesAsync(harness);
        var amina = await SignInAsync(harness, "amina", UserRole.Caseworker);
        await using var hub = amina.Hub();
        var heard = HubHeard.Messages(hub);
        await hub.StartAsync(Ct);
        Assert.True((await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), shownBefore, Ct)).Ok);

        var opened = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), shownNow, Ct);
        await harness.TextAsync(Worker, "are you there?");
        await harness.TextAsync(OtherWorker, "hello?");

        Assert.True(opened.Ok, opened.Refusal);
        var heardUntilNow = await HeardUntilAsync(heard, (shownNow, "hello?"));
        Assert.DoesNotContain((shownBefore, "are you there?"), heardUntilNow);
    }

    /// <summary>
    /// A review: after a reconnection the page may open another case before its rejoin of the case it showed arrives; the
    /// rejoin switches nothing, so the page still hears the case it opened (and leaves the rejoined one itself).
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_rejoin_that_arrives_after_another_case_was_opened_does_not_take_the_connection_out_of_that_case(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var (shownBefore, shownNow) = await TwoCasesAsync(harness);
        var amina = await SignInAsync(harness, "amina", UserRole.Caseworker);
        await using var hub = amina.Hub();
        var heard = HubHeard.Messages(hub);
        await hub.StartAsync(Ct);
        Assert.True((await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), shownNow, Ct)).Ok);

        var rejoined = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), shownBefore, null, Ct);
        await harness.TextAsync(OtherWorker, "hello?");

        Assert.True(rejoined.Ok, rejoined.Refusal);
        Assert.Contains((shownNow, "hello?"), await HeardUntilAsync(heard, (shownNow, "hello?")));
    }

    [Theory, DatabaseData]
    public async Task A_console_that_takes_the_next_case_hears_only_that_a_message_came_in_the_case_it_showed_before_not_what_it_says(
        DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await harness.TextAsync(Worker, "talk to a person");
        var amina = await SignInAsync(harness, "amina", UserRole.Caseworker);
        await using var hub = amina.Hub();
        var heard = HubHeard.Messages(hub);
        await hub.StartAsync(Ct);
        var first = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);
        await harness.TextAsync(OtherWorker, "talk to a person");

        var next = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);
        await harness.TextAsync(Worker, "are you there?");
        await harness.TextAsync(OtherWorker, "hello?");

        var (shownBefore, shownNow) = (first.Value!.Case.Id, next.Value!.Case.Id);
        var heardUntilNow = await HeardUntilAsync(heard, (shownNow, "hello?"));
        Assert.DoesNotContain((shownBefore, "are you there?"), heardUntilNow);
        // She still holds it: that a message came reaches her, as for any case she holds and does not show.
        Assert.Contains((shownBefore, "a message came: Inbound"), heardUntilNow);
    }

    [Theory, DatabaseData]
    public async Task A_refused_opening_leaves_the_console_hearing_the_case_it_shows(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await harness.TextAsync(Worker, "talk to a person");
        var amina = await SignInAsync(harness, "amina", UserRole.Caseworker);
        await using var hub = amina.Hub();
        var heard = HubHeard.Messages(hub);
        await hub.StartAsync(Ct);
        var shown = Guid.Parse((await harness.ScalarAsync("SELECT Id FROM Cases"))!);
        Assert.True((await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), shown, Ct)).Ok);

        var refused = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), Guid.NewGuid(), Ct);
        await harness.TextAsync(Worker, "are you there?");

        Assert.Equal(new ActionAnswer<CaseDetail>(false, "You may not work on this case.", null), refused);
        Assert.Equal((shown, "are you there?"), await HubHeard.NextAsync(heard, message => message.Body == "are you there?"));
    }

    /// <summary>
    /// Everything heard until <paramref name="last"/>, and for <see cref="Straggler"/> after it. Pushes follow the log's
    /// order, so whatever was texted before <paramref name="last"/> has come by then, if it comes at all.
    /// </summary>
    private static async Task<IReadOnlyList<(Guid CaseId, string Body)>> HeardUntilAsync(Channel<(Guid CaseId, string Body)> heard, (Guid, string) last)
    {
        var all = new List<(Guid CaseId, string Body)>();
        do
        {
            all.Add(await HubHeard.NextAsync(heard));
        }
        while (all[^1] != last);

        await Task.Delay(Straggler, Ct);
        while (heard.Reader.TryRead(out var late))
        {
            all.Add(late);
        }

        return all;
    }

    /// <summary>Worker's case, then OtherWorker's, each asking for a person.</summary>
    private static async Task<(Guid First, Guid Second)> TwoCasesAsync(TwilioHarness harness)
    {
        await harness.TextAsync(Worker, "talk to a person");
        var first = Guid.Parse((await harness.ScalarAsync("SELECT Id FROM Cases"))!);
        await harness.TextAsync(OtherWorker, "talk to a person");
        return (first, Guid.Parse((await harness.ScalarAsync($"SELECT Id FROM Cases WHERE Id <> '{first}'"))!));
    }

    private static async Task<SignedInClient> SignInAsync(TwilioHarness harness, string name, UserRole role) =>
        await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, name, role, "en"));
}
