namespace Hotline.Console.Tests;

/// <summary>The statistics page as a reader sees it at 1366x768.</summary>
public sealed class StatisticsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Timings_measured_on_fewer_than_5_cases_say_so_in_one_line_each()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/statistics.html?from=2026-01&to=2026-12");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(console.Page.Locator("#timings > *")).ToHaveTextAsync(
        [
            "Time from queueing to a caseworker's first reply: Fewer than 5 cases were measured in this range, so no median or mean is shown.",
            "Time from opening a case to sending a referral: Fewer than 5 cases were measured in this range, so no median or mean is shown.",
        ]);
        Assert.Empty(console.ScriptErrors);
    }
}
