namespace Hotline.Benchmarks;

/// <summary>The console's sign-in form as a browser posts it, for the benchmarks that sign in under load.</summary>
internal static class SignInForm
{
    /// <summary>A browser of its own: cookies kept as over https behind the proxy, redirects not followed.</summary>
    public static HttpClient NewBrowser(Uri baseAddress) =>
        new(new ProxiedBrowserCookies(new SocketsHttpHandler { UseCookies = false, UseProxy = false, AllowAutoRedirect = false }))
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The antiforgery token (and its cookie), fetched as the sign-in page does.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser, CancellationToken cancellationToken)
    {
        using var antiforgery = JsonDocument.Parse(await browser.GetStringAsync("/api/antiforgery", cancellationToken));
        return antiforgery.RootElement.GetProperty("token").GetString()!;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient browser, string antiforgeryToken, string userName, string password, CancellationToken cancellationToken) =>
        browser.PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = antiforgeryToken,
        }), cancellationToken);

    /// <summary>Signs out as the console's button does, with the token of the signed-in session.</summary>
    public static async Task SignOutAsync(HttpClient browser, CancellationToken cancellationToken)
    {
        var token = await AntiforgeryTokenAsync(browser, cancellationToken);
        using var response = await browser.PostAsync("/console/signout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing out answered {(int)response.StatusCode}.");
        }
    }
}
