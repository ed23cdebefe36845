using System.Text.RegularExpressions;

namespace Hotline.Console.Tests;

/// <summary>
/// A case she holds whose person waits for her reply can be answered by nobody else. Found by a reviewer walking the console:
/// "Your cases" sat below the queue, out of sight behind a long one, and "Take next case" silently handed out another case
/// while a person in danger waited in hers. Now her cases come first, the waiting ones first and marked with their clock, and
/// take next says which of them waits; a Critical one it gives her again.
/// </summary>
public sealed class HeldCasesWaitingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task At_1366x768_a_held_case_whose_person_waits_is_in_view_above_a_long_queue_and_marked_with_its_wait()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var danger = await host.SeedCaseAsync("en", PriorityBand.Critical, "immediate_danger");
        for (var i = 0; i < 12; i++)
        {
            await host.SeedCaseAsync("en", PriorityBand.Medium, "withholding_of_wages");
        }

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await TakeAndPutAsideAsync(console, danger);

        var card = console.Item("my-cases", danger);
        await Expect(card.Locator(".awaits-you")).ToHaveTextAsync(new Regex(@"^Waiting for your reply · \d+ (s|min)"));
        await Expect(card.Locator(".in-danger-now")).ToHaveTextAsync("In danger now");
        await Screenshots.TakeAsync(console.Page, "held-waiting-1366x768");
        await Expect(card).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task Take_next_gives_her_held_critical_case_again_and_says_the_person_waits_for_her_reply_until_she_answers()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var danger = await host.SeedCaseAsync("en", PriorityBand.Critical, "immediate_danger");
        var queued = await host.SeedCaseAsync("en", PriorityBand.Critical, "retention_of_identity_documents");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await TakeAndPutAsideAsync(console, danger);

        await console.TakeNextCaseAsync();

        await Expect(console.Page.Locator("#held-waiting")).ToHaveTextAsync(new Regex(
            $@"^Case {Reference(danger)} is waiting for your reply \(Critical, in danger now, waiting \d+ (s|min)[^)]*\): answer it before you take another case\.$"));
        await Expect(console.Page.Locator("#case-title")).ToContainTextAsync($"Case {Reference(danger)} · ");
        await Expect(console.Item("queue", queued)).ToBeVisibleAsync();
        await Expect(console.Page.Locator("#held-waiting")).ToBeInViewportAsync();

        await console.SendReplyAsync("I am here. Are you somewhere safe now?");

        await Expect(console.Page.Locator("#held-waiting")).ToBeHiddenAsync();
        await Expect(console.Item("my-cases", danger).Locator(".awaits-you")).ToHaveCountAsync(0);
        await console.TakeNextCaseAsync();
        await Expect(console.Page.Locator("#case-title")).ToContainTextAsync($"Case {Reference(queued)} · ");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task Take_next_with_a_held_high_case_waiting_takes_the_next_case_and_says_which_of_hers_waits_with_a_way_to_open_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var high = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        var low = await host.SeedCaseAsync("en", PriorityBand.Low, "first_contact");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await TakeAndPutAsideAsync(console, high);

        await console.TakeNextCaseAsync();

        await Expect(console.Page.Locator("#case-title")).ToContainTextAsync($"Case {Reference(low)} · ");
        await Expect(console.Page.Locator("#held-waiting")).ToHaveTextAsync(new Regex(
            $@"^Also waiting for your reply: Case {Reference(high)} \(High, waiting \d+ (s|min)[^)]*\)\.Open case {Reference(high)}$"));
        await console.Page.GetByRole(AriaRole.Button, new() { Name = $"Open case {Reference(high)}" }).ClickAsync();
        await Expect(console.Page.Locator("#case-title")).ToContainTextAsync($"Case {Reference(high)} · ");
        // Held cases keep the queue's order among those that wait: the waiting one first, then the one just taken.
        Assert.Equal([high.ToString(), low.ToString()],
            await console.Mine.EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.caseId)"));
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// A reviewer found the line naming a WhatsApp case she held whose 24-hour window had closed, with no re-engagement template
    /// configured, as waiting for her reply: her reply to it is refused until the person writes, as take next already knew.
    /// </summary>
    [Fact]
    public async Task Take_next_does_not_name_a_held_case_she_cannot_write_to_as_waiting_for_her_reply()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var high = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        var windowClosed = await host.SeedWhatsAppCaseAsync("en", PriorityBand.High, hoursAgo: 25);
        var low = await host.SeedCaseAsync("en", PriorityBand.Low, "first_contact");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        foreach (var held in new[] { high, windowClosed })
        {
            await TakeAndPutAsideAsync(console, held);
        }

        await console.TakeNextCaseAsync();

        await Expect(console.Page.Locator("#case-title")).ToContainTextAsync($"Case {Reference(low)} · ");
        await Expect(console.Page.Locator("#held-waiting")).ToHaveTextAsync(new Regex(
            $@"^Also waiting for your reply: Case {Reference(high)} \(High, waiting \d+ (s|min)[^)]*\)\.Open case {Reference(high)}$"));
        await Expect(console.Page.Locator("#held-waiting")).ToBeInViewportAsync();
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by a review: "Your cases" marked a held WhatsApp case whose 24-hour window had closed, with no re-engagement template
    /// configured, "Waiting for your reply": her reply is refused until the person writes. Its card now says what the case view
    /// says of that state, and it no longer comes before a person who does wait for her reply.
    /// </summary>
    [Fact]
    public async Task A_held_whatsapp_case_whose_window_closed_is_marked_as_waiting_for_the_person_not_for_her_reply()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var windowClosed = await host.SeedWhatsAppCaseAsync("en", PriorityBand.Critical, hoursAgo: 25);
        var high = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);

        foreach (var held in new[] { windowClosed, high })
        {
            await TakeAndPutAsideAsync(console, held);
        }

        var card = console.Item("my-cases", windowClosed);
        await Expect(card.Locator(".awaits-you")).ToHaveCountAsync(0);
        await Expect(card.Locator(".window-closed")).ToHaveTextAsync("WhatsApp window closed: a reply waits for the person to write");
        await Expect(console.Item("my-cases", high).Locator(".awaits-you")).ToHaveTextAsync(new Regex(@"^Waiting for your reply · \d+ (s|min)"));
        Assert.Equal([high.ToString(), windowClosed.ToString()],
            await console.Mine.EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.caseId)"));
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// A review found take next, with nothing in the queue, saying only "No case is waiting in your languages." while a person
    /// she held waited for her reply: nothing led her to them.
    /// </summary>
    [Fact]
    public async Task Take_next_with_an_empty_queue_names_her_held_case_whose_person_waits_once_with_a_way_to_open_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var high = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await TakeAndPutAsideAsync(console, high);

        await console.TakeNextCaseAsync();

        // Named once, on the line with their wait and the button: the status line named them too, a review found.
        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("No case is waiting in your languages.");
        await Expect(console.Page.Locator("#held-waiting")).ToHaveTextAsync(new Regex(
            $@"^Waiting for your reply: Case {Reference(high)} \(High, waiting \d+ (s|min)[^)]*\)\.Open case {Reference(high)}$"));
        await Expect(console.Page.Locator("#held-waiting")).ToBeInViewportAsync();
        await console.Page.GetByRole(AriaRole.Button, new() { Name = $"Open case {Reference(high)}" }).ClickAsync();
        await Expect(console.Page.Locator("#case-title")).ToContainTextAsync($"Case {Reference(high)} · ");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by the walk-through: one held case showed three different times on one screen: the line's "12 min 04 s", written
    /// once and standing still, the card's ticking "Waiting for your reply" clock, and the card's bare "open 40 min". The line's
    /// time is now the card's waiting clock, labelled "waiting", and the card's other time reads "open since queued", as the
    /// case view's "Open since queued" does.
    /// </summary>
    [Fact]
    public async Task The_lines_wait_is_the_cards_waiting_clock_and_the_cards_other_time_says_open_since_queued()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var danger = await host.SeedCaseAsync("en", PriorityBand.Critical, "immediate_danger");
        await host.SeedCaseAsync("en", PriorityBand.Critical, "retention_of_identity_documents");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await TakeAndPutAsideAsync(console, danger);

        await console.TakeNextCaseAsync();

        var card = console.Item("my-cases", danger);
        var cardClock = await card.Locator(".awaits-you time").GetAttributeAsync("data-since");
        Assert.NotNull(cardClock);
        await Expect(console.Page.Locator("#held-waiting time")).ToHaveAttributeAsync("data-since", cardClock!);
        var shown = await card.Locator(".awaits-you time").TextContentAsync();
        await Expect(console.Page.Locator("#held-waiting time")).ToHaveTextAsync(new Regex("^\\d+ (s|min)"));
        await Expect(card.Locator(".case-waiting")).ToHaveTextAsync(new Regex("^open since queued \\d+ (s|min)"));
        await Expect(console.Page.Locator("#case-facts")).ToContainTextAsync("Open since queued: ");
        // Both clocks tick: the line's is not the figure it was drawn with.
        await Expect(console.Page.Locator("#held-waiting time")).Not.ToHaveTextAsync(shown!, new() { Timeout = 5_000 });
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// The line names the cases in the order the server gave them (gravest first, HeldCasesWaiting.WaitingAsync), and its button
    /// opens the first of them. A review found it following the order of her list instead: two people equally grave and equally
    /// long waiting (one millisecond, as the console counts) were named, and the first opened, the other way round.
    /// </summary>
    [Fact]
    public async Task The_line_names_the_held_cases_in_the_servers_order_and_opens_the_first_it_names()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        var said = await console.Page.EvaluateAsync<string[]>("""
            async () => {
              const { HeldWaitingNotice } = await import('/console/js/held-waiting.js');
              const queuedAt = new Date(Date.now() - 70000).toISOString();
              const held = (id) => ({ id, status: 'Claimed', priority: 'High', inDangerNow: false, conversationStatus: 'Active',
                answeredAt: null, unansweredSince: null, queuedAt });
              const notice = new HeldWaitingNotice(() => {});
              notice.tell({ case: { id: 'c0000000-0000-0000-0000-00000000000c' },
                alsoWaiting: ['b0000000-0000-0000-0000-00000000000b', 'a0000000-0000-0000-0000-00000000000a'] });
              notice.render([held('a0000000-0000-0000-0000-00000000000a'), held('b0000000-0000-0000-0000-00000000000b')],
                'c0000000-0000-0000-0000-00000000000c');
              const line = document.getElementById('held-waiting');
              return [line.textContent, line.querySelector('button').dataset.caseId];
            }
            """);

        Assert.Equal(["Also waiting for your reply: Case 0000000B (High, waiting 1 min 10 s); Case 0000000A (High, waiting 1 min 10 s).Open case 0000000B",
            "b0000000-0000-0000-0000-00000000000b"], said);
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>Take next gives her <paramref name="expected"/>, which she keeps and puts aside: a case she holds.</summary>
    private static async Task TakeAndPutAsideAsync(ConsolePage console, Guid expected)
    {
        await console.TakeNextCaseAsync();
        await Expect(console.Page.Locator("#case-title")).ToContainTextAsync($"Case {Reference(expected)} · ");
        await console.Page.Locator("#case-leave").ClickAsync();
    }

    private static string Reference(Guid caseId) => caseId.ToString()[^8..].ToUpperInvariant();
}
