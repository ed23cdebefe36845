using Hotline.Api.Tests.Accountability;
using static Hotline.Api.Users.AccountEndpoints;

namespace Hotline.Api.Tests.Users;

/// <summary>The admin's accounts page, over real HTTP: each change, its refusals, its idempotence and its audit row.</summary>
public sealed class AccountEndpointTests
{
    private const string Accounts = "/api/admin/accounts";

    [Theory, DatabaseData]
    public async Task The_list_shows_role_languages_enabled_two_factor_and_last_sign_in_of_every_account(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var admin = await AdminAsync(app);
        await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne", "hi");

        var accounts = (await admin.Http.GetFromJsonAsync<List<AccountView>>(Accounts, Ct))!;

        var ravi = accounts.Single(a => a.UserName == "ravi");
        Assert.Equal(("Caseworker", "hi,ne", true, false, (DateTimeOffset?)null, false),
            (ravi.Role, string.Join(",", ravi.Languages), ravi.Enabled, ravi.TwoFactorEnrolled, ravi.LastSignInAt, ravi.MustChangePassword));
        Assert.NotNull(accounts.Single(a => a.UserName == "ines").LastSignInAt);
        Assert.Equal(["admin", "ines", "ravi", "supervisor"], accounts.Select(a => a.UserName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Adding_an_account_answers_a_one_time_password_and_the_same_request_again_answers_the_same()
    {
        await using var app = new HotlineApp();
        var admin = await AdminAsync(app);
        var request = new NewAccount(Guid.NewGuid(), "ravi", "caseworker", ["ne", "EN"]);

        var first = await ReadAsync<IssuedPasswordView>(await admin.Http.PostAsJsonAsync(Accounts, request, Ct));
        var again = await ReadAsync<IssuedPasswordView>(await admin.Http.PostAsJsonAsync(Accounts, request, Ct));

        Assert.Matches("^[0-9a-f]{20}$", first.OneTimePassword);
        Assert.Equal((first.OneTimePassword, first.Account.Id), (again.OneTimePassword, again.Account.Id));
        Assert.Equal(("Caseworker", "ne,en", true), (first.Account.Role, string.Join(",", first.Account.Languages), first.Account.MustChangePassword));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM Users WHERE UserName = 'ravi'"));
        Assert.Equal([$"{admin.User.Id} user.added {first.Account.Id} succeeded"], await AuditRows.ReadAsync(app, "user.added"));
    }

    [Theory]
    [InlineData("ravi", "pilot", "ne", 400, "The role must be caseworker, supervisor, ngo, admin or reviewer.")]
    [InlineData("ravi", "caseworker", "xx", 400, "'xx' is not a language of the intake; choose from en, ar, hi, ur, bn, ne, ml, ta, te, si, fil, id, am, sw.")]
    [InlineData("ravi", "caseworker", "", 400, "A caseworker, supervisor, reviewer or admin needs at least one language.")]
    [InlineData("ravi here", "caseworker", "ne", 400, "The name must be 1 to 100 letters, digits, '.', '_', '-' or '@'.")]
    [InlineData("supervisor", "caseworker", "ne", 409, "A user named 'supervisor' already exists.")]
    public async Task A_refused_new_account_is_explained_and_nothing_is_written(string name, string role, string languages, int status, string detail)
    {
        await using var app = new HotlineApp();
        var admin = await AdminAsync(app);

        var response = await admin.Http.PostAsJsonAsync(Accounts,
            new NewAccount(Guid.NewGuid(), name, role, languages.Split(',', StringSplitOptions.RemoveEmptyEntries)), Ct);

        Assert.Equal((status, detail), ((int)response.StatusCode, await DetailAsync(response)));
        Assert.Equal(3, await app.CountAsync("SELECT COUNT(*) FROM Users"));
        Assert.Empty(await AuditRows.ReadAsync(app, "user.added"));
    }

    [Theory, DatabaseData]
    public async Task Disabling_ends_the_persons_session_and_disabling_again_changes_nothing(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var admin = await AdminAsync(app);
        var ravi = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));

        var disabled = await ReadAsync<AccountView>(await admin.Http.PostAsync($"{Accounts}/ravi/disable", null, Ct));
        var again = await ReadAsync<AccountView>(await admin.Http.PostAsync($"{Accounts}/ravi/disable", null, Ct));

        Assert.Equal((false, false), (disabled.Enabled, again.Enabled));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ravi.Http.GetAsync("/api/session", Ct)).StatusCode);
        Assert.Equal([$"{admin.User.Id} user.disabled {ravi.User.Id} succeeded"], await AuditRows.ReadAsync(app, "user.disabled"));
    }

    [Theory, DatabaseData]
    public async Task Disabling_returns_the_cases_the_person_holds_to_the_queue_at_once(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var admin = await AdminAsync(app);
        var ravi = await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne");
        var held = await app.QueueCaseAsync(app.NextPhone(), "ne", PriorityBand.High, "deception");
        await app.Get<CaseQueue>().ClaimNextAsync(ravi.Id, TimeSpan.FromMinutes(5), Ct);

        await admin.Http.PostAsync($"{Accounts}/ravi/disable", null, Ct);

        Assert.Equal("Queued|", await app.ScalarAsync($"SELECT Status || '|' || COALESCE(AssigneeId, '') FROM Cases WHERE Id = '{held.Id}'"));
        Assert.Equal(1, await app.CountAsync($"SELECT COUNT(*) FROM CaseEvents WHERE CaseId = '{held.Id}' AND Type = 'CaseReleased'"));
    }

    [Theory, DatabaseData]
    public async Task Resetting_the_password_returns_the_cases_the_person_holds_to_the_queue_at_once(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var admin = await AdminAsync(app);
        var ravi = await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne");
        var held = await app.QueueCaseAsync(app.NextPhone(), "ne", PriorityBand.High, "deception");
        await app.Get<CaseQueue>().ClaimNextAsync(ravi.Id, TimeSpan.FromMinutes(5), Ct);

        var reset = await admin.Http.PostAsJsonAsync($"{Accounts}/ravi/password-reset", new PasswordReset(Guid.NewGuid()), Ct);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("Queued|", await app.ScalarAsync($"SELECT Status || '|' || COALESCE(AssigneeId, '') FROM Cases WHERE Id = '{held.Id}'"));
        Assert.Equal(1, await app.CountAsync($"SELECT COUNT(*) FROM CaseEvents WHERE CaseId = '{held.Id}' AND Type = 'CaseReleased'"));
    }

    [Fact]
    public async Task A_caseworker_made_a_reviewer_gives_back_the_cases_they_held_and_one_made_a_supervisor_keeps_them()
    {
        await using var app = new HotlineApp();
        var admin = await AdminAsync(app);
        var ravi = await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne");
        var maya = await SignedInClient.AddUserAsync(app, "maya", UserRole.Caseworker, "ne");
        await app.QueueCaseAsync(app.NextPhone(), "ne", PriorityBand.High, "deception");
        await app.QueueCaseAsync(app.NextPhone(), "ne", PriorityBand.High, "deception");
        await app.Get<CaseQueue>().ClaimNextAsync(ravi.Id, TimeSpan.FromMinutes(5), Ct);
        await app.Get<CaseQueue>().ClaimNextAsync(maya.Id, TimeSpan.FromMinutes(5), Ct);

        await admin.Http.PutAsJsonAsync($"{Accounts}/ravi/access", new AccessChange("reviewer", ["ne"]), Ct);
        await admin.Http.PutAsJsonAsync($"{Accounts}/maya/access", new AccessChange("supervisor", ["ne"]), Ct);

        Assert.Equal(0, await app.CountAsync($"SELECT COUNT(*) FROM Cases WHERE AssigneeId = '{ravi.Id}'"));
        Assert.Equal(1, await app.CountAsync($"SELECT COUNT(*) FROM Cases WHERE AssigneeId = '{maya.Id}' AND Status = 'Claimed'"));
    }

    [Fact]
    public async Task Enabling_lets_a_disabled_person_sign_in_again()
    {
        await using var app = new HotlineApp();
        var admin = await AdminAsync(app);
        var ravi = await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne");
        await admin.Http.PostAsync($"{Accounts}/ravi/disable", null, Ct);

        var enabled = await ReadAsync<AccountView>(await admin.Http.PostAsync($"{Accounts}/ravi/enable", null, Ct));

        Assert.True(enabled.Enabled);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInClient.SignInAsync(app, ravi)).Http.GetAsync("/api/session", Ct)).StatusCode);
        Assert.Equal([$"{admin.User.Id} user.enabled {ravi.Id} succeeded"], await AuditRows.ReadAsync(app, "user.enabled"));
    }

    [Theory, DatabaseData]
    public async Task Setting_role_and_languages_changes_them_and_ends_the_persons_session(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var admin = await AdminAsync(app);
        var ravi = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));

        var changed = await ReadAsync<AccountView>(await admin.Http.PutAsJsonAsync($"{Accounts}/ravi/access", new AccessChange("supervisor", ["hi", "ur"]), Ct));

        Assert.Equal(("Supervisor", "hi,ur"), (changed.Role, string.Join(",", changed.Languages)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ravi.Http.GetAsync("/api/session", Ct)).StatusCode);
        Assert.Equal([$"{admin.User.Id} user.access-changed {ravi.User.Id} succeeded"], await AuditRows.ReadAsync(app, "user.access-changed"));
    }

    [Fact]
    public async Task A_language_outside_the_intake_is_refused_and_the_account_keeps_its_access()
    {
        await using var app = new HotlineApp();
        var admin = await AdminAsync(app);
        var ravi = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));

        var response = await admin.Http.PutAsJsonAsync($"{Accounts}/ravi/access", new AccessChange("supervisor", ["ne", "klingon"]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Caseworker ne", await app.ScalarAsync("SELECT u.Role || ' ' || l.Language FROM Users u JOIN UserLanguages l ON l.UserId = u.Id WHERE u.UserName = 'ravi'"));
        Assert.Equal(HttpStatusCode.OK, (await ravi.Http.GetAsync("/api/session", Ct)).StatusCode);
        Assert.Empty(await AuditRows.ReadAsync(app, "user.access-changed"));
    }

    [Fact]
    public async Task The_last_enabled_admin_can_be_neither_disabled_nor_demoted()
    {
        await using var app = new HotlineApp();
        var admin = await AdminAsync(app);
        await admin.Http.PostAsync($"{Accounts}/admin/disable", null, Ct);

        var disable = await admin.Http.PostAsync($"{Accounts}/ines/disable", null, Ct);
        var demote = await admin.Http.PutAsJsonAsync($"{Accounts}/ines/access", new AccessChange("supervisor", null), Ct);

        Assert.Equal((409, "'ines' is the last enabled admin; add or enable another admin first."), ((int)disable.StatusCode, await DetailAsync(disable)));
        Assert.Equal((409, "'ines' is the last enabled admin; make another admin first."), ((int)demote.StatusCode, await DetailAsync(demote)));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(Accounts, Ct)).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Resetting_a_password_answers_a_one_time_password_once_per_request_and_ends_the_sessions(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var admin = await AdminAsync(app);
        var ravi = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        var request = new PasswordReset(Guid.NewGuid());

        var first = await ReadAsync<IssuedPasswordView>(await admin.Http.PostAsJsonAsync($"{Accounts}/ravi/password-reset", request, Ct));
        var again = await ReadAsync<IssuedPasswordView>(await admin.Http.PostAsJsonAsync($"{Accounts}/ravi/password-reset", request, Ct));
        var another = await ReadAsync<IssuedPasswordView>(await admin.Http.PostAsJsonAsync($"{Accounts}/ravi/password-reset", new PasswordReset(Guid.NewGuid()), Ct));

        Assert.Equal(first.OneTimePassword, again.OneTimePassword);
        Assert.NotEqual(first.OneTimePassword, another.OneTimePassword);
        Assert.True(first.Account.MustChangePassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ravi.Http.GetAsync("/api/session", Ct)).StatusCode);
        Assert.Equal(2, (await AuditRows.ReadAsync(app, "user.password-reset")).Count);
    }

    [Theory]
    [InlineData("POST", "/api/admin/accounts/nobody/disable", 404, "No user named 'nobody'.")]
    [InlineData("POST", "/api/admin/accounts/nobody/enable", 404, "No user named 'nobody'.")]
    public async Task A_change_to_an_unknown_account_is_404(string method, string path, int status, string detail)
    {
        await using var app = new HotlineApp();
        var admin = await AdminAsync(app);

        var response = await admin.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal((status, detail), ((int)response.StatusCode, await DetailAsync(response)));
    }

    [Fact]
    public async Task A_supervisor_may_not_use_the_accounts_page()
    {
        await using var app = new HotlineApp();
        var supervisor = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "maria", UserRole.Supervisor, "en"));

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Http.GetAsync(Accounts, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Http.PostAsync($"{Accounts}/admin/disable", null, Ct)).StatusCode);
    }

    private static async Task<SignedInClient> AdminAsync(HotlineApp app) =>
        await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ines", UserRole.Admin, "en"));

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<T>(Ct))!;
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct))?.Detail;
}
