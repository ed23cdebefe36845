namespace Hotline.Console.Tests;

/// <summary>
/// A person who used the discreet word and then wrote an urgent word ("the boss beats me") has a Critical case nobody can
/// write to until they say it is safe. A caseworker must still see it as Critical work: what they wrote can be read and
/// referred, and someone must be ready when they say it is safe.
/// </summary>
public sealed class QuietCriticalTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Found last session: the queue and "Take next case" put every person who can be written to, of any band, before the
    /// Critical person who went quiet, so it was the last case anyone got.
    /// </summary>
    [Fact]
    public async Task A_Critical_person_nobody_can_write_to_is_listed_and_taken_before_a_person_waiting_in_a_lower_band_and_the_case_says_why()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await QueueWaitingAndQuietCriticalAsync(host);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await Expect(console.Waiting).ToHaveCountAsync(2);

        var order = await console.Waiting.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.priority)");
        Assert.Equal(["Critical", "Low"], order);
        await Expect(console.Waiting.Nth(0).Locator(".case-waiting")).ToHaveTextAsync("no reply can be sent");
        await console.TakeNextCaseAsync();

        await Expect(console.Mine).ToHaveCountAsync(1);
        await Expect(console.Mine.Nth(0)).ToHaveAttributeAsync("data-priority", "Critical");
        await Expect(console.Page.Locator("#conversation-status")).ToHaveTextAsync(
            "Quiet: The person wrote again and is asked whether it is safe to write now. Someone else may be reading their phone: "
            + "nothing is sent to them until they say it is safe to write.");
        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync("the boss beats me");
        await Screenshots.TakeAsync(console.Page, "quiet-critical-taken");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>One person asks for a person and waits; another uses the discreet word, then writes an urgent word.</summary>
    private static async Task QueueWaitingAndQuietCriticalAsync(ConsoleHost host)
    {
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, I need help");
        var quiet = host.NextPhone();
        await host.AskForPersonBySmsAsync(quiet, "hello, I need help");
        await host.PostSmsAsync(quiet, "recipe");
        await host.PostSmsAsync(quiet, "the boss beats me");
    }
}
