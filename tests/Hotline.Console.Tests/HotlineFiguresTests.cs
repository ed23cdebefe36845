using Hotline.Api.CaseStore;

namespace Hotline.Console.Tests;

/// <summary>
/// The queue's figures are honest and current: a console shows the whole hotline's figures as soon as it loads, and a person
/// nobody can write to (gone quiet, opted out) is neither counted nor clocked as waiting, and their card says why.
/// </summary>
public sealed class HotlineFiguresTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Found by a newcomer: a console just loaded showed no "Whole hotline" line until some case changed.</summary>
    [Fact]
    public async Task A_freshly_loaded_console_shows_the_whole_hotline_line_with_nothing_changing()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.SeedCaseAsync("ar", PriorityBand.Critical, "physical_and_sexual_violence");
        await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");

        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await Expect(console.Page.Locator("#statistics .hotline-wide")).ToContainTextAsync("Whole hotline: 2 waiting (1 critical, 1 high), 0 being answered, oldest");
        await Expect(console.Page.Locator("#statistics > span").First).ToHaveTextAsync("1 waiting in your queue");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found after the supervisor view counted one wait, queued or taken: beside it the console header read "Whole hotline: 1
    /// waiting (1 low), 3 being answered", counting two people whose taken cases nobody had answered yet as being answered,
    /// while a supervisor saw "Waiting for a reply 3" and "Being answered 1". The header counts by the same rules.
    /// </summary>
    [Fact]
    public async Task The_header_counts_a_person_waiting_in_a_taken_case_as_waiting_and_not_as_being_answered_as_the_supervisor_view_does()
    {
        await using var host = await ConsoleHost.StartAsync();
        var amira = await host.AddUserAsync("amira", UserRole.Caseworker, "ar", "ne");
        await host.AddUserAsync("bilal", UserRole.Caseworker, "en");
        await host.SeedCaseAsync("ar", PriorityBand.Critical, "physical_and_sexual_violence");
        await host.SeedCaseAsync("ne", PriorityBand.High, "retention_of_identity_documents");
        await host.SeedCaseAsync("hi", PriorityBand.Low, "excessive_overtime");
        await host.SeedCaseAsync("en", PriorityBand.Medium, "withholding_of_wages");
        // amira takes her two cases and has not written yet.
        var queue = host.Services.GetRequiredService<CaseQueue>();
        await queue.ClaimNextAsync(amira.Id, TimeSpan.FromMinutes(30), TestContext.Current.CancellationToken);
        await queue.ClaimNextAsync(amira.Id, TimeSpan.FromMinutes(30), TestContext.Current.CancellationToken);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "bilal");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.TakeNextCaseAsync();
        await console.SendReplyAsync("We are here. Are you safe where you are now?");

        var wide = console.Page.Locator("#statistics .hotline-wide");
        await Expect(wide).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
            @"^Whole hotline: 3 waiting \(1 critical, 1 high, 1 low; 2 taken\), 1 being answered, oldest \d[\d a-z]*$"));
        await Expect(console.Page.Locator("#statistics > span").First).ToHaveTextAsync("0 waiting in your queue");
        // One line at the laptop size caseworkers use, inside the header.
        var line = (await wide.BoundingBoxAsync())!;
        var mine = (await console.Page.Locator("#statistics > span").First.BoundingBoxAsync())!;
        Assert.InRange(line.Height, 0, mine.Height * 1.5);
        Assert.InRange(line.X + line.Width, 0, 1366);
        await Screenshots.TakeAsync(console.Page, "header-taken-waiting");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by a newcomer: the header read "0 waiting for you" while her own card said "Waiting for your reply · 5 min". The
    /// header counts the queue only, and says so; the case she holds is counted by its card and by the whole hotline's line.
    /// </summary>
    [Fact]
    public async Task The_header_counts_the_queue_as_waiting_in_your_queue_beside_her_own_case_waiting_for_her_reply()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.TakeNextCaseAsync();

        await Expect(console.Mine.Locator(".awaits-you")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Waiting for your reply · \d"));
        await Expect(console.Page.Locator("#statistics > span").First).ToHaveTextAsync("0 waiting in your queue");
        await Expect(console.Page.Locator("#statistics .hotline-wide")).ToContainTextAsync("Whole hotline: 1 waiting (1 high; 1 taken), 0 being answered, oldest");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by a review: a person who used the discreet word or sent STOP counted as "waiting" with a clock running, as if
    /// someone owed them a reply, though nothing can be sent to them until they write again.
    /// </summary>
    [Fact]
    public async Task A_person_who_went_quiet_or_opted_out_is_not_counted_or_clocked_as_waiting_and_the_card_says_why_nothing_can_be_sent()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await QueueQuietOptedOutAndWaitingAsync(host);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await Expect(console.Waiting).ToHaveCountAsync(3);
        // Whoever can be written to comes first, as "Take next case" takes them.
        await Expect(console.Waiting.Nth(0).Locator(".conversation-status")).ToHaveCountAsync(0);
        await Expect(console.Waiting.Nth(0).Locator(".case-waiting time")).ToHaveCountAsync(1);
        var quiet = console.Waiting.Nth(1);
        await Expect(quiet.Locator(".conversation-status")).ToHaveTextAsync(
            "Quiet: The person used the discreet word. Nothing can be sent until they say it is safe to write.");
        await Expect(quiet.Locator(".case-waiting")).ToHaveTextAsync("no reply can be sent");
        await Expect(quiet.Locator("time")).ToHaveCountAsync(0);
        var optedOut = console.Waiting.Nth(2);
        await Expect(optedOut.Locator(".conversation-status")).ToHaveTextAsync("Opted out: The person sent STOP. Nothing can be sent until they send START.");
        await Expect(optedOut.Locator(".case-waiting")).ToHaveTextAsync("no reply can be sent");
        await Expect(optedOut.Locator("time")).ToHaveCountAsync(0);
        await Expect(console.Page.Locator("#queue .queue-group")).ToHaveTextAsync(["Waiting for a reply 1", "Nothing can be sent to them now 2"]);
        await Expect(console.Page).ToHaveTitleAsync("(1) Hotline console");
        await Expect(console.Page.Locator("#statistics > span").First).ToHaveTextAsync("1 waiting in your queue");
        await Expect(console.Page.Locator("#statistics .hotline-wide")).ToContainTextAsync("Whole hotline: 1 waiting (");
        await Expect(console.Page.Locator("#statistics .hotline-silent")).ToHaveTextAsync(
            "Nothing can be sent to 2, queued or taken: 1 quiet, 1 opted out");
        foreach (var words in new[] { quiet.Locator(".case-waiting"), quiet.Locator(".conversation-status"), optedOut.Locator(".case-waiting") })
        {
            await ExpectInsideAsync(words, words.Locator("xpath=ancestor::li[1]"));
        }
        await Screenshots.TakeAsync(console.Page, "queue-quiet-and-opted-out");
        // Newcomer's finding: opened, the quiet case still read "Waiting since queued: 9 min 08 s".
        await quiet.Locator("button").ClickAsync();
        await Expect(console.Page.Locator("#case-facts")).ToContainTextAsync("In the queue for ");
        await Expect(console.Page.Locator("#case-facts")).ToContainTextAsync(" · no reply can be sent");
        await Expect(console.Page.Locator("#case-facts")).Not.ToContainTextAsync("Waiting since");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by a review: the header's "Nothing can be sent to 1 in the queue (1 critical)" counted only the queue, while the
    /// supervisor view's "Critical, nothing can be sent to them now" beside it counted 2, queued or taken, as its heading says.
    /// Both now count the people nobody can write to whether their case is in the queue or taken, and the header says so.
    /// </summary>
    [Fact]
    public async Task The_header_counts_the_people_nobody_can_write_to_queued_or_taken_as_the_supervisor_views_card_does()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AddUserAsync("sofia", UserRole.Supervisor, "en");
        var bilal = await host.AddUserAsync("bilal", UserRole.Caseworker, "en");
        var queuedQuiet = await host.SeedCaseAsync("en", PriorityBand.Critical, "physical_and_sexual_violence");
        var takenOptedOut = await host.SeedCaseAsync("en", PriorityBand.Critical, "immediate_danger");
        var takenQuiet = await host.SeedCaseAsync("en", PriorityBand.Low, "excessive_overtime");
        await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        var queue = host.Services.GetRequiredService<CaseQueue>();
        foreach (var caseId in new[] { takenOptedOut, takenQuiet })
        {
            await queue.ClaimAsync(caseId, bilal.Id, TimeSpan.FromMinutes(30), TestContext.Current.CancellationToken);
        }

        await SetConversationStatusAsync(host, queuedQuiet, "Quiet");
        await SetConversationStatusAsync(host, takenOptedOut, "OptedOut");
        await SetConversationStatusAsync(host, takenQuiet, "Quiet");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await using var supervisor = await ConsolePage.SignInAsync(browser.Browser, host, "sofia");
        await supervisor.Page.GotoAsync("/console/supervisor.html");
        await Expect(supervisor.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(console.Page.Locator("#statistics .hotline-silent")).ToHaveTextAsync(
            "Nothing can be sent to 3, queued or taken (2 critical): 2 quiet, 1 opted out");
        await Expect(supervisor.Page.Locator("#overview-cannot-be-written-to .stat dd")).ToHaveTextAsync("2");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by a newcomer: two taken cases whose person used the discreet word or sent STOP were "Being answered 2" on the
    /// supervisor's card, "Being answered" beside "no reply can be sent" in its table, and "2 being answered" in the header,
    /// though nobody can answer them. They are counted, and named, as taken with nothing to send.
    /// </summary>
    [Fact]
    public async Task A_taken_case_whose_person_went_quiet_or_opted_out_is_not_called_being_answered_on_the_supervisor_view_or_the_header()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AddUserAsync("sofia", UserRole.Supervisor, "en");
        var bilal = await host.AddUserAsync("bilal", UserRole.Caseworker, "en");
        var takenOptedOut = await host.SeedCaseAsync("en", PriorityBand.Critical, "immediate_danger");
        var takenQuiet = await host.SeedCaseAsync("en", PriorityBand.Low, "excessive_overtime");
        var queue = host.Services.GetRequiredService<CaseQueue>();
        foreach (var caseId in new[] { takenOptedOut, takenQuiet })
        {
            await queue.ClaimAsync(caseId, bilal.Id, TimeSpan.FromMinutes(30), TestContext.Current.CancellationToken);
        }
        await SetConversationStatusAsync(host, takenOptedOut, "OptedOut");
        await SetConversationStatusAsync(host, takenQuiet, "Quiet");

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await using var supervisor = await ConsolePage.SignInAsync(browser.Browser, host, "sofia");
        await supervisor.Page.SetViewportSizeAsync(1366, 768);
        await supervisor.Page.GotoAsync("/console/supervisor.html");
        await Expect(supervisor.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(console.Page.Locator("#statistics .hotline-wide")).ToHaveTextAsync("Whole hotline: 0 waiting, 0 being answered");
        await Expect(console.Page.Locator("#statistics .hotline-silent")).ToHaveTextAsync(
            "Nothing can be sent to 2, queued or taken (1 critical): 1 quiet, 1 opted out");
        await Expect(supervisor.Page.Locator("#overview-open-cases .stat")).ToHaveTextAsync([
            "In the queue, waiting for a reply0", "Back in the queue, answered0", "In the queue, quiet until it is safe to write0",
            "In the queue, opted out (STOP)0", "Taken, the person waiting for a reply0", "Being answered0",
            "Taken, nothing can be sent to them now2"]);
        await Expect(supervisor.Page.Locator($"#overview-cases tr[data-case-id='{takenQuiet}'] td").Nth(4)).ToHaveTextAsync("Taken, quiet");
        await Expect(supervisor.Page.Locator($"#overview-cases tr[data-case-id='{takenOptedOut}'] td").Nth(4)).ToHaveTextAsync("Taken, opted out");
        await Screenshots.TakeAsync(supervisor.Page, "supervisor-taken-quiet");
        Assert.Empty(console.ScriptErrors);
        Assert.Empty(supervisor.ScriptErrors);
    }

    /// <summary>
    /// At 1366x768, with every figure there can be (all four bands waiting, people in taken cases, a wait over an hour, people
    /// nobody can write to), each of the header's figures is one line, the whole hotline's included, and the bar's own items sit
    /// on one line beside them. Found by a review: the whole hotline's line wrapped to two ("0 being" / "answered, oldest 1 h
    /// 17 min") and "Nothing can be sent" crowded it, and the header grew to 113 px.
    /// </summary>
    /// <remarks>
    /// The supervisor's header has more links beside it (the newcomer's walk found her line running on under the "Live" badge,
    /// the bands held at 4.5em and padded with blank): the line's text must fit its own box, which must end before the bar's items.
    /// </remarks>
    [Theory]
    [InlineData(null, "amira")]
    [InlineData("DejaVu Sans", "amira")]
    [InlineData("DejaVu Sans", "maria")]
    public async Task At_1366x768_the_headers_whole_hotline_line_with_all_four_bands_and_a_long_wait_is_one_line(string? font, string userName)
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AddUserAsync("maria", UserRole.Supervisor, "en");
        var bilal = await host.AddUserAsync("bilal", UserRole.Caseworker, "en");
        foreach (var band in new[] { PriorityBand.Critical, PriorityBand.High, PriorityBand.Medium, PriorityBand.Low, PriorityBand.Medium, PriorityBand.Low })
        {
            await host.SeedCaseAsync("en", band, "withholding_of_wages");
        }

        await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        await host.Services.GetRequiredService<CaseQueue>().ClaimNextAsync(bilal.Id, TimeSpan.FromMinutes(30), TestContext.Current.CancellationToken);
        var quiet = await host.SeedCaseAsync("en", PriorityBand.Critical, "physical_and_sexual_violence");
        var optedOut = await host.SeedCaseAsync("en", PriorityBand.Low, "excessive_overtime");
        await SetConversationStatusAsync(host, quiet, "Quiet");
        await SetConversationStatusAsync(host, optedOut, "OptedOut");
        // A wait over an hour: every case queued 1 h 17 min ago.
        await host.App.ExecuteAsync("UPDATE Cases SET QueuedAt = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-77 minutes')");
        await using var console = await ConsolePage.OpenAsync(browser.Browser, host);
        if (font is not null)
        {
            await console.Context.RouteAsync("**/console/styles.css", async route =>
            {
                var response = await route.FetchAsync();
                await route.FulfillAsync(new()
                {
                    Response = response,
                    Body = await response.TextAsync() + $"\nbody, button, input, select, textarea {{ font-family: \"{font}\"; }}\n",
                });
            });
        }

        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.SubmitSignInAsync(userName);
        await console.WaitUntilHomeAsync();

        await Expect(console.Page.Locator("#statistics .hotline-wide")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
            @"^Whole hotline: 7 waiting \(1 critical, 2 high, 2 medium, 2 low; 1 taken\)"));
        await Expect(console.Page.Locator("#statistics .hotline-silent")).ToContainTextAsync("Nothing can be sent to 2");
        var figures = await LinesOfAsync(console.Page, "#statistics > span");
        var items = await LinesOfAsync(console.Page, "header.top h1, #connection, header.top nav a, #who, #change-password, #signout button");
        var height = await console.Page.Locator("header.top").EvaluateAsync<double>("header => header.getBoundingClientRect().height");
        Directory.CreateDirectory(Screenshots.Folder);
        await console.Page.Locator("header.top").ScreenshotAsync(new()
        {
            Path = Path.Combine(Screenshots.Folder, $"console-header-four-bands-{userName}{(font is null ? "" : "-" + font.Replace(' ', '-'))}.png"),
        });
        TestContext.Current.TestOutputHelper?.WriteLine($"header {height} px: {await console.Page.Locator("header.top").InnerTextAsync()}");

        Assert.All(figures.Concat(items), item => Assert.Equal(1, item[1]));
        var wide = (await console.Page.Locator("#statistics .hotline-wide").BoundingBoxAsync())!;
        var live = (await console.Page.Locator("#connection").BoundingBoxAsync())!;
        Assert.True(wide.X + wide.Width <= live.X, $"The whole hotline's line runs under the bar's items (to {wide.X + wide.Width:0} px; they start at {live.X:0} px).");
        var widths = await console.Page.Locator("#statistics .hotline-wide").EvaluateAsync<double[]>("line => [line.scrollWidth, line.clientWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"The whole hotline's line is wider than its box ({widths[0]:0} px of text in {widths[1]:0} px).");
        var middles = items.Select(item => item[0]).ToList();
        Assert.True(middles.Max() - middles.Min() <= 4, $"The bar's items sit on more than one line (their middles span {middles.Max() - middles.Min():0} px).");
        // Three lines of figures (hers, the whole hotline's, nobody can be written to), no more: the fourth made it 113 px.
        Assert.InRange(height, 40, 100);
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>The vertical middle of each of <paramref name="selector"/>'s elements, and how many lines its own text takes.</summary>
    private static Task<double[][]> LinesOfAsync(IPage page, string selector) =>
        page.EvaluateAsync<double[][]>("""
            selector => [...document.querySelectorAll(selector)].map(item => {
              const box = item.getBoundingClientRect();
              const range = document.createRange();
              range.selectNodeContents(item);
              // Text boxes of one line may start a fraction of a pixel apart: a new line starts more than 4 px lower.
              const tops = [...range.getClientRects()].map(r => r.top).sort((a, b) => a - b);
              const lines = tops.filter((top, i) => i === 0 || top - tops[i - 1] > 4).length;
              return [box.top + box.height / 2, lines];
            })
            """, selector);

    /// <summary>What the discreet word or STOP does to the person's conversation, without the messages that lead there.</summary>
    private static Task SetConversationStatusAsync(ConsoleHost host, Guid caseId, string status) =>
        host.App.ExecuteAsync($"UPDATE Conversations SET Status = '{status}' WHERE Id = (SELECT ConversationId FROM Cases WHERE Id = '{caseId}')");

    [Fact]
    public async Task The_queue_lists_a_person_waiting_for_a_reply_above_a_more_urgent_case_answered_with_nothing_new_as_take_next_does()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var answered = await host.SeedCaseAsync("en", PriorityBand.Critical, "physical_and_sexual_violence");
        var waiting = await host.SeedCaseAsync("en", PriorityBand.Low, "first_contact");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        await console.SendReplyAsync("We are here. Are you safe where you are now?");

        await console.ReleaseAsync();

        await Expect(console.Item("queue", answered)).ToContainTextAsync("Answered before");
        var order = await console.Waiting.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.caseId)");
        Assert.Equal([waiting.ToString(), answered.ToString()], order);
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task The_supervisor_view_counts_people_nobody_can_write_to_apart_and_says_why_instead_of_a_wait()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("sofia", UserRole.Supervisor, "en");
        await QueueQuietOptedOutAndWaitingAsync(host);
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "sofia");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/supervisor.html");

        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        var statistics = console.Page.Locator("#overview-statistics .stat");
        await Expect(statistics.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Waiting for a reply") }).Locator("dd")).ToHaveTextAsync("1");
        await Expect(statistics.Filter(new() { HasText = "In the queue, quiet until it is safe to write" }).Locator("dd")).ToHaveTextAsync("1");
        await Expect(statistics.Filter(new() { HasText = "In the queue, opted out (STOP)" }).Locator("dd")).ToHaveTextAsync("1");
        var rows = console.Page.Locator("#overview-cases tr[data-case-id]");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0).Locator("td").Nth(4)).ToHaveTextAsync("Waiting");
        await Expect(rows.Nth(1).Locator("td").Nth(4)).ToHaveTextAsync("In the queue, quiet");
        await Expect(rows.Nth(1).Locator("td").Nth(6)).ToHaveTextAsync("no reply can be sent");
        await Expect(rows.Nth(1).Locator(".conversation-status")).ToHaveTextAsync(
            "Quiet: The person used the discreet word. Nothing can be sent until they say it is safe to write.");
        await Expect(rows.Nth(2).Locator("td").Nth(4)).ToHaveTextAsync("In the queue, opted out");
        await Expect(rows.Nth(2).Locator("td").Nth(6)).ToHaveTextAsync("no reply can be sent");
        await Screenshots.TakeAsync(console.Page, "supervisor-quiet-and-opted-out");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>Three people ask for a person by SMS: one uses the discreet word, one sends STOP, and the last waits.</summary>
    private static async Task QueueQuietOptedOutAndWaitingAsync(ConsoleHost host)
    {
        var quiet = host.NextPhone();
        await host.AskForPersonBySmsAsync(quiet, "hello, I need help");
        await host.PostSmsAsync(quiet, "recipe");
        var optedOut = host.NextPhone();
        await host.AskForPersonBySmsAsync(optedOut, "hello, I need help");
        await host.PostSmsAsync(optedOut, "STOP");
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, I need help");
    }

    /// <summary>The words sit inside their card, not cut off or spilling past it, at the laptop size caseworkers use.</summary>
    private static async Task ExpectInsideAsync(ILocator inner, ILocator outer)
    {
        var words = (await inner.BoundingBoxAsync())!;
        var card = (await outer.BoundingBoxAsync())!;
        Assert.InRange(words.X, card.X, card.X + card.Width);
        Assert.InRange(words.X + words.Width, card.X, card.X + card.Width + 0.5);
        Assert.InRange(words.Y + words.Height, card.Y, card.Y + card.Height + 0.5);
    }
}
