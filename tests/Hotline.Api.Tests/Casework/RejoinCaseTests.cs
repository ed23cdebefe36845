using Hotline.Api.Tests.Accountability;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A console joins the case it has on screen again after a reconnection (<see cref="CaseHub.RejoinCase"/>) with the viewing its
/// opening gave it: one opening in the audit trail per case per page, not one per reconnection. The viewing vouches only for
/// the session, person and case it was given for: anything else is an opening, and recorded.
/// </summary>
public sealed class RejoinCaseTests
{
    [Theory, DatabaseData]
    public async Task Rejoining_with_the_viewing_of_the_opening_reads_the_case_and_records_no_second_opening(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        await CaseSeeding.QueueCaseAsync(app, "en");
        await using var before = amina.Hub();
        await before.StartAsync(Ct);
        var taken = (await before.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
        await using var reconnected = amina.Hub();
        await reconnected.StartAsync(Ct);

        var rejoined = await reconnected.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), taken.Case.Id, taken.Viewing, Ct);

        Assert.True(rejoined.Ok, rejoined.Refusal);
        Assert.Equal(taken.Case.Id, rejoined.Value!.Case.Id);
        Assert.Equal(taken.LeaseToken, rejoined.Value.LeaseToken);
        Assert.Equal(taken.Viewing, rejoined.Value.Viewing);
        Assert.Equal([$"{amina.User.Id} case.opened {taken.Case.Id} succeeded"], await AuditRows.ReadAsync(app, AuditActions.CaseOpened));
    }

    [Fact]
    public async Task Rejoining_without_a_viewing_of_this_session_person_and_case_is_recorded_as_an_opening()
    {
        await using var app = new HotlineApp();
        var aminaUser = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en");
        var amina = await SignedInClient.SignInAsync(app, aminaUser);
        var bilal = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "bilal", UserRole.Supervisor, "en"));
        var first = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Critical);
        var second = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Low);
        await using var aminaHub = amina.Hub();
        await aminaHub.StartAsync(Ct);
        var opened = (await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), first.Id, Ct)).Value!;
        var aminaAgain = await SignedInClient.SignInAsync(app, aminaUser);
        await using var aminaAgainHub = aminaAgain.Hub();
        await aminaAgainHub.StartAsync(Ct);
        await using var bilalHub = bilal.Hub();
        await bilalHub.StartAsync(Ct);

        var answers = new[]
        {
            await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), second.Id, opened.Viewing, Ct),
            await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), first.Id, "not a viewing", Ct),
            await aminaAgainHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), first.Id, opened.Viewing, Ct),
            await bilalHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), first.Id, opened.Viewing, Ct),
        };

        Assert.All(answers, answer => Assert.True(answer.Ok, answer.Refusal));
        Assert.Equal(
        [
            $"{aminaUser.Id} case.opened {first.Id} succeeded",
            $"{aminaUser.Id} case.opened {second.Id} succeeded",
            $"{aminaUser.Id} case.opened {first.Id} succeeded",
            $"{aminaUser.Id} case.opened {first.Id} succeeded",
            $"{bilal.User.Id} case.opened {first.Id} succeeded",
        ], await AuditRows.ReadAsync(app, AuditActions.CaseOpened));
    }
}
