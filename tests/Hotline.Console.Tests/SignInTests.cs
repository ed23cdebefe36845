namespace Hotline.Console.Tests;

public sealed class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_caseworker_signs_in_through_the_form_and_reaches_the_live_queue()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en", "ar");
        await using var console = await ConsolePage.OpenAsync(browser.Browser, host);

        await console.Page.GotoAsync("/console/signin.html");
        await Expect(console.Page.Locator("#signin[data-ready='true']")).ToBeAttachedAsync();
        await Screenshots.TakeAsync(console.Page, "sign-in");
        await console.Page.GetByLabel("User name").FillAsync("amira");
        await console.Page.GetByLabel("Password").FillAsync(ConsoleHost.Password);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(console.Page).ToHaveURLAsync($"{host.BaseUrl}/console/");
        await console.WaitUntilLiveAsync();
        await Expect(console.Page.Locator("#who")).ToContainTextAsync("amira");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_on_the_sign_in_page()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await using var console = await ConsolePage.OpenAsync(browser.Browser, host);

        await console.SubmitSignInAsync("amira", "not the password at all");

        await Expect(console.Page).ToHaveURLAsync($"{host.BaseUrl}/console/signin.html?error=wrong");
        await Expect(console.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The name or password is not right");
    }

    [Fact]
    public async Task Opening_the_console_without_a_session_leads_to_the_sign_in_page()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.OpenAsync(browser.Browser, host);

        await console.Page.GotoAsync("/console/");

        await Expect(console.Page).ToHaveURLAsync($"{host.BaseUrl}/console/signin.html");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(console.Page).ToHaveURLAsync($"{host.BaseUrl}/console/signin.html");
        Assert.Equal(401, (await console.Context.APIRequest.GetAsync("/api/session")).Status);
    }

    [Fact]
    public async Task Signing_out_in_one_tab_brings_every_other_tab_to_the_sign_in_page_within_seconds()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");
        var cookies = await console.Context.CookiesAsync();
        var otherTab = await console.Context.NewPageAsync();
        await otherTab.GotoAsync("/console/");
        await Expect(otherTab.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(otherTab).ToHaveURLAsync($"{host.BaseUrl}/console/signin.html", new() { Timeout = 5_000 });
        var copy = cookies.Single(c => c.Name == "hotline.session");
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        http.DefaultRequestHeaders.Add("Cookie", $"{copy.Name}={copy.Value}");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized,
            (await http.GetAsync("/api/queue", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_says_the_person_has_signed_out_after_signing_out_and_only_then()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(console.Page).ToHaveURLAsync($"{host.BaseUrl}/console/signin.html");
        await Expect(console.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have signed out.");
        await console.Page.ReloadAsync();
        await Expect(console.Page.Locator("#signin[data-ready='true']")).ToBeAttachedAsync();
        await Expect(console.Page.Locator("#signed-out")).ToHaveTextAsync("");
    }
}
