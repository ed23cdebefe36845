namespace Hotline.Console.Tests;

/// <summary>The intake goes on while the case waits: a console sees its provisional band move as the answers arrive.</summary>
public sealed class WaitingCaseTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_console_watches_a_waiting_case_rise_from_medium_to_high_as_answers_arrive()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");
        var phone = host.NextPhone();
        foreach (var text in new[] { "hello", "1", "2" })
        {
            await host.PostSmsAsync(phone, text);
        }

        await Expect(console.Waiting).ToHaveCountAsync(0);

        // Consent given: the case is queued now, provisional, while the questions go on.
        await host.PostSmsAsync(phone, "1");
        await Expect(console.Waiting).ToHaveCountAsync(1, new() { Timeout = 2_000 });
        await Expect(console.Waiting.First).ToContainTextAsync("provisional · intake question 4 of 13");
        await Expect(console.Waiting.First.Locator(".priority")).ToHaveTextAsync("Low");

        // Documents taken: Medium, without a reload.
        await host.PostSmsAsync(phone, "1");
        await Expect(console.Waiting.First.Locator(".priority")).ToHaveTextAsync("Medium", new() { Timeout = 2_000 });
        await Expect(console.Waiting.First).ToContainTextAsync("intake question 5 of 13");

        // Wages withheld (35), free to leave, no debt, no threats, then deceived about the job: 45, High.
        foreach (var text in new[] { "1", "1", "2", "2", "1" })
        {
            await host.PostSmsAsync(phone, text);
        }

        await Expect(console.Waiting.First.Locator(".priority")).ToHaveTextAsync("High", new() { Timeout = 2_000 });
        await Expect(console.Waiting.First).ToContainTextAsync("provisional · intake question 10 of 13");

        // A caseworker takes it while the intake still asks: the answers so far, and the questions left to ask.
        await console.TakeNextCaseAsync();
        await Expect(console.Page.Locator("#triage-score")).ToContainTextAsync("(provisional): intake in progress, question 10 of 13");
        await Expect(console.Page.Locator("#answers")).ToContainTextAsync("Yes");
        await Expect(console.Page.Locator("#unanswered")).ToContainTextAsync("Location");
        await Screenshots.TakeAsync(console.Page, "waiting-case");
    }
}
