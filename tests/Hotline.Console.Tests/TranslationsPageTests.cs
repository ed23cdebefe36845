namespace Hotline.Console.Tests;

/// <summary>What a translation reviewer sees at 1366x768: each text beside the English, a correction saved or refused with its reason, the language marked reviewed.</summary>
public sealed class TranslationsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Corrected = "Je, uko hatarini sasa? 1 Ndiyo 2 Hapana";

    [Fact]
    public async Task A_reviewer_corrects_a_text_sees_a_refusal_explained_and_marks_the_language_reviewed()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "baraka", UserRole.Reviewer, "sw");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        var danger = console.Page.Locator("tr[data-text='intake/danger']");
        await Expect(danger.Locator("td").First).ToHaveTextAsync("Are you in danger right now? 1 Yes 2 No");
        await Expect(console.Page.Locator("#review-state")).ToHaveTextAsync("Not reviewed: machine-drafted or changed since the last review");

        await danger.Locator("textarea").FillAsync(Corrected);
        await danger.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("Saved \"danger\". New conversations use it now.");
        var help = console.Page.Locator("tr[data-text='intake/danger_help']");
        await help.Locator("textarea").FillAsync("Piga simu sasa.");
        await help.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var refusal = help.GetByRole(AriaRole.Alert);
        await Expect(refusal).ToHaveTextAsync("Not saved: danger_help: must keep {emergency_number} exactly as written, brackets included (the hotline fills it in when it sends the text).");
        await Expect(refusal).ToBeInViewportAsync();
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Mark reviewed" }).ClickAsync();

        await Expect(console.Page.Locator("#review-state")).ToContainTextAsync("Reviewed by baraka");
        await Screenshots.TakeAsync(console.Page, "translations");
        await console.Page.ReloadAsync();
        await Expect(console.Page.Locator("tr[data-text='intake/danger'] textarea")).ToHaveValueAsync(Corrected);
        await Expect(console.Page.Locator("tr[data-text='intake/danger'] .muted").Last).ToContainTextAsync("Corrected by baraka");
        Assert.Equal(2, await host.App.CountAsync("SELECT COUNT(*) FROM TranslationRevisions"));
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_reviewer_reads_another_language_but_is_not_offered_to_change_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "baraka", UserRole.Reviewer, "sw");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await console.Page.Locator("#language").SelectOptionAsync("hi");

        var danger = console.Page.Locator("tr[data-text='intake/danger']");
        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("You review Swahili (sw): this language is shown read only.");
        await Expect(danger.Locator("textarea")).Not.ToBeEditableAsync();
        await Expect(danger.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeHiddenAsync();
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Mark reviewed" })).ToBeHiddenAsync();
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task The_admin_opens_the_translations_from_the_partner_directory()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Translations" }).ClickAsync();

        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        await Expect(console.Page.Locator("#language option")).ToHaveCountAsync(13);
        await Expect(console.Page.Locator("tr[data-text='canned-reply/safe_to_write'] td").First).ToHaveTextAsync("Is it safe for you to write now?");
    }
}
