using Hotline.Api.Accountability;
using Hotline.Api.Tests.Accountability;

namespace Hotline.Console.Tests;

/// <summary>
/// A caseworker holds several cases and reads one at a time. The console keeps every claim renewed, but reads a case's
/// words only when she opens it, and the audit trail records an opening only then. Found by a newcomer: each load of the
/// console recorded <c>case.opened</c> for every case she held, all in the same second, about 40 in six minutes.
/// </summary>
public sealed class HeldCasesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Words = "The supervisor took our phones this morning";

    [Fact]
    public async Task Reloading_the_console_records_an_opening_of_the_case_on_screen_only_not_of_every_case_held()
    {
        await using var host = await ConsoleHost.StartAsync();
        var amira = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var first = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        var second = await host.SeedCaseAsync("en", PriorityBand.Medium, "deception");
        var third = await host.SeedCaseAsync("en", PriorityBand.Low, "first_contact");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        for (var held = 1; held <= 3; held++)
        {
            await console.TakeNextCaseAsync();
            await Expect(console.Mine).ToHaveCountAsync(held);
        }

        await console.Page.ReloadAsync();

        await console.WaitUntilLiveAsync();
        await Expect(console.Mine).ToHaveCountAsync(3);
        await Expect(console.Page.Locator("#case-facts")).ToContainTextAsync("Yours");
        Assert.Equal(
        [
            $"{amira.Id} case.opened {first} succeeded",
            $"{amira.Id} case.opened {second} succeeded",
            $"{amira.Id} case.opened {third} succeeded",
            // The reload shows the case the tab had on screen again: read again, recorded again.
            $"{amira.Id} case.opened {third} succeeded",
        ], await OpeningsRecordedAsync(host));

        // The claims were kept all the same: the first case, opened now, can be answered at once.
        await console.Item("my-cases", first).Locator("button").ClickAsync();
        await Expect(console.Page.Locator("#reply-body")).ToBeEnabledAsync();
        Assert.Equal($"{amira.Id} case.opened {first} succeeded", (await OpeningsRecordedAsync(host))[^1]);
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_message_in_a_held_case_not_on_screen_is_marked_new_and_its_words_reach_the_browser_only_when_she_opens_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        var amira = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var waitingPhone = host.NextPhone();
        await host.AskForPersonBySmsAsync(waitingPhone, "hello, my employer took my passport");
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, I have not been paid for three months");
        await using var console = await ConsolePage.OpenAsync(browser.Browser, host);
        var received = new List<string>();
        console.Page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            lock (received)
            {
                received.Add(frame.Text ?? "");
            }
        };
        await console.SubmitSignInAsync("amira");
        await console.WaitUntilHomeAsync();
        await console.TakeNextCaseAsync();
        await Expect(console.Mine).ToHaveCountAsync(1);
        var aside = await console.Mine.First.GetAttributeAsync("data-case-id");
        await console.TakeNextCaseAsync();
        await Expect(console.Mine).ToHaveCountAsync(2);
        // The list counts the case as hers once the claim is pushed, before the hub answers the take: the case on screen
        // says it answered, and by then the hub had taken this console out of the case put aside (CaseHub.OpenAsync).
        var onScreen = (await console.Mine.EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.caseId)")).Single(id => id != aside);
        await Expect(console.Page.Locator("#case-title")).ToContainTextAsync($"Case {onScreen[^8..].ToUpperInvariant()} · ");

        await host.PostSmsAsync(waitingPhone, Words);

        await Expect(console.Item("my-cases", aside!)).ToContainTextAsync("New message");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        lock (received)
        {
            Assert.DoesNotContain(received, frame => frame.Contains(Words, StringComparison.Ordinal));
        }

        await console.Item("my-cases", aside!).Locator("button").ClickAsync();

        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync(Words);
        Assert.Equal($"{amira.Id} case.opened {aside} succeeded", (await OpeningsRecordedAsync(host))[^1]);
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>The case.opened rows, read once anything the console does on a push it heard would have been recorded.</summary>
    private static async Task<IReadOnlyList<string>> OpeningsRecordedAsync(ConsoleHost host)
    {
        await Task.Delay(500, TestContext.Current.CancellationToken);
        return await AuditRows.ReadAsync(host.App, AuditActions.CaseOpened);
    }
}
