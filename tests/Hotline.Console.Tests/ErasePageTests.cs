namespace Hotline.Console.Tests;

/// <summary>What an admin sees of erasure on request at 1366x768: a number in, counts out, never a case's content.</summary>
public sealed class ErasePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_erases_a_number_from_the_partner_directory_and_sees_only_counts()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Erase a person" }).ClickAsync();
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await console.Page.GetByLabel("Phone number").FillAsync("+447700900123");
        var asked = console.AnswerQuestions(accept: true);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Erase" }).ClickAsync();

        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("No personal data of this person is held: nothing was erased.");
        Assert.Equal(["Erase everything held about +447700900123? It cannot be undone."], asked);
        await Expect(console.Page.Locator("#counts tr")).ToHaveCountAsync(10);
        await Expect(console.Page.Locator("#counts tr").First).ToHaveTextAsync("Message texts0");
        await Screenshots.TakeAsync(console.Page, "erase-a-person");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_malformed_number_is_refused_with_the_reason_on_the_page()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GotoAsync("/console/erase.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await console.Page.GetByLabel("Phone number").FillAsync("07700 900123");
        console.AnswerQuestions(accept: true);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Erase" }).ClickAsync();

        await Expect(console.Page.Locator("#status-message")).ToContainTextAsync("is not a phone number in E.164 form");
        await Expect(console.Page.Locator("#removed")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task An_admin_who_declines_the_question_erases_nothing()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Erase a person" }).ClickAsync();
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        await console.Page.GetByLabel("Phone number").FillAsync("+447700900123");
        var dismissed = new TaskCompletionSource();
        console.Page.Dialog += async (_, dialog) =>
        {
            await dialog.DismissAsync();
            dismissed.TrySetResult();
        };

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Erase" }).ClickAsync();
        await dismissed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Erase" })).ToBeEnabledAsync();

        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("");
        Assert.Equal(0, await host.App.CountAsync("SELECT COUNT(*) FROM AuditEntries WHERE Action LIKE 'person.erase%'"));
    }

    [Fact]
    public async Task A_caseworker_opening_the_erase_page_is_told_it_is_for_administrators()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/erase.html");

        await Expect(console.Page.Locator("#not-for-role")).ToHaveTextAsync("Only administrators erase a person's data. Your role: Caseworker.");
        await Expect(console.Page.GetByRole(AriaRole.Link, new() { Name = "Go to the queue and cases" })).ToHaveAttributeAsync("href", "/console/");
    }
}
