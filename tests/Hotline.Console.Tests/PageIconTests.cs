namespace Hotline.Console.Tests;

/// <summary>Every console page names an icon the host serves, so no page asks for a missing one (a 404 each time).</summary>
public sealed class PageIconTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_console_page_names_an_icon_the_host_serves()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("root", UserRole.Admin, "en");
        await using var console = await ConsolePage.OpenAsync(browser.Browser, host);
        var answers = new Dictionary<string, int>();

        await console.Page.GotoAsync("/console/signin.html");
        answers["signin"] = await IconStatusAsync(console);
        await console.SubmitSignInAsync("root");
        // An admin starts at the partner directory, which has no live connection: the header says who signed in.
        await Expect(console.Page.Locator("#who")).Not.ToBeEmptyAsync();
        string[] pages = ["index", "supervisor", "statistics", "partners", "accounts", "audit", "erase", "translations", "password"];
        foreach (var page in pages)
        {
            await console.Page.GotoAsync($"/console/{page}.html");
            answers[page] = await IconStatusAsync(console);
        }

        Assert.Equal(new[] { "signin" }.Concat(pages).ToDictionary(page => page, _ => 200), answers);
    }

    private static async Task<int> IconStatusAsync(ConsolePage console)
    {
        var icon = console.Page.Locator("link[rel='icon']");
        await Expect(icon).ToHaveCountAsync(1);
        var href = await icon.EvaluateAsync<string>("link => link.href");
        var response = await console.Context.APIRequest.GetAsync(href);
        return response.Status;
    }
}
