using Hotline.Api.CaseHistory;
using Hotline.Api.Tests.Accountability;

namespace Hotline.Api.Tests.Casework;

/// <summary>Closed cases are read, never changed, by those who held them or work the person's case now; NGO accounts never see them.</summary>
public sealed class CaseHistoryTests
{
    [Theory, DatabaseData]
    public async Task The_queue_counts_the_earlier_cases_of_a_person_who_writes_again_after_a_closed_case(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var first = await CloseNewCaseAsync(app, worker, "resolved");

        var again = await QueueAgainAsync(app, first);

        var queue = await worker.Http.GetFromJsonAsync<QueueView>("/api/queue", Ct);
        Assert.Equal(1, Assert.Single(queue!.Cases, c => c.Id == again.Id).EarlierCases);
    }

    /// <summary>
    /// Review finding: the list names the earlier cases' outcomes and the partners they went to, and its read left no audit row.
    /// It is recorded under the case asked about, and a supervisor reads it in that case's access history.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Reading_a_persons_earlier_cases_is_audited_under_the_case_and_shown_in_its_access_history(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var supervisor = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "maria", UserRole.Supervisor, "en"));
        var first = await CloseNewCaseAsync(app, worker, "resolved");
        var again = await QueueAgainAsync(app, first);

        (await worker.Http.GetAsync($"/api/case-history/{again.Id}/earlier", Ct)).EnsureSuccessStatusCode();

