namespace Hotline.Console.Tests;

/// <summary>
/// A case answered and released waits for nobody until the person writes again: the caseworker's count, the tab's title and
/// the oldest wait leave it out, and its card says it was answered. Found by a newcomer: "3 waiting for you, oldest 19 min"
/// counted a case she had answered herself.
/// </summary>
public sealed class BackInQueueTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_case_answered_and_released_is_not_counted_as_waiting_for_you()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.SeedCaseAsync("en", PriorityBand.High, "deception");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.TakeNextCaseAsync();
        await console.Page.Locator("#reply-body").FillAsync("We are here. Are you safe where you are now?");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync("We are here. Are you safe where you are now?");

        await console.Page.GetByText("Release or transfer").ClickAsync();
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Release to the queue" }).ClickAsync();

        await Expect(console.Page.Locator("#queue li")).ToContainTextAsync("Answered before");
        await Expect(console.Page.Locator("#statistics > span").First).ToHaveTextAsync("0 waiting for you");
        await Expect(console.Page.Locator("#waiting-count")).ToHaveTextAsync("0");
        await Expect(console.Page).ToHaveTitleAsync("Hotline console");
        Assert.Empty(console.ScriptErrors);
    }
}
