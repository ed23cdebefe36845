namespace Hotline.Console.Tests;

/// <summary>The Development phone simulator as a newcomer uses it, in a real browser at 1366x768.</summary>
public sealed class SimulatorPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task While_another_number_is_typed_the_previous_numbers_thread_is_not_shown()
    {
        await using var host = await ConsoleHost.StartAsync();
        var first = host.NextPhone();
        await host.PostSmsAsync(first, "hello");
        await using var simulator = await OpenAsync(host, first);
        await Expect(simulator.Page.Locator("#transcript .line.Inbound")).ToHaveTextAsync("hello");

        await simulator.Page.Locator("#from").FillAsync("+977");

        await Expect(simulator.Page.Locator("#transcript .line")).ToHaveCountAsync(0);
        Assert.Empty(simulator.ScriptErrors);
    }

    [Fact]
    public async Task A_long_thread_scrolls_inside_its_box_showing_the_newest_message_and_the_message_field_stays_in_view()
    {
        await using var host = await ConsoleHost.StartAsync();
        var phone = host.NextPhone();
        foreach (var answer in new[] { "hello", "1", "2", "2", "1", "1", "2", "2", "2", "2", "Dubai" })
        {
            await host.PostSmsAsync(phone, answer);
        }

        await using var simulator = await OpenAsync(host, phone);

        await Expect(simulator.Page.Locator("#transcript .line.Inbound").Last).ToHaveTextAsync("Dubai");
        await Expect(simulator.Page.Locator("#transcript .line").Last).ToBeInViewportAsync();
        var field = await simulator.Page.Locator("#body").BoundingBoxAsync();
        Assert.True(field!.Y + field.Height <= 768, $"The message field ends at {field.Y + field.Height} px, below the 768 px window.");
        Assert.Empty(simulator.ScriptErrors);
    }

    [Fact]
    public async Task A_message_sent_from_the_chat_simulator_gets_its_reply_and_no_request_of_the_page_fails()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var simulator = await ConsolePage.OpenAsync(browser.Browser, host);
        var failed = new List<string>();
        simulator.Page.RequestFailed += (_, request) => failed.Add($"{request.Method} {request.Url}: {request.Failure}");
        await simulator.Page.GotoAsync("/simulator/chat/");

        await simulator.Page.Locator("#body").FillAsync("hello");
        await simulator.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(simulator.Page.Locator("#transcript .line.Outbound").Last)
            .ToContainTextAsync("Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person.");
        Assert.Empty(failed);
        Assert.Empty(simulator.ScriptErrors);
    }

    [Fact]
    public async Task The_chat_simulator_keeps_its_person_and_language_across_a_reload_and_starts_over_only_on_new_person()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var simulator = await ConsolePage.OpenAsync(browser.Browser, host);
        var page = simulator.Page;
        await page.GotoAsync("/simulator/chat/");
        await page.GetByLabel("Language").SelectOptionAsync("ar-SA");
        await page.Locator("#body").FillAsync("hello");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator("#transcript .line.Outbound")).Not.ToHaveCountAsync(0);
        var person = await page.GetByLabel("User id").InputValueAsync();

        await page.ReloadAsync();

        await Expect(page.GetByLabel("User id")).ToHaveValueAsync(person);
        await Expect(page.GetByLabel("Language")).ToHaveValueAsync("ar-SA");
        await Expect(page.Locator("#transcript .line.Inbound").First).ToHaveTextAsync("hello");

        await page.GetByRole(AriaRole.Button, new() { Name = "New person" }).ClickAsync();

        await Expect(page.GetByLabel("User id")).Not.ToHaveValueAsync(person);
        await Expect(page.GetByLabel("Language")).ToHaveValueAsync("en-US");
        await Expect(page.Locator("#transcript .line")).ToHaveCountAsync(0);

        // The earlier person, typed back, comes back with their language; one this page never played is said to be unknown.
        await page.GetByLabel("User id").FillAsync(person);
        await Expect(page.GetByLabel("Language")).ToHaveValueAsync("ar-SA");
        await Expect(page.Locator("#transcript .line.Inbound").First).ToHaveTextAsync("hello");
        await Expect(page.Locator("#language-unknown")).ToBeHiddenAsync();
        await page.GetByLabel("User id").FillAsync("user_from_another_tab");
        await Expect(page.GetByLabel("Language")).ToHaveValueAsync("");
        await Expect(page.Locator("#language-unknown")).ToHaveTextAsync("This page does not know the language of this user id: choose it.");
        Assert.Empty(simulator.ScriptErrors);
    }

    [Fact]
    public async Task The_chat_simulator_opened_in_a_new_tab_goes_on_with_the_last_person()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var simulator = await ConsolePage.OpenAsync(browser.Browser, host);
        await simulator.Page.GotoAsync("/simulator/chat/");
        await simulator.Page.GetByLabel("Language").SelectOptionAsync("ne-NP");
        await simulator.Page.Locator("#body").FillAsync("hello");
        await simulator.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(simulator.Page.Locator("#transcript .line.Inbound")).ToHaveCountAsync(1);
        var person = await simulator.Page.GetByLabel("User id").InputValueAsync();
        await simulator.Page.CloseAsync();

        var tab = await simulator.Context.NewPageAsync();
        await tab.GotoAsync("/simulator/chat/");

        await Expect(tab.GetByLabel("User id")).ToHaveValueAsync(person);
        await Expect(tab.GetByLabel("Language")).ToHaveValueAsync("ne-NP");
        await Expect(tab.Locator("#transcript .line.Inbound").First).ToHaveTextAsync("hello");
    }

    [Fact]
    public async Task A_long_chat_scrolls_inside_its_box_and_the_chat_simulators_message_field_stays_in_view()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var simulator = await ConsolePage.OpenAsync(browser.Browser, host);
        var page = simulator.Page;
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync("/simulator/chat/");
        var answers = new[] { "hello", "1", "2", "2", "1", "1", "2", "2", "2", "2", "Dubai", "still here" };
        for (var i = 0; i < answers.Length; i++)
        {
            await page.Locator("#body").FillAsync(answers[i]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(page.Locator("#transcript .line.Inbound")).ToHaveCountAsync(i + 1);
            await Expect(page.Locator("#body")).ToHaveValueAsync("");
        }

        await Expect(page.Locator("#transcript .line.Inbound").Last).ToHaveTextAsync("still here");
        await Expect(page.Locator("#transcript .line").Last).ToBeInViewportAsync();
        var field = await page.Locator("#body").BoundingBoxAsync();
        Assert.True(field!.Y + field.Height <= 768, $"The message field ends at {field.Y + field.Height} px, below the 768 px window.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= innerHeight"), "The page itself scrolls.");
        Assert.Empty(simulator.ScriptErrors);
    }

    /// <summary>
    /// A newcomer tries the evidence path: with no Twilio account (as a fresh clone runs), the simulator sends a sample photo
    /// as an MMS, the media job fetches it from the host's own Twilio stand-in, and the console shows it with its GPS.
    /// </summary>
    [Fact]
    public async Task A_photo_sent_with_the_simulators_photo_button_shows_in_the_console_with_its_evidence_panel()
    {
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = null,
            ["Hotline:Media:SimulatorPhotos"] = "true",
        });
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var phone = host.NextPhone();
        await using var simulator = await OpenAsync(host, phone);
        foreach (var message in new[] { "hello", "0" })
        {
            await simulator.Page.Locator("#body").FillAsync(message);
            await simulator.Page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
            await Expect(simulator.Page.Locator("#body")).ToHaveValueAsync("");
        }

        await simulator.Page.Locator("#body").FillAsync("this is the door they lock");
        await simulator.Page.GetByRole(AriaRole.Button, new() { Name = "A locked door (JPEG with GPS)" }).ClickAsync();

        await Expect(simulator.Page.Locator("#transcript .line.Inbound").Last).ToContainTextAsync("📷 photo");
        await host.WaitForMediaAsync();
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Waiting.First.Locator("button").ClickAsync();
        var photo = console.Page.Locator("#transcript figure.attachment-kept");
        // Visible comes before loaded: the figure has its size from the page's style while the copy is still on its way.
        await Expect(photo.Locator("img.attachment-photo")).ToBeVisibleAsync();
        await Expect(photo.Locator("img.attachment-photo")).ToHaveJSPropertyAsync("naturalWidth", 640);
        var panel = photo.Locator(".evidence-panel");
        await Expect(panel).ToContainTextAsync("2026-11-28 09:15:42 (the device's clock)");
        await Expect(panel.Locator(".evidence-position")).ToHaveTextAsync("25.204800, 55.270800, 12.0 m");
        await Expect(panel).ToContainTextAsync("Hotline Phone simulator");
        Assert.Empty(simulator.ScriptErrors);
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>The simulator page at 1366x768, showing <paramref name="phone"/>'s thread.</summary>
    private async Task<ConsolePage> OpenAsync(ConsoleHost host, string phone)
    {
        var simulator = await ConsolePage.OpenAsync(browser.Browser, host);
        await simulator.Page.SetViewportSizeAsync(1366, 768);
        await simulator.Page.GotoAsync("/simulator/");
        await simulator.Page.Locator("#from").FillAsync(phone);
        return simulator;
    }
}
