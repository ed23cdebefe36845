namespace Hotline.Console.Tests;

/// <summary>Every page's header leads to the same views for one role: an admin reaches each of theirs from each of them.</summary>
public sealed class NavigationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Dictionary<string, string> AdminViews = new()
    {
        ["partners"] = "Partner directory",
        ["accounts"] = "Accounts",
        ["statistics"] = "Statistics",
        ["audit"] = "Audit trail",
        ["sims"] = "SIM cards",
        ["erase"] = "Erase a person",
        ["translations"] = "Translations",
    };

    [Fact]
    public async Task Each_admin_view_links_to_every_other()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        var seen = new Dictionary<string, string>();

        foreach (var page in AdminViews.Keys)
        {
            await console.Page.GotoAsync($"/console/{page}.html");
            await Expect(console.Page.Locator("#who")).Not.ToBeEmptyAsync();
            seen[page] = await VisibleLinksAsync(console);
        }

        Assert.Equal(AdminViews.Keys.ToDictionary(page => page, page => string.Join(", ", AdminViews.Where(v => v.Key != page).Select(v => v.Value))), seen);
    }

    /// <summary>A page not for the role keeps the top bar of the person's own pages: all their views, and their password to change.</summary>
    [Theory]
    [InlineData(UserRole.Admin, "supervisor", "Partner directory, Accounts, Statistics, Audit trail, SIM cards, Erase a person, Translations")]
    [InlineData(UserRole.Supervisor, "audit", "Queue and cases, Supervisor view, Statistics")]
    [InlineData(UserRole.Supervisor, "translations", "Queue and cases, Supervisor view, Statistics")]
    [InlineData(UserRole.Caseworker, "accounts", "Queue and cases, Statistics")]
    [InlineData(UserRole.Ngo, "audit", "Referrals, Statistics")]
    [InlineData(UserRole.Reviewer, "partners", "Translations")]
    public async Task A_page_not_for_the_role_offers_the_persons_own_views_and_the_password_change(UserRole role, string page, string views)
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "sami", role, "en");

        await console.Page.GotoAsync($"/console/{page}.html");
        await Expect(console.Page.Locator("#not-for-role")).ToBeVisibleAsync();

        Assert.Equal(views, await VisibleLinksAsync(console));
        await Expect(console.Page.GetByRole(AriaRole.Link, new() { Name = "Change password" })).ToBeVisibleAsync();
        Assert.Empty(console.ScriptErrors);
    }

    private static async Task<string> VisibleLinksAsync(ConsolePage console) =>
        string.Join(", ", await console.Page.Locator("nav.top-nav a:visible").AllInnerTextsAsync());
}
