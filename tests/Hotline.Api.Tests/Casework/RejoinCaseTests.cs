using Hotline.Api.Tests.Accountability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A console page joins the case it has on screen again after a reconnection (<see cref="CaseHub.RejoinCase"/>) with the
/// viewing its opening gave it: one opening in the audit trail per case per page, not one per reconnection. The viewing
/// vouches only for the session, person, page and case it was given for, and for ten minutes after it was sealed (each
/// rejoin seals it again): anything else is an opening, and recorded. Review finding: a viewing named no page and never
/// ran out, so any tab or script of the session could read the case again with it hours later, unrecorded.
/// </summary>
public sealed class RejoinCaseTests
{
    [Theory, DatabaseData]
    public async Task Rejoining_from_the_same_page_within_ten_minutes_reads_the_case_records_no_second_opening_and_renews_the_viewing(
        DatabaseProvider engine)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await HotlineApp.CreateAsync(engine, services: s => s.AddSingleton<TimeProvider>(clock));
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        var queued = await CaseSeeding.QueueCaseAsync(app, "en");
        var page = Guid.NewGuid();
        await using var before = amina.Hub(page: page);
        await before.StartAsync(Ct);
        var opened = (await before.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), queued.Id, Ct)).Value!;
        await using var reconnected = amina.Hub(page: page);
        await reconnected.StartAsync(Ct);

        clock.Advance(TimeSpan.FromMinutes(9));
        var rejoined = await reconnected.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), queued.Id, opened.Viewing, Ct);
        // 18 minutes after the opening, 9 after the rejoin that sealed the viewing again.
        clock.Advance(TimeSpan.FromMinutes(9));
        var rejoinedAgain = await reconnected.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), queued.Id, rejoined.Value?.Viewing, Ct);

        Assert.True(rejoined.Ok, rejoined.Refusal);
        Assert.Equal(queued.Id, rejoined.Value!.Case.Id);
        Assert.True(rejoinedAgain.Ok, rejoinedAgain.Refusal);
        Assert.Equal([$"{amina.User.Id} case.opened {queued.Id} succeeded"], await AuditRows.ReadAsync(app, AuditActions.CaseOpened));
    }

    [Fact]
    public async Task Rejoining_with_a_viewing_sealed_more_than_ten_minutes_ago_is_recorded_as_an_opening()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HotlineApp(services: s => s.AddSingleton<TimeProvider>(clock));
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        var queued = await CaseSeeding.QueueCaseAsync(app, "en");
        var page = Guid.NewGuid();
        await using var hub = amina.Hub(page: page);
        await hub.StartAsync(Ct);
        var opened = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), queued.Id, Ct)).Value!;

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var rejoined = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), queued.Id, opened.Viewing, Ct);

        Assert.True(rejoined.Ok, rejoined.Refusal);
        Assert.Equal(
            [$"{amina.User.Id} case.opened {queued.Id} succeeded", $"{amina.User.Id} case.opened {queued.Id} succeeded"],
            await AuditRows.ReadAsync(app, AuditActions.CaseOpened));
    }

    [Fact]
    public async Task Rejoining_without_a_viewing_of_this_session_person_page_and_case_is_recorded_as_an_opening()
    {
        await using var app = new HotlineApp();
        var aminaUser = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en");
        var amina = await SignedInClient.SignInAsync(app, aminaUser);
        var bilal = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "bilal", UserRole.Supervisor, "en"));
        var first = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Critical);
        var second = await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.Low);
        var page = Guid.NewGuid();
        await using var aminaHub = amina.Hub(page: page);
        await aminaHub.StartAsync(Ct);
        var opened = (await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), first.Id, Ct)).Value!;
        var aminaAgain = await SignedInClient.SignInAsync(app, aminaUser);
        await using var aminaAgainHub = aminaAgain.Hub(page: page);
        await aminaAgainHub.StartAsync(Ct);
        await using var aminaOtherPageHub = amina.Hub(page: Guid.NewGuid());
        await aminaOtherPageHub.StartAsync(Ct);
        await using var aminaNoPageHub = amina.Hub();
        await aminaNoPageHub.StartAsync(Ct);
        await using var bilalHub = bilal.Hub(page: page);
        await bilalHub.StartAsync(Ct);

        var answers = new[]
        {
            await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), second.Id, opened.Viewing, Ct),
            await aminaHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), first.Id, "not a viewing", Ct),
            await aminaAgainHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), first.Id, opened.Viewing, Ct),
            await aminaOtherPageHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), first.Id, opened.Viewing, Ct),
            await aminaNoPageHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), first.Id, opened.Viewing, Ct),
            await bilalHub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.RejoinCase), first.Id, opened.Viewing, Ct),
        };

        Assert.All(answers, answer => Assert.True(answer.Ok, answer.Refusal));
        Assert.Equal(
        [
            $"{aminaUser.Id} case.opened {first.Id} succeeded",
            $"{aminaUser.Id} case.opened {second.Id} succeeded",
            $"{aminaUser.Id} case.opened {first.Id} succeeded",
            $"{aminaUser.Id} case.opened {first.Id} succeeded",
            $"{aminaUser.Id} case.opened {first.Id} succeeded",
            $"{aminaUser.Id} case.opened {first.Id} succeeded",
            $"{bilal.User.Id} case.opened {first.Id} succeeded",
        ], await AuditRows.ReadAsync(app, AuditActions.CaseOpened));
        // A connection that names no page is given no viewing to come back with.
        Assert.Null(answers[4].Value!.Viewing);
    }
}
