using System.Text.RegularExpressions;

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
        // Listed first, and never as if waiting for a reply: the lines in the list say where the kind of case changes.
        await Expect(console.Page.Locator("#queue > li")).ToHaveTextAsync(
            [new Regex("^Critical, nothing can be sent to them now 1$"), new Regex("^Critical"), new Regex("^Waiting for a reply 1$"), new Regex("^Low")]);
        await Screenshots.TakeAsync(console.Page, "quiet-critical-queue");
        await console.TakeNextCaseAsync();

        await Expect(console.Mine).ToHaveCountAsync(1);
        await Expect(console.Mine.Nth(0)).ToHaveAttributeAsync("data-priority", "Critical");
        await Expect(console.Page.Locator("#conversation-status")).ToHaveTextAsync(
            "Quiet: The person used the discreet word. They wrote again and are asked whether it is safe to write now. Someone else may be reading their phone: "
            + "nothing is sent to them until they say it is safe to write.");
        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync("the boss beats me");
        await Screenshots.TakeAsync(console.Page, "quiet-critical-taken");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found last session: the console header and the supervisor's "Critical waiting" left out a Critical person who went
    /// quiet, since they wait for no reply. They are Critical work all the same: the supervisor has a card for them, in the
    /// console queue's words ("Critical, nothing can be sent to them now"); the console's figure of the people nothing can be sent to says how many are Critical.
    /// </summary>
    [Fact]
    public async Task The_Critical_figures_count_a_Critical_person_nobody_can_write_to_and_say_so()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AddUserAsync("sofia", UserRole.Supervisor, "en");
        await QueueWaitingAndQuietCriticalAsync(host);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await Expect(console.Page.Locator("#statistics .hotline-wide")).ToContainTextAsync("Whole hotline: 1 waiting (1 low), 0 being answered, oldest");
        await Expect(console.Page.Locator("#statistics .hotline-silent")).ToHaveTextAsync("Nothing can be sent to 1, queued or taken (1 critical): 1 quiet");
        await Expect(console.Page.Locator("#statistics .hotline-critical")).ToHaveTextAsync("(1 critical)");
        await Screenshots.TakeAsync(console.Page, "quiet-critical-header");
        Assert.Empty(console.ScriptErrors);

        await using var supervisor = await ConsolePage.SignInAsync(browser.Browser, host, "sofia");
        await supervisor.Page.SetViewportSizeAsync(1366, 768);
        await supervisor.Page.GotoAsync("/console/supervisor.html");
        await Expect(supervisor.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        var statistics = supervisor.Page.Locator("#overview-statistics .stat");
        await Expect(statistics.Filter(new() { HasText = "Critical, waiting for a reply" }).Locator("dd")).ToHaveTextAsync("0");
        await Expect(statistics.Filter(new() { HasText = "Critical, nothing can be sent to them now" }).Locator("dd")).ToHaveTextAsync("1");
        await Expect(statistics.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Waiting for a reply") }).Locator("dd")).ToHaveTextAsync("1");
        await Expect(statistics.Filter(new() { HasText = "In the queue, quiet until it is safe to write" }).Locator("dd")).ToHaveTextAsync("1");
        var rows = supervisor.Page.Locator("#overview-cases tr[data-case-id]");
        await Expect(rows.Nth(0).Locator("td").Nth(4)).ToHaveTextAsync("In the queue, quiet");
        await Expect(rows.Nth(0).Locator(".priority")).ToHaveTextAsync("Critical");
        await Screenshots.TakeAsync(supervisor.Page, "quiet-critical-supervisor");
        Assert.Empty(supervisor.ScriptErrors);
    }

    /// <summary>
    /// Found by a review: with a Critical person nobody can write to at the head of the list, the console read "Waiting for a
    /// reply 2" above "Not waiting: nothing can be sent to them now 1", then "Waiting for a reply" again, and its figures
    /// "Critical waiting 1 (1 cannot be written to)" beside two Low cases waiting. Each group is headed once, in the order
    /// "Take next case" takes them, with the number of cases under it, and the figures use the groups' words.
    /// </summary>
    [Fact]
    public async Task With_a_Critical_person_nobody_can_write_to_first_each_group_of_the_queue_is_headed_once_and_the_figures_use_its_words()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await QueueWaitingAndQuietCriticalAsync(host);
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, I need help too");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await Expect(console.Waiting).ToHaveCountAsync(3);

        await Expect(console.Page.Locator("#queue-title")).ToHaveTextAsync("Queue");
        await Expect(console.Page.Locator("#queue > li")).ToHaveTextAsync(
        [
            new Regex("^Critical, nothing can be sent to them now 1$"), new Regex("^Critical"),
            new Regex("^Waiting for a reply 2$"), new Regex("^Low"), new Regex("^Low"),
        ]);
        await Expect(console.Page.Locator("#statistics > span").First).ToHaveTextAsync("2 waiting in your queue");
        await Expect(console.Page.Locator("#statistics .hotline-wide")).ToContainTextAsync("Whole hotline: 2 waiting (2 low), 0 being answered, oldest");
        await Expect(console.Page.Locator("#statistics .hotline-silent")).ToHaveTextAsync(
            "Nothing can be sent to 1, queued or taken (1 critical): 1 quiet");
        await Expect(console.Page.Locator("#statistics")).Not.ToContainTextAsync("Critical waiting");
        await Expect(console.Page).ToHaveTitleAsync("(2) Hotline console");
        await Screenshots.TakeAsync(console.Page, "quiet-critical-first-in-queue");
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
