namespace Hotline.Api.Tests.Auth;

/// <summary>
/// The 401 to a session that an account change ended names the change with a fixed code, for the console's sign-in page
/// to say why; a 401 to anyone else names nothing.
/// </summary>
public sealed class SessionEndedReasonTests
{
    [Theory]
    [InlineData("disable", "disabled")]
    [InlineData("password-reset", "changed")]
    [InlineData("access", "changed")]
    public async Task The_401_after_an_admin_changes_the_account_names_the_change(string change, string code)
    {
        await using var app = new HotlineApp();
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ines", UserRole.Admin, "en"));
        var ravi = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));

        var changed = change switch
        {
            "disable" => await admin.Http.PostAsync("/api/admin/accounts/ravi/disable", null, Ct),
            "password-reset" => await admin.Http.PostAsJsonAsync("/api/admin/accounts/ravi/password-reset", new { requestId = Guid.NewGuid() }, Ct),
            _ => await admin.Http.PutAsJsonAsync("/api/admin/accounts/ravi/access", new { role = "caseworker", languages = new[] { "ne", "en" } }, Ct),
        };
        Assert.True(changed.IsSuccessStatusCode, changed.StatusCode.ToString());

        var refused = await ravi.Http.GetAsync("/api/session", Ct);
        var negotiation = await ravi.Http.PostAsync("/hubs/cases/negotiate?negotiateVersion=1", null, Ct);

        Assert.Equal((HttpStatusCode.Unauthorized, code), (refused.StatusCode, EndedHeader(refused)));
        Assert.Equal((HttpStatusCode.Unauthorized, code), (negotiation.StatusCode, EndedHeader(negotiation)));
    }

    [Fact]
    public async Task A_401_to_a_browser_without_a_session_or_to_a_signed_out_cookie_names_nothing()
    {
        await using var app = new HotlineApp();
        var ravi = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));
        var copy = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", ravi.Cookie);
        using var signedOut = await ravi.Http.PostAsync("/console/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ravi.AntiforgeryToken,
        }), Ct);

        var stranger = await SignedInClient.NewBrowser(app).GetAsync("/api/session", Ct);
        var oldCookie = await copy.GetAsync("/api/session", Ct);

        Assert.Equal((HttpStatusCode.Unauthorized, null), (stranger.StatusCode, EndedHeader(stranger)));
        Assert.Equal((HttpStatusCode.Unauthorized, null), (oldCookie.StatusCode, EndedHeader(oldCookie)));
    }

    private static string? EndedHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Hotline-Session-Ended", out var values) ? string.Join(",", values) : null;
}
