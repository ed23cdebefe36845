namespace Hotline.Api.Tests.Casework;

public sealed class ResyncTests
{
    [Fact]
    public async Task The_events_after_the_last_sequence_seen_bring_a_console_up_to_date()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        await CaseSeeding.QueueCaseAsync(app, "ar");
        var seen = (await worker.Http.GetFromJsonAsync<QueueView>("/api/queue", Ct))!.LastSequence;
        var missed = await CaseSeeding.QueueCaseAsync(app, "ar");

        var events = await worker.Http.GetFromJsonAsync<CaseworkEndpoints.EventsView>($"/api/case-events?after={seen}", Ct);

        Assert.Equal([missed.Id], events!.Events.Select(e => e.CaseId));
    }

    [Fact]
    public async Task The_queue_lists_only_cases_in_the_callers_languages_most_urgent_first()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar", "ur"));
        var low = await CaseSeeding.QueueCaseAsync(app, "ar", Bot.Triage.PriorityBand.Low);
        await CaseSeeding.QueueCaseAsync(app, "ne", Bot.Triage.PriorityBand.Critical);
        var critical = await CaseSeeding.QueueCaseAsync(app, "ur", Bot.Triage.PriorityBand.Critical);

        var queue = await worker.Http.GetFromJsonAsync<QueueView>("/api/queue", Ct);

        Assert.Equal([critical.Id, low.Id], queue!.Cases.Select(c => c.Id));
    }

    [Fact]
    public async Task A_sequence_ahead_of_the_log_is_refused_with_409()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));

        var response = await worker.Http.GetAsync("/api/case-events?after=999999", Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_supervisor_sees_every_open_case_and_each_caseworkers_load()
    {
        await using var app = new HotlineApp();
        var supervisor = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "sara", UserRole.Supervisor, "en"));
        await CaseSeeding.QueueCaseAsync(app, "ar");
        await CaseSeeding.QueueCaseAsync(app, "ne");

        var overview = await supervisor.Http.GetFromJsonAsync<CaseworkEndpoints.SupervisorOverview>("/api/supervisor/overview", Ct);

        Assert.Equal(2, overview!.Queue.Cases.Count);
        Assert.Equal(2, overview.Statistics.Queued);
        Assert.Contains(overview.Caseworkers, w => w.DisplayName == "sara");
    }

    [Fact]
    public async Task A_caseworker_cannot_read_the_supervisor_overview()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.Http.GetAsync("/api/supervisor/overview", Ct)).StatusCode);
    }
}
