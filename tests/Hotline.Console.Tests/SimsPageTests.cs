using System.Text;

namespace Hotline.Console.Tests;

/// <summary>What an admin sees of the SIM import at 1366x768: a file in, how many were imported and which rows were not.</summary>
public sealed class SimsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_imports_a_file_and_sees_the_rows_not_imported_with_their_lines()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "SIM cards" }).ClickAsync();
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await console.Page.GetByLabel("CSV file of issued SIMs").SetInputFilesAsync(new FilePayload
        {
            Name = "issued.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("phone_number,language,issued_on,programme\n+9779812345678,ne,2026-11-30,Arrivals\nnot a number,ne,2026-11-30,Arrivals\n+639171234567,fil,2026-11-30,Arrivals\n"),
        });
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("Imported 2 SIMs; 1 row not imported, listed below.");
        await Expect(console.Page.Locator("#rejected-rows tr")).ToHaveCountAsync(1);
        await Expect(console.Page.Locator("#rejected-rows tr td").First).ToHaveTextAsync("3");
        Assert.Equal(2, await host.App.CountAsync("SELECT COUNT(*) FROM IssuedSims"));
        await Screenshots.TakeAsync(console.Page, "sim-cards");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_file_with_the_wrong_first_line_is_refused_whole_with_the_reason()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.GotoAsync("/console/sims.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await console.Page.GetByLabel("CSV file of issued SIMs").SetInputFilesAsync(new FilePayload
        {
            Name = "issued.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("number,lang\n+9779812345678,ne\n"),
        });
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("Line 1 must be the header 'phone_number,language,issued_on,programme'.");
        await Expect(console.Page.Locator("#rejected")).ToBeHiddenAsync();
        Assert.Equal(0, await host.App.CountAsync("SELECT COUNT(*) FROM IssuedSims"));
    }

    /// <summary>Found by a review: the page decoded the file itself, so a spreadsheet's Windows-1252 "São" was imported as "S\uFFFDo".</summary>
    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_with_the_advice_to_save_it_as_utf8()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.GotoAsync("/console/sims.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await console.Page.GetByLabel("CSV file of issued SIMs").SetInputFilesAsync(new FilePayload
        {
            Name = "issued.csv", MimeType = "text/csv",
            Buffer = [.. Encoding.ASCII.GetBytes("phone_number,language,issued_on,programme\n+9779812345678,ne,2026-11-30,S"), 0xE3, (byte)'o', (byte)'\n'],
        });
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(console.Page.Locator("#status-message")).ToContainTextAsync("The file is not UTF-8");
        Assert.Equal(0, await host.App.CountAsync("SELECT COUNT(*) FROM IssuedSims"));
    }

    [Fact]
    public async Task A_caseworker_opening_the_sim_page_is_told_it_is_for_administrators()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await console.Page.GotoAsync("/console/sims.html");

        await Expect(console.Page.Locator("#not-for-role")).ToHaveTextAsync("Only administrators import issued SIM cards. Your role: Caseworker.");
    }
}
