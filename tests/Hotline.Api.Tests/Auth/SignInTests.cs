namespace Hotline.Api.Tests.Auth;

public sealed class SignInTests
{
    [Theory, DatabaseData]
    public async Task The_right_password_sets_an_http_only_same_site_strict_session_cookie(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var user = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");

        var response = await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), user.UserName, SignedInClient.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/", response.Headers.Location?.ToString());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hotline.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_goes_back_to_the_form_without_a_session()
    {
        await using var app = new HotlineApp();
        var user = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");

        var response = await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), user.UserName, "wrong password!!");

        Assert.Equal("/console/signin.html?error=wrong", response.Headers.Location?.ToString());
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("hotline.session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_name_is_answered_like_a_wrong_password()
    {
        await using var app = new HotlineApp();

        var response = await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "nobody", "whatever password");

        Assert.Equal("/console/signin.html?error=wrong", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_sign_in_form_without_its_antiforgery_token_is_refused_as_the_callers_error_and_logs_no_error()
    {
        var logs = new CapturedLogs();
        await using var app = new HotlineApp(services: s => s.AddSingleton<ILoggerProvider>(logs));
        var user = await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");

        var response = await SignedInClient.NewBrowser(app).PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user.UserName,
            ["password"] = SignedInClient.Password,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // An operator's alert on errors must not fire because a stale tab or a scanner posted a form.
        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Error ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("AntiforgeryValidationException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ngo_partner_is_sent_to_the_partner_page()
    {
        await using var app = new HotlineApp();
        var user = await SignedInClient.AddUserAsync(app, "shelter", UserRole.Ngo);

        var response = await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), user.UserName, SignedInClient.Password);

        Assert.Equal("/console/partner.html", response.Headers.Location?.ToString());
    }
}
