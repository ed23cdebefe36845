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
        await console.SendReplyAsync("We are here. Are you safe where you are now?");

        await console.ReleaseAsync();

        await Expect(console.Waiting).ToContainTextAsync("Answered before");
        await Expect(console.Page.Locator("#statistics > span").First).ToHaveTextAsync("0 waiting in your queue");
        await Expect(console.Page.Locator("#queue .queue-group")).ToHaveTextAsync("Answered, nothing new since the reply 1");
        await Expect(console.Page).ToHaveTitleAsync("Hotline console");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Each group of the queue is headed with the number of cases under it: a case back in the queue with nothing new is listed
    /// apart from the people waiting for a reply, under a heading that says so. Found by a newcomer: "Waiting 0" above cards.
    /// </summary>
    [Fact]
    public async Task A_case_answered_and_released_is_listed_apart_from_the_people_waiting_for_a_reply()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var answered = await host.SeedCaseAsync("en", PriorityBand.High, "deception");
        var waiting = await host.SeedCaseAsync("en", PriorityBand.Low, "first_contact");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.TakeNextCaseAsync();
        await console.SendReplyAsync("We are here. Are you safe where you are now?");

        await console.ReleaseAsync();

        var rows = console.Page.Locator("#queue > li");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.Nth(0)).ToHaveTextAsync("Waiting for a reply 1");
        await Expect(rows.Nth(1)).ToHaveAttributeAsync("data-case-id", waiting.ToString());
        await Expect(rows.Nth(2)).ToHaveTextAsync("Answered, nothing new since the reply 1");
        await Expect(rows.Nth(3)).ToHaveAttributeAsync("data-case-id", answered.ToString());
        await Screenshots.TakeAsync(console.Page, "queue-answered-apart");

        await console.Item("queue", waiting).Locator("button").ClickAsync();
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Take this case" }).ClickAsync();

        await Expect(rows.Nth(0)).ToHaveTextAsync("Nobody is waiting for a reply in your languages.");
        await Expect(rows.Nth(1)).ToHaveTextAsync("Answered, nothing new since the reply 1");
        Assert.Empty(console.ScriptErrors);
    }
}
