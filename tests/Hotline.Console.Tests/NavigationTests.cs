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

    [Fact]
    public async Task A_supervisor_on_the_audit_page_is_offered_only_their_own_views()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "sami", UserRole.Supervisor, "en");

        await console.Page.GotoAsync("/console/audit.html");
        await Expect(console.Page.Locator("#who")).Not.ToBeEmptyAsync();

        Assert.Equal("Queue and cases, Statistics", await VisibleLinksAsync(console));
    }

    private static async Task<string> VisibleLinksAsync(ConsolePage console) =>
        string.Join(", ", await console.Page.Locator("nav.top-nav a:visible").AllInnerTextsAsync());
}
