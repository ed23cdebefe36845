namespace Hotline.Api.Tests.Accountability;

/// <summary>The admin's audit search and export, and a supervisor's access history of a case; nobody else reads them.</summary>
public sealed class AuditEndpointTests
{
    [Theory]
    [InlineData(UserRole.Caseworker, "/api/admin/audit")]
    [InlineData(UserRole.Caseworker, "/api/admin/audit/csv")]
    [InlineData(UserRole.Supervisor, "/api/admin/audit")]
    [InlineData(UserRole.Ngo, "/api/admin/audit")]
    [InlineData(UserRole.Caseworker, "/api/cases/0195f0a0-0000-7000-8000-000000000001/access-history")]
    [InlineData(UserRole.Ngo, "/api/cases/0195f0a0-0000-7000-8000-000000000001/access-history")]
    public async Task Only_admins_read_the_audit_trail_and_only_supervisors_and_admins_a_cases_access_history(UserRole role, string path)
    {
        await using var app = new HotlineApp();
        var someone = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "someone", role, "en"));

        var response = await someone.Http.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task The_admin_finds_rows_by_user_name_and_action_and_pages_back_to_the_oldest(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var ravi = await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "en");
        await SignedInClient.SignInAsync(app, ravi);
        await SignedInClient.SignInAsync(app, ravi);
        await SignedInClient.SignInAsync(app, ravi);
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));

        var first = await admin.Http.GetFromJsonAsync<AuditEndpoints.AuditPage>("/api/admin/audit?actor=ravi&action=signin.succeeded&take=2", Ct);
        var second = await admin.Http.GetFromJsonAsync<AuditEndpoints.AuditPage>(
            $"/api/admin/audit?actor=ravi&action=signin.succeeded&take=2&beforeSequence={first!.Older}", Ct);

        Assert.Equal([3L, 2L], first.Entries.Select(e => e.Sequence));
        Assert.Equal([1L], second!.Entries.Select(e => e.Sequence));
        Assert.Null(second.Older);
        Assert.All(first.Entries.Concat(second.Entries), e => Assert.Equal(("ravi", ravi.Id.ToString()), (e.ActorName, e.Actor)));
    }

    [Fact]
    public async Task A_search_with_a_page_size_out_of_range_is_refused()
    {
        await using var app = new HotlineApp();
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));

        var response = await admin.Http.GetAsync("/api/admin/audit?take=501", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task A_search_that_finds_nothing_answers_an_empty_page(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));

        var page = await admin.Http.GetFromJsonAsync<AuditEndpoints.AuditPage>("/api/admin/audit?action=person.erased", Ct);

        Assert.Equal((0, null), (page!.Entries.Count, page.Older));
    }

    [Theory]
    [InlineData("subject=0195f0a0-0000-7000-8000-000000000001")]
    [InlineData("actor=nobody")]
    [InlineData("subject=0195f0a0-0000-7000-8000-000000000001&actor=root")]
    public async Task A_search_for_a_subject_or_an_actor_with_no_rows_answers_an_empty_page(string query)
    {
        await using var app = new HotlineApp();
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));

        var page = await admin.Http.GetFromJsonAsync<AuditEndpoints.AuditPage>($"/api/admin/audit?{query}", Ct);

        Assert.Equal((0, null), (page!.Entries.Count, page.Older));
    }

    [Fact]
    public async Task The_csv_export_holds_the_filtered_rows_and_is_itself_audited()
    {
        await using var app = new HotlineApp();
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));

        var csv = await admin.Http.GetStringAsync("/api/admin/audit/csv?action=signin.succeeded", Ct);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,occurred_at,actor,actor_name,action,subject,client_address,outcome", lines[0]);
        Assert.EndsWith($",{admin.User.Id},root,signin.succeeded,{admin.User.Id},,succeeded", Assert.Single(lines.Skip(1)));
        Assert.Equal([$"{admin.User.Id} audit.exported - succeeded"], await AuditRows.ReadAsync(app, "audit.exported"));
    }

    [Theory, DatabaseData]
    public async Task A_supervisor_reads_who_opened_a_case_newest_first(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        var supervisor = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "maria", UserRole.Supervisor, "en"));
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ne");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), seeded.Id, Ct);
        (await supervisor.Http.GetAsync($"/api/cases/{seeded.Id}", Ct)).EnsureSuccessStatusCode();

        var history = await supervisor.Http.GetFromJsonAsync<List<AuditEndpoints.CaseAccessView>>($"/api/cases/{seeded.Id}/access-history", Ct);

        Assert.Equal([("maria", "case.fetched"), ("ravi", "case.opened")], history!.Select(h => (h.ActorName, h.Action)));
    }

    /// <summary>
    /// Found by a review: the console names a case "Case 20777861" (the end of its id), but the audit search found its rows
    /// only by the whole id, written as the trail writes it. It takes the reference, with or without "Case", in any case of
    /// letters, and the whole id however it is written.
    /// </summary>
    [Theory, DatabaseData]
    public async Task The_admin_finds_a_cases_rows_by_the_reference_the_console_shows_or_by_its_whole_id(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "en"));
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));
        var sought = await CaseSeeding.QueueCaseAsync(app, "en");
        var other = await CaseSeeding.QueueCaseAsync(app, "en");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), sought.Id, Ct);
        await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), other.Id, Ct);
        var id = sought.Id.ToString();
        var reference = id[^8..].ToUpperInvariant();

        foreach (var subject in new[] { reference, $"Case {reference}", reference.ToLowerInvariant(), id, id.ToUpperInvariant(), $" {id} " })
        {
            var page = await admin.Http.GetFromJsonAsync<AuditEndpoints.AuditPage>($"/api/admin/audit?subject={Uri.EscapeDataString(subject)}", Ct);

            Assert.Equal([("ravi", "case.opened", id)], page!.Entries.Select(e => (e.ActorName, e.Action, e.Subject)));
        }
    }

    [Theory, DatabaseData]
    public async Task A_reference_of_no_case_finds_nothing(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));
        await CaseSeeding.QueueCaseAsync(app, "en");

        var page = await admin.Http.GetFromJsonAsync<AuditEndpoints.AuditPage>("/api/admin/audit?subject=Case%2000000000", Ct);

        Assert.Empty(page!.Entries);
        Assert.Null(page.Older);
    }
}