        Assert.Equal([$"{worker.User.Id} case.earlier-read {again.Id} succeeded"], await AuditRows.ReadAsync(app, "case.earlier-read"));
        var history = await supervisor.Http.GetFromJsonAsync<List<Hotline.Api.Accountability.AuditEndpoints.CaseAccessView>>(
            $"/api/cases/{again.Id}/access-history", Ct);
        Assert.Equal([("amina", "case.earlier-read")], history!.Select(h => (h.ActorName, h.Action)));
    }

    [Fact]
    public async Task A_first_contact_has_no_earlier_cases()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var queued = await CaseSeeding.QueueCaseAsync(app, "ar");

        var earlier = await worker.Http.GetFromJsonAsync<List<ClosedCase>>($"/api/case-history/{queued.Id}/earlier", Ct);

        Assert.Empty(earlier!);
        Assert.Equal(0, Assert.Single((await worker.Http.GetFromJsonAsync<QueueView>("/api/queue", Ct))!.Cases).EarlierCases);
    }

    [Theory, DatabaseData]
    public async Task The_earlier_cases_list_dates_band_and_outcome_of_each_closed_case_of_the_person(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var first = await CloseNewCaseAsync(app, worker, "no_contact");
        var again = await QueueAgainAsync(app, first);

        var earlier = await worker.Http.GetFromJsonAsync<List<ClosedCase>>($"/api/case-history/{again.Id}/earlier", Ct);

        var listed = Assert.Single(earlier!);
        Assert.Equal((first.Id, "High", "no_contact", "ar"), (listed.Id, listed.Priority, listed.Outcome, listed.Language));
        Assert.True(listed.ClosedAt >= listed.OpenedAt);
        Assert.Empty(listed.Referrals!);
    }

    [Fact]
    public async Task A_caseworker_reads_a_closed_case_they_held()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var closed = await CloseNewCaseAsync(app, worker, "resolved");

        var record = await worker.Http.GetFromJsonAsync<ClosedCaseRecord>($"/api/case-history/{closed.Id}", Ct);

        Assert.Equal((closed.Id, "Closed", "resolved"), (record!.Detail.Case.Id, record.Detail.Case.Status, record.Outcome));
        Assert.Null(record.Detail.LeaseToken);
    }

    [Fact]
    public async Task The_cases_one_handled_are_none_before_one_closes_a_case()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));

        var handled = await worker.Http.GetFromJsonAsync<List<ClosedCase>>("/api/case-history/handled", Ct);

        Assert.Empty(handled!);
    }

    [Theory, DatabaseData]
    public async Task The_cases_one_handled_list_the_closed_case_one_held(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var closed = await CloseNewCaseAsync(app, worker, "duplicate");

        var handled = await worker.Http.GetFromJsonAsync<List<ClosedCase>>("/api/case-history/handled", Ct);

        Assert.Equal((closed.Id, "duplicate"), (Assert.Single(handled!).Id, handled![0].Outcome));
    }

    [Fact]
    public async Task A_caseworker_who_neither_held_a_closed_case_nor_may_see_the_persons_case_is_refused_it()
    {
        await using var app = new HotlineApp();
        var holder = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var stranger = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        var closed = await CloseNewCaseAsync(app, holder, "resolved");

        var read = await stranger.Http.GetAsync($"/api/case-history/{closed.Id}", Ct);
        var earlier = await stranger.Http.GetAsync($"/api/case-history/{closed.Id}/earlier", Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (read.StatusCode, earlier.StatusCode));
    }

    /// <summary>
    /// Bilal speaks the case's language, never held it, and the person has no open case: the language rule would let him see it
    /// open, but a closed case, its attachments and its referrals are read only by the case history's rule.
    /// </summary>
    [Fact]
    public async Task A_closed_case_is_refused_on_every_live_route_to_a_caseworker_of_its_language_the_case_history_refuses()
    {
        await using var app = new HotlineApp();
        var holder = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var colleague = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "bilal", UserRole.Caseworker, "ar"));
        var closed = await CloseNewCaseAsync(app, holder, "resolved");

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[]
                 {
                     $"/api/case-history/{closed.Id}", $"/api/cases/{closed.Id}", $"/api/cases/{closed.Id}/media/{Guid.NewGuid()}",
                     $"/api/cases/{closed.Id}/referrals",
                 })
        {
            statuses.Add((await colleague.Http.GetAsync(path, Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], statuses);
        Assert.Equal([$"{colleague.User.Id} case.fetched {closed.Id} refused"], await AuditRows.ReadAsync(app, "case.fetched"));
    }

    [Fact]
    public async Task The_caseworker_who_held_a_closed_case_fetches_it_only_from_the_case_history()
    {
        await using var app = new HotlineApp();
        var holder = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var closed = await CloseNewCaseAsync(app, holder, "resolved");

        var fetched = await holder.Http.GetAsync($"/api/cases/{closed.Id}", Ct);
        var referrals = await holder.Http.GetAsync($"/api/cases/{closed.Id}/referrals", Ct);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.OK), (fetched.StatusCode, referrals.StatusCode));
        Assert.Equal($"The case is closed: it is read in the case history, /api/case-history/{closed.Id}.",
            (await fetched.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct))!.Detail);
    }

    [Fact]
    public async Task A_colleague_working_the_persons_new_case_reads_their_earlier_case()
    {
        await using var app = new HotlineApp();
        var holder = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var colleague = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "bilal", UserRole.Caseworker, "ar"));
        var closed = await CloseNewCaseAsync(app, holder, "resolved");
        await QueueAgainAsync(app, closed);

        var read = await colleague.Http.GetAsync($"/api/case-history/{closed.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task An_ngo_account_is_refused_every_case_history_route()
    {
        await using var app = new HotlineApp();
        var holder = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var partner = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "shelter", UserRole.Ngo));
        var closed = await CloseNewCaseAsync(app, holder, "resolved");

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/api/case-history/handled", $"/api/case-history/{closed.Id}", $"/api/case-history/{closed.Id}/earlier" })
        {
            statuses.Add((await partner.Http.GetAsync(path, Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], statuses);
    }

    [Fact]
    public async Task An_open_case_is_not_read_through_the_case_history()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var queued = await CaseSeeding.QueueCaseAsync(app, "ar");

        var read = await worker.Http.GetAsync($"/api/case-history/{queued.Id}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, read.StatusCode);
    }

    [Fact]
    public async Task A_closed_case_is_not_opened_live()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var closed = await CloseNewCaseAsync(app, worker, "resolved");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);

        var opened = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), closed.Id, Ct);

        Assert.Equal((false, "This case is closed: it opens read-only from the case history."), (opened.Ok, opened.Refusal));
        // The first opening is the take before the close.
        Assert.Equal([$"{worker.User.Id} case.opened {closed.Id} succeeded", $"{worker.User.Id} case.opened {closed.Id} refused"],
            await AuditRows.ReadAsync(app, "case.opened"));
    }

    [Fact]
    public async Task A_note_on_a_closed_case_is_refused_and_adds_nothing()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));
        var closed = await CloseNewCaseAsync(app, worker, "resolved");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);

        var added = await hub.InvokeAsync<ActionAnswer<NoteView>>(nameof(CaseHub.AddNote), closed.Id, "after the close", Guid.NewGuid(), Ct);

        Assert.False(added.Ok);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM CaseNotes"));
    }

    /// <summary>Queues a case, takes it and closes it through the hub, as a caseworker does.</summary>
    private static async Task<CaseRecord> CloseNewCaseAsync(HotlineApp app, SignedInClient worker, string outcome)
    {
        var queued = await CaseSeeding.QueueCaseAsync(app, "ar");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        var taken = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeCase), queued.Id, Ct);
        var closed = await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.CloseCase), queued.Id, taken.Value!.LeaseToken!.Value, outcome, null, Ct);
        Assert.True(closed.Ok, closed.Refusal);
        return queued;
    }

    /// <summary>The same person's next case, on the same conversation, as the intake opens it after a close.</summary>
    private static async Task<CaseRecord> QueueAgainAsync(HotlineApp app, CaseRecord earlier)
    {
        var database = app.Services.GetRequiredService<Database>();
        await using var session = await database.BeginWriteAsync(Ct);
        var again = await app.Services.GetRequiredService<CaseQueue>().EnqueueAsync(session,
            new NewCase(earlier.ConversationId, "ar", PriorityBand.Medium, 20, ["first_contact"]), Ct);
        await session.CommitAsync(Ct);
        return again;
    }
}
