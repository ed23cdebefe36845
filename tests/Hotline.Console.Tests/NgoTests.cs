using System.Net;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hotline.Console.Tests;

public sealed class NgoTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] CaseApis = ["/api/queue", "/api/case-events", "/api/cases", "/api/colleagues", "/api/supervisor", "/hubs/"];

    [Fact]
    public async Task An_ngo_user_lands_on_the_partner_page_which_calls_no_case_api()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        var requested = new List<string>();
        partner.Page.Request += (_, request) => requested.Add(new Uri(request.Url).AbsolutePath);

        await partner.SubmitSignInAsync("shelter");

        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/partner.html");
        await Expect(partner.Page.Locator("main")).ToContainTextAsync("The referrals the hotline has sent to your organisation, newest first.");
        await Expect(partner.Page.Locator("#signout button")).ToBeEnabledAsync();
        Assert.DoesNotContain(requested, path => CaseApis.Any(api => path.StartsWith(api, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_ngo_account_is_sent_on_to_its_referrals_without_an_uncaught_error()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await partner.Page.GotoAsync("/console/");

        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/partner.html");
        await Expect(partner.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        Assert.Empty(partner.ScriptErrors);
    }

    [Fact]
    public async Task A_caseworker_sent_away_from_the_partner_page_meets_no_uncaught_error()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await console.Page.GotoAsync("/console/partner.html");

        await Expect(console.Page).ToHaveURLAsync($"{host.BaseUrl}/console/");
        await console.WaitUntilLiveAsync();
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task An_ngo_account_has_one_name_on_its_referrals_and_on_the_statistics()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");
        await Expect(partner.Page.Locator("#who")).ToHaveTextAsync("shelter · NGO partner");

        await partner.Page.GotoAsync("/console/statistics.html");

        await Expect(partner.Page.Locator("#who")).ToHaveTextAsync("shelter · NGO partner");
    }

    [Fact]
    public async Task An_ngo_account_finds_change_password_beside_its_name_as_every_account_does()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");
        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/partner.html");

        await partner.Page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();

        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/password.html");
        await partner.Page.GotoAsync("/console/statistics.html");
        await Expect(partner.Page.GetByRole(AriaRole.Link, new() { Name = "Change password" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_ngo_user_gets_403_from_the_queue()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");
        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/partner.html");

        var response = await partner.Context.APIRequest.GetAsync("/api/queue");

        Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
    }

    [Fact]
    public async Task The_hub_refuses_an_ngo_users_connection()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("shelter", UserRole.Ngo);
        await using var partner = await ConsolePage.OpenAsync(browser.Browser, host);
        await partner.SubmitSignInAsync("shelter");
        await Expect(partner.Page).ToHaveURLAsync($"{host.BaseUrl}/console/partner.html");
        var session = (await partner.Context.CookiesAsync()).Single(c => c.Name == "hotline.session");
        await using var hub = new HubConnectionBuilder()
            .WithUrl($"{host.BaseUrl}/hubs/cases", options => options.Headers["Cookie"] = $"{session.Name}={session.Value}")
            .Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
