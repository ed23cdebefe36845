namespace Hotline.Console.Tests;

/// <summary>
/// "New message" on a card means a message from the person this caseworker has not been shown: it goes once the case is on
/// her screen with that message, and comes back with a newer one. Found by a newcomer: it stayed on a case she had opened and
/// read, as long as nobody had replied.
/// </summary>
public sealed class NewMessageMarkTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_mark_of_a_case_back_in_the_queue_goes_once_she_has_read_the_message_and_comes_back_with_a_newer_one()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var phone = host.NextPhone();
        await host.AskForPersonBySmsAsync(phone, "hello, my employer took my passport");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        var caseId = (await host.OpenCasesAsync()).Single().Id;
        await console.SendReplyAsync("We are here. Are you safe where you are now?");
        await console.ReleaseAsync();
        var card = console.Item("queue", caseId);
        await Expect(card).ToContainTextAsync("Answered before");
        await Expect(card.Locator(".unread")).ToHaveCountAsync(0);

        await host.PostSmsAsync(phone, "yes I am safe, they are asleep");
        await Expect(card.Locator(".unread")).ToHaveTextAsync("New message");

        await card.Locator("button").ClickAsync();
        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync("yes I am safe, they are asleep");
        await Expect(card.Locator(".unread")).ToHaveCountAsync(0);
        // Still waiting for a reply, and the card says so by its clock.
        await Expect(card.Locator(".case-waiting time")).ToHaveCountAsync(1);

        // A reload does not bring back a mark for what this tab has shown.
        await console.Page.ReloadAsync();
        await console.WaitUntilLiveAsync();
        await Expect(card.Locator(".case-waiting time")).ToHaveCountAsync(1);
        await Expect(card.Locator(".unread")).ToHaveCountAsync(0);

        // A case in the queue is not hers to put aside: the button closes the view.
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Close this view" }).ClickAsync();
        await host.PostSmsAsync(phone, "please tell me where to go");
        await Expect(card.Locator(".unread")).ToHaveTextAsync("New message");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task The_mark_of_a_held_case_goes_when_she_opens_it_after_a_reload_and_comes_back_with_a_newer_message()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var phone = host.NextPhone();
        await host.AskForPersonBySmsAsync(phone, "hello, my employer took my passport");
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, I have not been paid");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        await Expect(console.Mine).ToHaveCountAsync(1);
        var caseId = await console.Mine.First.GetAttributeAsync("data-case-id");
        await console.SendReplyAsync("We are here. Are you safe where you are now?");
        await console.TakeNextCaseAsync();
        await Expect(console.Mine).ToHaveCountAsync(2);
        var card = console.Item("my-cases", caseId!);

        await host.PostSmsAsync(phone, "yes I am safe, they are asleep");
        await Expect(card.Locator(".unread")).ToHaveTextAsync("New message");
        await console.Page.ReloadAsync();
        await console.WaitUntilLiveAsync();
        await Expect(card.Locator(".unread")).ToHaveTextAsync("New message");

        await card.Locator("button").ClickAsync();
        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync("yes I am safe, they are asleep");
        await Expect(card.Locator(".unread")).ToHaveCountAsync(0);

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Put this case aside" }).ClickAsync();
        await Expect(card.Locator(".unread")).ToHaveCountAsync(0);
        await host.PostSmsAsync(phone, "please tell me where to go");
        await Expect(card.Locator(".unread")).ToHaveTextAsync("New message");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by a review: the mark was remembered per tab, so a second tab of the same browser marked a message she had read in
    /// the first as new again. What she has been shown is kept for the signed-in person in the browser (case ids, times and
    /// case-event numbers, never a message's words or the person's number), and forgotten when she signs out.
    /// </summary>
    [Fact]
    public async Task A_message_read_in_one_tab_is_not_new_in_her_other_tabs_and_what_was_read_is_forgotten_at_sign_out()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var phone = host.NextPhone();
        await host.AskForPersonBySmsAsync(phone, "hello, my employer took my passport");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        var caseId = (await host.OpenCasesAsync()).Single().Id;
        await console.SendReplyAsync("We are here. Are you safe where you are now?");
        await console.ReleaseAsync();
        var card = console.Item("queue", caseId);
        await Expect(card).ToContainTextAsync("Answered before");
        var otherTab = await OpenTabAsync(console);
        var otherCard = otherTab.Locator($"#queue li[data-case-id='{caseId}']");

        await host.PostSmsAsync(phone, "yes I am safe, they are asleep");
        await Expect(card.Locator(".unread")).ToHaveTextAsync("New message");
        await Expect(otherCard.Locator(".unread")).ToHaveTextAsync("New message");
        await card.Locator("button").ClickAsync();
        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync("yes I am safe, they are asleep");

        await Expect(card.Locator(".unread")).ToHaveCountAsync(0);
        await Expect(otherCard.Locator(".unread")).ToHaveCountAsync(0);
        var tabOpenedLater = await OpenTabAsync(console);
        await Expect(tabOpenedLater.Locator($"#queue li[data-case-id='{caseId}']")).ToContainTextAsync("Answered before");
        await Expect(tabOpenedLater.Locator($"#queue li[data-case-id='{caseId}'] .unread")).ToHaveCountAsync(0);
        var kept = await tabOpenedLater.EvaluateAsync<string>("() => JSON.stringify({ ...window.localStorage })");
        Assert.Contains(caseId, kept, StringComparison.Ordinal);
        Assert.DoesNotContain("safe", kept, StringComparison.Ordinal);
        Assert.DoesNotContain(phone.TrimStart('+'), kept, StringComparison.Ordinal);

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(console.Page.Locator("#signed-out")).ToHaveTextAsync("You have signed out.");
        Assert.Equal(0, await console.Page.EvaluateAsync<int>("() => Object.keys(window.localStorage).filter((k) => k.startsWith('hotline.')).length"));
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>Another tab of the same browser, on the queue and connected.</summary>
    private static async Task<IPage> OpenTabAsync(ConsolePage console)
    {
        var tab = await console.Context.NewPageAsync();
        await tab.GotoAsync("/console/");
        await Expect(tab.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        await Expect(tab.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        return tab;
    }
}
