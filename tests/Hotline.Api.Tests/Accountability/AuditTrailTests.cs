namespace Hotline.Api.Tests.Accountability;

/// <summary>Every read of case content, export, sign-in and change leaves one row naming who, what, which subject and the outcome.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task Fetching_a_case_through_the_api_records_who_fetched_which_case()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ne");

        (await worker.Http.GetAsync($"/api/cases/{seeded.Id}", Ct)).EnsureSuccessStatusCode();

        Assert.Equal([$"{worker.User.Id} case.fetched {seeded.Id} succeeded"], await AuditRows.ReadAsync(app, "case.fetched"));
    }

    [Fact]
    public async Task Opening_a_case_in_the_console_records_who_opened_which_case()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ne");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);

        await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), seeded.Id, Ct);

        Assert.Equal([$"{worker.User.Id} case.opened {seeded.Id} succeeded"], await AuditRows.ReadAsync(app, "case.opened"));
    }

    [Fact]
    public async Task A_refused_attempt_to_open_a_case_is_recorded_as_refused()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ar");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);

        await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), seeded.Id, Ct);

        Assert.Equal([$"{worker.User.Id} case.opened {seeded.Id} refused"], await AuditRows.ReadAsync(app, "case.opened"));
    }

    [Fact]
    public async Task Sign_in_success_and_failure_are_each_recorded_and_a_typed_name_never_is()
    {
        await using var app = new HotlineApp();
        var ravi = await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne");
        await SignedInClient.SignInAsync(app, ravi);
        var browser = SignedInClient.NewBrowser(app);

        await SignedInClient.PostSignInAsync(browser, "ravi", "not the password");
        await SignedInClient.PostSignInAsync(browser, "nobody-by-this-name", "whatever");

        Assert.Equal(
        [
            $"{ravi.Id} signin.succeeded {ravi.Id} succeeded",
            "anonymous signin.failed - refused",
            "anonymous signin.failed - refused",
        ], (await AuditRows.ReadAsync(app)).Where(r => r.Contains(" signin.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_statistics_csv_export_is_recorded()
    {
        await using var app = new HotlineApp();
        var supervisor = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "maria", UserRole.Supervisor, "en"));

        (await supervisor.Http.GetAsync("/api/statistics/csv", Ct)).EnsureSuccessStatusCode();

        Assert.Equal([$"{supervisor.User.Id} statistics.exported all succeeded"], await AuditRows.ReadAsync(app, "statistics.exported"));
    }

    [Fact]
    public async Task Creating_and_editing_a_partner_are_recorded_with_the_partner_id()
    {
        await using var app = new HotlineApp();
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));
        var input = new PartnerInput("Shelter Doha", [PartnerServices.Shelter], ["en"], ["Doha"], null, null, null, null, null);

        var created = await (await admin.Http.PostAsJsonAsync("/api/admin/partners", input, Ct)).Content.ReadFromJsonAsync<Partner>(Ct);
        (await admin.Http.PutAsJsonAsync($"/api/admin/partners/{created!.Id}", input with { Version = 1, Regions = ["Doha", "Al Wakrah"] }, Ct))
            .EnsureSuccessStatusCode();

        Assert.Equal(
            [$"{admin.User.Id} partner.created {created.Id} succeeded", $"{admin.User.Id} partner.updated {created.Id} succeeded"],
            (await AuditRows.ReadAsync(app)).Where(r => r.Contains(" partner.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_sim_import_from_the_command_line_is_recorded_as_the_operators()
    {
        await using var app = new HotlineApp();
        var file = Path.Combine(app.Folder, "sims.csv");
        await File.WriteAllTextAsync(file, "phone_number,language,issued_on,programme\n+9779800000001,ne,2026-11-01,arrivals\n", Ct);

        var exit = await OperatorCommands.RunAsync(app.Services, ["sims", "import", file], new StringReader(""), new StringWriter(), Ct);

        Assert.Equal(0, exit);
        Assert.Equal(["operator sims.imported - succeeded"], await AuditRows.ReadAsync(app, "sims.imported"));
    }

    [Fact]
    public async Task A_caseworker_fetching_a_case_of_another_language_is_refused_and_recorded_as_refused()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        var seeded = await CaseSeeding.QueueCaseAsync(app, "ar");

        var response = await worker.Http.GetAsync($"/api/cases/{seeded.Id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal([$"{worker.User.Id} case.fetched {seeded.Id} refused"], await AuditRows.ReadAsync(app, "case.fetched"));
    }

    /// <summary>A newcomer probed as the admin: every one of these answered 403 and left no row.</summary>
    [Fact]
    public async Task An_admin_refused_a_cases_content_by_the_role_policy_is_recorded_with_what_was_asked_for()
    {
        await using var app = new HotlineApp();
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));
        var seeded = await CaseSeeding.QueueCaseAsync(app, "en");
        var media = Guid.NewGuid();

        foreach (var path in new[] { $"/api/cases/{seeded.Id}", $"/api/case-history/{seeded.Id}", "/api/queue", $"/api/cases/{seeded.Id}/media/{media}/original" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync(path, Ct)).StatusCode);
        }

        Assert.Equal(
            [
                $"{admin.User.Id} access.refused GET /api/cases/{seeded.Id} refused",
                $"{admin.User.Id} access.refused GET /api/case-history/{seeded.Id} refused",
                $"{admin.User.Id} access.refused GET /api/queue refused",
                $"{admin.User.Id} access.refused GET /api/cases/{seeded.Id}/media/{media}/original refused",
            ],
            await AuditRows.ReadAsync(app, "access.refused"));
    }

    [Fact]
    public async Task A_refusal_by_the_role_policy_names_no_account_in_its_subject()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        await SignedInClient.AddUserAsync(app, "sita", UserRole.Caseworker, "ne");

        var response = await worker.Http.PostAsync("/api/admin/accounts/sita/disable", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(await AuditRows.ReadAsync(app), row => row.Contains("sita", StringComparison.Ordinal));
        Assert.Single(await AuditRows.ReadAsync(app, "access.refused"));
    }
}
