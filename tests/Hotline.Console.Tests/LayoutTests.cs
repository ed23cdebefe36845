namespace Hotline.Console.Tests;

public sealed class LayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1366, 768)]
    [InlineData(1024, 768)]
    public async Task The_case_screen_fits_the_width_without_sideways_scrolling(int width, int height)
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en", "ar");
        await host.SeedCaseAsync("en", PriorityBand.High, "retention_of_identity_documents", "withholding_of_wages", "debt_bondage");
        await host.AskForPersonBySmsAsync(host.NextPhone(), "مرحبا، صاحب العمل أخذ جواز سفري ولا أستطيع الخروج من البيت");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(width, height);
        await console.TakeNextCaseAsync();
        await Expect(console.Page.Locator("#case")).ToBeVisibleAsync();

        var overflow = await console.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");

        await Screenshots.TakeAsync(console.Page, $"case-{width}x{height}");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a {width}px window.");
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1280, 800)]
    public async Task A_taken_case_shows_the_conversation_and_the_reply_box_without_scrolling_and_its_actions_before_referrals(int width, int height)
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, my employer took my passport and I cannot leave the house");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(width, height);

        await console.TakeNextCaseAsync();
        await Expect(console.Page.Locator("#reply-body")).ToBeVisibleAsync();
        await Expect(console.Page.Locator("#reply-body")).ToBeEnabledAsync();
        await Screenshots.TakeAsync(console.Page, $"case-taken-{width}x{height}");

        var transcript = (await console.Page.Locator("#transcript").BoundingBoxAsync())!;
        var reply = (await console.Page.Locator("#reply-body").BoundingBoxAsync())!;
        var send = (await console.Page.Locator("#reply-send").BoundingBoxAsync())!;
        var actions = (await console.Page.Locator("#case-actions").BoundingBoxAsync())!;
        var referrals = (await console.Page.Locator("#referrals-section").BoundingBoxAsync())!;
        Assert.InRange(transcript.Y, 0, height - 40);
        Assert.InRange(reply.Y + reply.Height, 0, height);
        Assert.InRange(send.Y + send.Height, 0, height);
        Assert.True(actions.Y < referrals.Y, $"The case actions start at {actions.Y}px, below the referrals at {referrals.Y}px.");
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1280, 800)]
    public async Task A_taken_case_offers_closing_on_the_first_screen_and_referring_and_transferring_one_click_away(int width, int height)
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.SeedCaseAsync("en", PriorityBand.High, "retention_of_identity_documents", "withholding_of_wages", "debt_bondage", "isolated");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(width, height);

        await console.TakeNextCaseAsync();
        await Expect(console.Page.Locator("#reply-body")).ToBeVisibleAsync();
        await Expect(console.Page.Locator("#reply-body")).ToBeEnabledAsync();
        var fullyInView = new LocatorAssertionsToBeInViewportOptions { Ratio = 1 };
        await Screenshots.TakeAsync(console.Page, $"case-actions-{width}x{height}");

        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Close case" })).ToBeInViewportAsync(fullyInView);
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" })).ToBeInViewportAsync(fullyInView);
        await console.Page.Locator("summary", new() { HasText = "Propose a referral" }).ClickAsync();
        await Expect(console.Page.GetByLabel("Service")).ToBeVisibleAsync();
        await console.Page.Locator("summary", new() { HasText = "Release or transfer" }).ClickAsync();
        await Expect(console.Page.GetByLabel("Transfer to a colleague")).ToBeVisibleAsync();
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Release to the queue" })).ToBeVisibleAsync();
        Assert.Equal(0, await console.Page.EvaluateAsync<int>("window.scrollY"));
    }

    [Fact]
    public async Task At_1366x768_changing_an_account_brings_its_form_with_the_save_button_into_view()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("ines", UserRole.Admin, "en");
        foreach (var name in new[] { "amira", "bilal", "chen", "dara", "eli", "farah", "gita", "hana", "ivan", "jo", "kofi", "lena", "mina", "ravi" })
        {
            await host.AddUserAsync(name, UserRole.Caseworker, "en");
        }

        await using var admin = await ConsolePage.SignInAsync(browser.Browser, host, "ines");
        await admin.Page.SetViewportSizeAsync(1366, 768);
        await admin.Page.GotoAsync("/console/accounts.html");
        await Expect(admin.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Change ravi" }).ClickAsync();

        await Expect(admin.Page.Locator("#form-title")).ToHaveTextAsync("Change ravi");
        await Expect(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Save role and languages" })).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(admin.Page.GetByLabel("Role")).ToBeFocusedAsync();
        await Expect(admin.Page.Locator("#form-title")).ToBeInViewportAsync();
    }

    /// <summary>
    /// The admin's top bar holds the most views of any role: at 1366x768 it stays one line, "Sign out" beside the rest, in this
    /// machine's font and in DejaVu Sans, the wider one a Debian desktop gives <c>system-ui</c>. Found by a newcomer: "Sign out"
    /// wrapped to a second line on every admin page and the bar grew to 94 px. Her own pages list six views (all but the one
    /// she is on); a page not for her role (the supervisor view, a partner's referrals, opened from a link) lists all seven,
    /// beside that page's own longer title: there the bar wrapped to two lines until the items' gaps were tightened.
    /// </summary>
    [Theory]
    [InlineData("partners.html", null)]
    [InlineData("accounts.html", null)]
    [InlineData("statistics.html", null)]
    [InlineData("audit.html", null)]
    [InlineData("sims.html", null)]
    [InlineData("erase.html", null)]
    [InlineData("translations.html", null)]
    [InlineData("partners.html", "DejaVu Sans")]
    [InlineData("accounts.html", "DejaVu Sans")]
    [InlineData("statistics.html", "DejaVu Sans")]
    [InlineData("audit.html", "DejaVu Sans")]
    [InlineData("sims.html", "DejaVu Sans")]
    [InlineData("erase.html", "DejaVu Sans")]
    [InlineData("translations.html", "DejaVu Sans")]
    [InlineData("supervisor.html", null)]
    [InlineData("partner.html", null)]
    [InlineData("supervisor.html", "DejaVu Sans")]
    [InlineData("partner.html", "DejaVu Sans")]
    public async Task At_1366x768_the_admins_top_bar_is_one_line_on_every_page_she_can_open(string page, string? font)
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var admin = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amina", UserRole.Admin, "en");
        if (font is not null)
        {
            // As on a machine whose system-ui is that font: the console's own stylesheet, with the font put first.
            await admin.Context.RouteAsync("**/console/styles.css", async route =>
            {
                var response = await route.FetchAsync();
                await route.FulfillAsync(new()
                {
                    Response = response,
                    Body = await response.TextAsync() + $"\nbody, button, input, select, textarea {{ font-family: \"{font}\"; }}\n",
                });
            });
        }

        await admin.Page.SetViewportSizeAsync(1366, 768);
        await admin.Page.GotoAsync($"/console/{page}");
        await Expect(admin.Page.Locator("#signout button")).ToBeVisibleAsync();
        // Her seven views, less the page she is on when it is one of them.
        await Expect(admin.Page.Locator("header.top nav a")).ToHaveCountAsync(page is "supervisor.html" or "partner.html" ? 7 : 6);

        // Each item's vertical middle, and how many lines its own text takes.
        var items = await admin.Page.Locator("header.top").EvaluateAsync<double[][]>("""
            header => [...header.querySelectorAll("h1, nav a, #who, #change-password, #signout button")].map(item => {
              const box = item.getBoundingClientRect();
              const range = document.createRange();
              range.selectNodeContents(item);
              const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
              return [box.top + box.height / 2, lines];
            })
            """);
        var height = await admin.Page.Locator("header.top").EvaluateAsync<double>("header => header.getBoundingClientRect().height");

        Directory.CreateDirectory(Screenshots.Folder);
        await admin.Page.Locator("header.top").ScreenshotAsync(new()
        {
            Path = Path.Combine(Screenshots.Folder, $"admin-header-{page.Replace(".html", "", StringComparison.Ordinal)}{(font is null ? "" : "-" + font.Replace(' ', '-'))}.png"),
        });
        Assert.All(items, item => Assert.Equal(1, item[1]));
        var middles = items.Select(item => item[0]).ToList();
        Assert.True(middles.Max() - middles.Min() <= 4, $"The top bar's items sit on more than one line (their middles span {middles.Max() - middles.Min():0} px).");
        Assert.InRange(height, 40, 64);
    }

    [Fact]
    public async Task At_1366x768_the_supervisor_views_column_headings_each_sit_on_one_line()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AskForPersonBySmsAsync(host.NextPhone(), "My employer keeps my passport and has not paid me for three months, I cannot leave");
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "sofia", UserRole.Supervisor, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GotoAsync("/console/supervisor.html");
        await Expect(console.Page.Locator("#overview-cases tr[data-case-id]")).ToHaveCountAsync(1);

        var lines = await console.Page.Locator("#overview thead th").EvaluateAllAsync<int[]>("""
            headings => headings.map(th => { const range = document.createRange(); range.selectNodeContents(th); return range.getClientRects().length; })
            """);

        Assert.All(lines, count => Assert.Equal(1, count));
        Assert.Equal(1, await console.Page.GetByRole(AriaRole.Columnheader, new() { Name = "Waiting for a reply" })
            .EvaluateAsync<int>("th => { const range = document.createRange(); range.selectNodeContents(th); return range.getClientRects().length; }"));
    }
}
