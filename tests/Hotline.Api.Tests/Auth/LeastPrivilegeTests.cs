namespace Hotline.Api.Tests.Auth;

/// <summary>The admin keeps accounts, partners and SIM cards but reads no case; the API's description is for signed-in people outside Development.</summary>
public sealed partial class LeastPrivilegeTests
{
    [Fact]
    public async Task The_admin_is_refused_the_queue_a_case_and_the_supervisor_overview()
    {
        await using var app = new HotlineApp();
        var queued = await CaseSeeding.QueueCaseAsync(app, "en");
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));

        var answers = new List<HttpStatusCode>();
        foreach (var path in new[] { "/api/queue", $"/api/cases/{queued.Id}", "/api/case-events?after=0", "/api/supervisor/overview" })
        {
            answers.Add((await admin.Http.GetAsync(path, Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], answers);
    }

    [Fact]
    public async Task The_admin_cannot_open_the_case_hub()
    {
        await using var app = new HotlineApp();
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));
        await using var hub = admin.Hub();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_admin_is_sent_to_the_partner_directory_after_signing_in()
    {
        await using var app = new HotlineApp();
        await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en");

        var response = await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "root", SignedInClient.Password);

        Assert.Equal("/console/partners.html", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_fresh_Development_database_has_a_supervisor_whose_printed_one_time_password_leads_to_the_supervisor_overview_once_replaced()
    {
        await using var app = new HotlineApp(services: s => s.AddFakeLogging());
        var printed = app.Services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message)
            .Single(m => m.StartsWith("Created a supervisor for Development", StringComparison.Ordinal));
        await using var session = await app.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var supervisor = await app.Services.GetRequiredService<UserRepository>().FindByUserNameAsync(session, "supervisor", Ct);

        var printedPassword = PrintedPassword().Match(printed).Groups[1].Value;
        var signedIn = await SignedInClient.SignInChoosingPasswordAsync(app, supervisor!, printedPassword, "lanterns over the harbour");
        var overview = await signedIn.Http.GetAsync("/api/supervisor/overview", Ct);

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal("/console/signin.html?error=wrong",
            (await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "supervisor", printedPassword)).Headers.Location?.ToString());
    }

    [Fact]
    public async Task Outside_Development_the_api_description_needs_a_signed_in_person()
    {
        await using var app = HotlineApp.InProduction(new Dictionary<string, string?> { ["Hotline:Auth:RequireTwoFactor"] = "false" });
        var caseworker = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");

        var anonymous = await app.CreateClient().GetAsync(OpenApiGets.DocumentPath, Ct);
        var signedIn = await (await SignedInClient.SignInAsync(app, caseworker)).Http.GetAsync(OpenApiGets.DocumentPath, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task In_Development_the_api_description_is_open_to_a_newcomer()
    {
        await using var app = new HotlineApp();

        var anonymous = await app.CreateClient().GetAsync(OpenApiGets.DocumentPath, Ct);

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [GeneratedRegex(@"one-time password (\S+) \(shown once\)")]
    private static partial Regex PrintedPassword();
}
