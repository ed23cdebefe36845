using Microsoft.Extensions.Configuration;

namespace Hotline.Api.Tests.Hosting;

/// <summary>
/// A newcomer's first hour: a fresh Development database holds only the admin and the supervisor it made, and every page of
/// the console asks the API for whatever it shows. No documented GET may answer 5xx, for any role, before
/// or after the first cases.
/// </summary>
public sealed partial class FirstHourTests
{
    private const string Worker = "+447700900123";

    /// <summary>
    /// A statistics table that always exists: with an unknown id the chart path answers 404 and never draws, which
    /// hid a 500 on an empty database (a chart with no bars).
    /// </summary>
    private static readonly Dictionary<string, string> ATableThatExists = new() { ["tableId"] = "cases-by-language" };

    [Fact]
    public async Task On_a_database_holding_only_the_Development_admin_no_documented_GET_answers_5xx_for_any_role()
    {
        await using var harness = await TwilioHarness.StartAsync(services: s => s.AddFakeLogging());
        var admin = await SignInAsDevelopmentAdminAsync(harness.App);
        Assert.Equal(2, await harness.CountAsync("SELECT COUNT(*) FROM Users"));
        var failures = await SweepAsync("anonymous", harness.App.CreateClient(), ATableThatExists);
        failures.AddRange(await SweepAsync("admin", admin.Http, ATableThatExists));

        foreach (var role in new[] { UserRole.Caseworker, UserRole.Supervisor, UserRole.Ngo })
        {
            failures.AddRange(await SweepAsync(role.ToString(), (await AddAndSignInAsync(harness.App, role)).Http, ATableThatExists));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task After_an_intake_a_claimed_case_a_referral_and_a_closed_case_no_documented_GET_answers_5xx_for_any_role()
    {
        await using var harness = await TwilioHarness.StartAsync(services: s => s.AddFakeLogging());
        var app = harness.App;
        var admin = await SignInAsDevelopmentAdminAsync(app);
        var caseworker = await AddAndSignInAsync(app, UserRole.Caseworker);
        var supervisor = await AddAndSignInAsync(app, UserRole.Supervisor);
        var ngo = await AddAndSignInAsync(app, UserRole.Ngo);

        await harness.TextAsync(Worker, ["hi", "1", "1", "2", "1", "2", "2", "2", "2", "2", "2", "2", "2", "2", "Near the big mall"]);
        await harness.DispatchAllAsync();
        var queue = app.Services.GetRequiredService<CaseQueue>();
        var claimed = (await queue.ClaimNextAsync(caseworker.User.Id, TimeSpan.FromMinutes(30), Ct))!.Case;
        var partner = await CreatePartnerAsync(admin);
        (await admin.Http.PutAsJsonAsync($"/api/admin/users/{ngo.User.Id}/organisation", new { organisationId = partner.Id }, Ct)).EnsureSuccessStatusCode();
        var referral = await SendReferralAsync(caseworker, claimed.Id, partner.Id);
        var closed = await CaseSeeding.QueueCaseAsync(app, "en");
        var lease = (await queue.ClaimNextAsync(supervisor.User.Id, TimeSpan.FromMinutes(30), Ct))!;
        Assert.Equal(closed.Id, lease.Case.Id);
        Assert.True((await app.Services.GetRequiredService<CaseActions>().CloseAsync(supervisor.User, closed.Id, lease.LeaseToken, "resolved", null, Ct)).Value);
        Assert.Equal(2, await harness.CountAsync("SELECT COUNT(*) FROM Cases"));

        var known = new Dictionary<string, string>
        {
            ["caseId"] = claimed.Id.ToString(),
            ["referralId"] = referral.Id.ToString(),
            ["partnerId"] = partner.Id.ToString(),
            ["userId"] = ngo.User.Id.ToString(),
            ["tableId"] = ATableThatExists["tableId"],
        };
        var failures = new List<string>();
        foreach (var (role, client) in new[] { ("admin", admin), ("caseworker", caseworker), ("supervisor", supervisor), ("ngo", ngo) })
        {
            failures.AddRange(await SweepAsync(role, client.Http));
            failures.AddRange(await SweepAsync(role, client.Http, known));
        }

        Assert.Empty(failures);
    }

    /// <summary>
    /// As `dotnet run` starts in Development (its appsettings turn the accounts on): the first start prints a one-time
    /// password for an account of every role, and a newcomer signs in with each, chooses their own, and is that role. Found
    /// by a newcomer: only an admin and a supervisor, so a caseworker's or a partner's view meant making accounts by hand.
    /// </summary>
    [Fact]
    public async Task In_Development_a_fresh_database_lets_a_newcomer_sign_in_as_every_role_with_the_printed_passwords()
    {
        var appSettings = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot(), "Hotline.Api", "appsettings.Development.json")).Build();
        Assert.True(appSettings.GetValue<bool>(HotlineApp.EveryRoleKey));
        await using var harness = await TwilioHarness.StartAsync(
            new Dictionary<string, string?> { [HotlineApp.EveryRoleKey] = "true" }, services: s => s.AddFakeLogging());
        var printed = harness.App.Services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).Where(m => m.StartsWith("Created ", StringComparison.Ordinal)).ToList();

