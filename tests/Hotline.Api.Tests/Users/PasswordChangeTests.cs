using Hotline.Api.Tests.Accountability;
using static Hotline.Api.Users.PasswordEndpoints;

namespace Hotline.Api.Tests.Users;

/// <summary>A one-time password forces a new one before anything else; a signed-in person changes their own.</summary>
public sealed class PasswordChangeTests
{
    private const string NewPassword = "lanterns over the harbour";

    [Fact]
    public async Task Signing_in_with_a_one_time_password_leads_only_to_choosing_a_new_one()
    {
        await using var app = new HotlineApp();
        var oneTime = await ResetAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        var browser = SignedInClient.NewBrowser(app);

        var signIn = await SignedInClient.PostSignInAsync(browser, "ravi", oneTime);

        Assert.Equal(ChoosePage, signIn.Headers.Location?.ToString());
        Assert.DoesNotContain(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hotline.session=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/session", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/queue", Ct)).StatusCode);
        Assert.Equal("ravi", (await browser.GetFromJsonAsync<PendingChangeView>("/api/password-change", Ct))!.UserName);
    }

    [Theory, DatabaseData]
    public async Task Choosing_a_password_starts_the_session_and_retires_the_one_time_password(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var ravi = await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne");
        var oneTime = await ResetAsync(app, ravi);
        var browser = await PendingAsync(app, "ravi", oneTime);
        var stampBefore = await app.ScalarAsync("SELECT SecurityStamp FROM Users WHERE UserName = 'ravi'");

        var chosen = await browser.PostAsJsonAsync("/api/password-change", new ChosenPassword(NewPassword), Ct);

        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("/console/", (await chosen.Content.ReadFromJsonAsync<ChangedView>(Ct))!.Home);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/queue", Ct)).StatusCode);
        Assert.NotEqual(stampBefore, await app.ScalarAsync("SELECT SecurityStamp FROM Users WHERE UserName = 'ravi'"));
        Assert.Equal("/console/signin.html?error=wrong",
            (await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "ravi", oneTime)).Headers.Location?.ToString());
        Assert.Equal("/console/", (await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "ravi", NewPassword)).Headers.Location?.ToString());
        Assert.Equal([$"{ravi.Id} user.password-changed {ravi.Id} succeeded"], await AuditRows.ReadAsync(app, "user.password-changed"));
    }

    [Theory]
    [InlineData("short words", "The password must have at least 12 characters.")]
    [InlineData("ravi ravi ravi ravi", "The password must not contain the user name.")]
    [InlineData("PASSWORD1234", "That password is in a list of common or breached passwords; choose another.")]
    public async Task A_chosen_password_that_breaks_the_NIST_rules_is_refused_and_changes_nothing(string password, string detail)
    {
        await using var app = new HotlineApp();
        var oneTime = await ResetAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        var browser = await PendingAsync(app, "ravi", oneTime);
        var before = await app.ScalarAsync("SELECT PasswordHash || SecurityStamp FROM Users WHERE UserName = 'ravi'");

        var chosen = await browser.PostAsJsonAsync("/api/password-change", new ChosenPassword(password), Ct);

        Assert.Equal((HttpStatusCode.BadRequest, detail), (chosen.StatusCode, await DetailAsync(chosen)));
        Assert.Equal(before, await app.ScalarAsync("SELECT PasswordHash || SecurityStamp FROM Users WHERE UserName = 'ravi'"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/session", Ct)).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task A_person_changes_their_own_password_and_only_their_other_sessions_end(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var user = await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne");
        var office = await SignedInClient.SignInAsync(app, user);
        var laptop = await SignedInClient.SignInAsync(app, user);

        var changed = await office.Http.PostAsJsonAsync("/api/session/password", new PasswordChange(SignedInClient.Password, NewPassword), Ct);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Http.GetAsync("/api/queue", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.Http.GetAsync("/api/queue", Ct)).StatusCode);
        Assert.Equal("/console/", (await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "ravi", NewPassword)).Headers.Location?.ToString());
        Assert.Equal([$"{user.Id} user.password-changed {user.Id} succeeded"], await AuditRows.ReadAsync(app, "user.password-changed"));
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_and_changes_nothing()
    {
        await using var app = new HotlineApp();
        var user = await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne");
        var office = await SignedInClient.SignInAsync(app, user);
        var laptop = await SignedInClient.SignInAsync(app, user);

        var changed = await office.Http.PostAsJsonAsync("/api/session/password", new PasswordChange("not my password", NewPassword), Ct);

        Assert.Equal((HttpStatusCode.BadRequest, "The current password is not right."), (changed.StatusCode, await DetailAsync(changed)));
        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/api/queue", Ct)).StatusCode);
        Assert.Empty(await AuditRows.ReadAsync(app, "user.password-changed"));
    }

    private static async Task<string> ResetAsync(HotlineApp app, User user)
    {
        var reset = await app.Services.GetRequiredService<UserAccounts>().ResetPasswordAsync(user.UserName, Guid.NewGuid(), Hotline.Api.Accountability.AuditSource.Operator, Ct);
        return reset.Value!.OneTimePassword;
    }

    /// <summary>A browser that signed in with the one-time password: it holds only the pending cookie, and this step's antiforgery token.</summary>
    private static async Task<HttpClient> PendingAsync(HotlineApp app, string userName, string oneTime)
    {
        var browser = SignedInClient.NewBrowser(app);
        await SignedInClient.PostSignInAsync(browser, userName, oneTime);
        var pending = await browser.GetFromJsonAsync<PendingChangeView>("/api/password-change", Ct);
        browser.DefaultRequestHeaders.Add("X-CSRF-TOKEN", pending!.AntiforgeryToken);
        return browser;
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct))?.Detail;
}
