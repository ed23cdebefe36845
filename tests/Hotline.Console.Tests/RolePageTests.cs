namespace Hotline.Console.Tests;

/// <summary>
/// A signed-in person who opens a page that is not for their role stays on it and is told so plainly, with a link to
/// their own start page: no silent redirect, and no "Connecting…" that never ends. The front door, <c>/console/</c>,
/// takes every role on to its own start page instead (NgoTests).
/// </summary>
public sealed class RolePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(UserRole.Caseworker, "/console/supervisor.html", "Only supervisors see this view. Your role: Caseworker.", "Go to the queue and cases", "/console/")]
    [InlineData(UserRole.Admin, "/console/supervisor.html", "Only supervisors see this view. Your role: Administrator.", "Go to the partner directory", "/console/partners.html")]
    [InlineData(UserRole.Ngo, "/console/accounts.html", "Only administrators keep the accounts. Your role: NGO partner.", "Go to your organisation's referrals", "/console/partner.html")]
    [InlineData(UserRole.Reviewer, "/console/partners.html", "Only administrators keep the partner directory. Your role: Translation reviewer.", "Go to the translations", "/console/translations.html")]
    [InlineData(UserRole.Reviewer, "/console/statistics.html", "Statistics are for caseworkers, supervisors, administrators and partner organisations. Your role: Translation reviewer.", "Go to the translations", "/console/translations.html")]
    [InlineData(UserRole.Supervisor, "/console/translations.html", "Only translation reviewers and administrators correct translations. Your role: Supervisor.", "Go to the queue and cases", "/console/")]
    public async Task A_page_not_for_the_role_says_so_and_links_to_the_persons_own_page(UserRole role, string path, string told, string link, string home)
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "someone", role, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync(path);

        await Expect(console.Page.Locator("#not-for-role")).ToHaveTextAsync(told);
        await Expect(console.Page.Locator("#not-for-role")).ToBeInViewportAsync();
        await Expect(console.Page).ToHaveURLAsync(host.BaseUrl + path);
        await Expect(console.Page.GetByText("Connecting…")).ToHaveCountAsync(0);
        await console.Page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
        await Expect(console.Page).ToHaveURLAsync(host.BaseUrl + home);
        await Expect(console.Page.Locator("#not-for-role")).ToHaveCountAsync(0);
        Assert.Empty(console.ScriptErrors);
    }
}