        var roles = new List<string>();
        foreach (var name in new[] { "admin", "supervisor", "caseworker", "partner" })
        {
            var password = PrintedPassword().Match(printed.Single(m => m.Contains($"Sign in as '{name}'", StringComparison.Ordinal))).Groups[1].Value;
            await using var session = await harness.App.Services.GetRequiredService<Database>().OpenAsync(Ct);
            var user = await harness.App.Services.GetRequiredService<UserRepository>().FindByUserNameAsync(session, name, Ct);
            var client = await SignedInClient.SignInChoosingPasswordAsync(harness.App, user!, password, "lanterns over the harbour");
            roles.Add((await client.Http.GetFromJsonAsync<SessionEndpoints.SessionView>("/api/session", Ct))!.Role);
        }

        Assert.Equal(["Admin", "Supervisor", "Caseworker", "Ngo"], roles);
        Assert.Equal(4, await harness.CountAsync("SELECT COUNT(*) FROM Users"));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Hotline.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No Hotline.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Signs in as the newcomer does: with the one-time password the first start printed for 'admin', replaced by their own.</summary>
    private static async Task<SignedInClient> SignInAsDevelopmentAdminAsync(HotlineApp app)
    {
        var printed = app.Services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).Single(m => m.StartsWith("Created the first admin", StringComparison.Ordinal));
        var password = PrintedPassword().Match(printed).Groups[1].Value;
        await using var session = await app.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var admin = await app.Services.GetRequiredService<UserRepository>().FindByUserNameAsync(session, "admin", Ct);
        return await SignedInClient.SignInChoosingPasswordAsync(app, admin!, password, "lanterns over the harbour");
    }

    /// <summary>One account of the role, made through the same accounts service as the operator's <c>users add</c>.</summary>
    private static async Task<SignedInClient> AddAndSignInAsync(HotlineApp app, UserRole role) =>
        await SignedInClient.SignInAsync(app, role == UserRole.Ngo
            ? await SignedInClient.AddUserAsync(app, "ngo-staff", role)
            : await SignedInClient.AddUserAsync(app, $"new-{role.ToString().ToLowerInvariant()}", role, "en"));

    private static async Task<Partner> CreatePartnerAsync(SignedInClient admin)
    {
        var response = await admin.Http.PostAsJsonAsync("/api/admin/partners", new PartnerInput(
            "Safe House", [PartnerServices.Shelter], ["en"], ["Doha"], "Intake desk", "intake@example.org", "+97444000000", null, null), Ct);
        return await ReferralHarness.Read<Partner>(response);
    }

    private static async Task<ReferralView> SendReferralAsync(SignedInClient caseworker, Guid caseId, Guid partnerId)
    {
        var referral = await ReferralHarness.Read<ReferralView>(
            await caseworker.Http.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new ProposeReferral(partnerId, PartnerServices.Shelter), Ct));
        await ReferralHarness.Read<ReferralView>(await caseworker.Http.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{referral.Id}/consent",
            ReferralHarness.Consent("summary"), Ct));
        return await ReferralHarness.Read<ReferralView>(await caseworker.Http.PostAsync($"/api/cases/{caseId}/referrals/{referral.Id}/send", null, Ct));
    }

    /// <summary>GETs every documented path; each answer of 500 or more is one line naming the role, the path and the start of the body.</summary>
    private static async Task<List<string>> SweepAsync(string role, HttpClient http, IReadOnlyDictionary<string, string>? known = null)
    {
        var failures = new List<string>();
        var paths = await OpenApiGets.ReadAsync(http, known);
        Assert.Contains("/api/supervisor/overview", paths);
        foreach (var path in paths)
        {
            var response = await http.GetAsync(path, Ct);
            if ((int)response.StatusCode >= 500)
            {
                var body = await response.Content.ReadAsStringAsync(Ct);
                failures.Add($"{role} GET {path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }
        }

        return failures;
    }

    [GeneratedRegex(@"one-time password (\S+) \(shown once\)")]
    private static partial Regex PrintedPassword();
}
