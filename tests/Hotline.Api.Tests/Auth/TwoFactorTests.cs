using OtpNet;

namespace Hotline.Api.Tests.Auth;

public sealed class TwoFactorTests
{
    private static readonly Dictionary<string, string?> Required = new() { ["Hotline:Auth:RequireTwoFactor"] = "true" };

    [Fact]
    public async Task When_two_factor_is_required_the_right_password_leads_to_enrolment_and_to_no_session()
    {
        await using var app = new HotlineApp(Required);
        var user = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        var browser = SignedInClient.NewBrowser(app);

        var response = await SignedInClient.PostSignInAsync(browser, user.UserName, SignedInClient.Password);

        Assert.Equal("/console/enrol.html", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/session", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/queue", Ct)).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task The_first_code_from_the_app_turns_two_factor_on_starts_the_session_and_answers_ten_recovery_codes(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine, Required);
        var user = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        var browser = SignedInClient.NewBrowser(app);

        var (_, recoveryCodes) = await EnrolAsync(browser, user);

        Assert.Equal(10, recoveryCodes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/session", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted_and_the_recovery_codes_only_as_hashes()
    {
        await using var app = new HotlineApp(Required);
        var user = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        var (secret, recoveryCodes) = await EnrolAsync(SignedInClient.NewBrowser(app), user);

        var stored = await app.ScalarAsync("SELECT TotpSecret FROM Users WHERE UserName = 'amina'");
        var hashes = await app.CountAsync($"SELECT COUNT(*) FROM RecoveryCodes WHERE CodeHash IN ('{string.Join("','", recoveryCodes)}')");

        Assert.StartsWith("hl2:", stored);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.Equal(0, hashes);
        Assert.Equal(10, await app.CountAsync("SELECT COUNT(*) FROM RecoveryCodes"));
    }

    [Theory, DatabaseData]
    public async Task An_enrolled_person_signs_in_with_a_code_from_the_app_and_the_same_code_is_refused_a_second_time(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine, Required);
        var user = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        var (secret, _) = await EnrolAsync(SignedInClient.NewBrowser(app), user);
        var nextCode = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

        var first = await SignInWithCodeAsync(app, user, nextCode);
        var again = await SignInWithCodeAsync(app, user, nextCode);

        Assert.Equal("/console/", first.Headers.Location?.ToString());
        Assert.Equal("/console/two-factor.html?error=wrong", again.Headers.Location?.ToString());
    }

    [Theory, DatabaseData]
    public async Task A_recovery_code_signs_in_once_and_is_refused_the_second_time(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine, Required);
        var user = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        var (_, recoveryCodes) = await EnrolAsync(SignedInClient.NewBrowser(app), user);

        var first = await SignInWithCodeAsync(app, user, recoveryCodes[3]);
        var again = await SignInWithCodeAsync(app, user, recoveryCodes[3]);

        Assert.Equal("/console/", first.Headers.Location?.ToString());
        Assert.Equal("/console/two-factor.html?error=wrong", again.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Two_factor_is_required_by_default_outside_Development_and_not_in_Development()
    {
        await using var development = new HotlineApp();
        await using var production = HotlineApp.InProduction();

        Assert.False(development.Services.GetRequiredService<IOptions<AuthOptions>>().Value.RequireTwoFactor);
        Assert.True(production.Services.GetRequiredService<IOptions<AuthOptions>>().Value.RequireTwoFactor);
    }

    /// <summary>Signs in with the password, reads the key the enrolment page shows, and confirms it with the app's current code.</summary>
    private static async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(HttpClient browser, User user)
    {
        var signIn = await SignedInClient.PostSignInAsync(browser, user.UserName, SignedInClient.Password);
        Assert.Equal("/console/enrol.html", signIn.Headers.Location?.ToString());
        var pending = (await browser.GetFromJsonAsync<TwoFactorEndpoints.PendingView>("/api/two-factor", Ct))!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/two-factor/enrolment")
        {
            Content = JsonContent.Create(new { code = new Totp(Base32Encoding.ToBytes(pending.Secret!)).ComputeTotp(DateTime.UtcNow) }),
        };
        request.Headers.Add("X-CSRF-TOKEN", pending.AntiforgeryToken);
        var response = await browser.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (pending.Secret!, (await response.Content.ReadFromJsonAsync<TwoFactorEndpoints.EnrolledView>(Ct))!.RecoveryCodes);
    }

    /// <summary>A fresh browser: the password, then the code on the two-factor form.</summary>
    private static async Task<HttpResponseMessage> SignInWithCodeAsync(HotlineApp app, User user, string code)
    {
        var browser = SignedInClient.NewBrowser(app);
        var signIn = await SignedInClient.PostSignInAsync(browser, user.UserName, SignedInClient.Password);
        Assert.Equal("/console/two-factor.html", signIn.Headers.Location?.ToString());
        var pending = (await browser.GetFromJsonAsync<TwoFactorEndpoints.PendingView>("/api/two-factor", Ct))!;
        return await browser.PostAsync("/console/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code,
            ["__RequestVerificationToken"] = pending.AntiforgeryToken,
        }), Ct);
    }
}
