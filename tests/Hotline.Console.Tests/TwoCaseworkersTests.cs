using static Microsoft.Playwright.Assertions;

namespace Hotline.Console.Tests;

public sealed class TwoCaseworkersTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_case_taken_by_one_caseworker_leaves_the_others_queue_live()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AddUserAsync("bilal", UserRole.Caseworker, "en");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        await using var amira = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await using var bilal = await ConsolePage.SignInAsync(browser.Browser, host, "bilal");
        await Expect(bilal.Item("queue", caseId)).ToBeVisibleAsync();

        await amira.Page.GetByRole(AriaRole.Button, new() { Name = "Take next case" }).ClickAsync();

        await Expect(amira.Item("my-cases", caseId)).ToBeVisibleAsync();
        await Expect(bilal.Waiting).ToHaveCountAsync(0);
        await Expect(bilal.Item("colleague-cases", caseId)).ToContainTextAsync("With amira");
    }

    [Fact]
    public async Task A_caseworker_is_told_when_a_colleague_opens_the_same_case()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AddUserAsync("bilal", UserRole.Caseworker, "en");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "threats");
        await using var amira = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await using var bilal = await ConsolePage.SignInAsync(browser.Browser, host, "bilal");
        await amira.Page.GetByRole(AriaRole.Button, new() { Name = "Take next case" }).ClickAsync();
        await Expect(amira.Page.Locator("#case")).ToBeVisibleAsync();

        await bilal.Page.Locator("details.colleague-cases summary").ClickAsync();
        await bilal.Item("colleague-cases", caseId).GetByRole(AriaRole.Button).ClickAsync();

        await Expect(amira.Page.Locator("#case-notices")).ToContainTextAsync("bilal has this case open too.");
        await Expect(bilal.Page.Locator("#reply-disabled")).ToContainTextAsync("Only amira can reply.");
    }

    [Fact]
    public async Task A_case_transferred_to_a_colleague_arrives_in_their_cases_live()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AddUserAsync("bilal", UserRole.Caseworker, "ar");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.Medium, "debt_bondage");
        await using var amira = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await using var bilal = await ConsolePage.SignInAsync(browser.Browser, host, "bilal");
        await amira.Page.GetByRole(AriaRole.Button, new() { Name = "Take next case" }).ClickAsync();
        await Expect(bilal.Mine).ToHaveCountAsync(0);

        await amira.Page.GetByLabel("Transfer to a colleague").SelectOptionAsync(new SelectOptionValue { Label = "bilal (ar)" });
        amira.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await amira.Page.Locator("#transfer-colleague-form").GetByRole(AriaRole.Button, new() { Name = "Transfer" }).ClickAsync();

        await Expect(amira.Page.Locator("#status-message")).ToHaveTextAsync("The case was transferred to bilal (ar).");
        await Expect(bilal.Item("my-cases", caseId)).ToBeVisibleAsync();
        await Expect(amira.Mine).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_case_transferred_to_a_language_group_moves_to_that_groups_queue_live()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AddUserAsync("bilal", UserRole.Caseworker, "ar");
        var caseId = await host.SeedCaseAsync("en", PriorityBand.High, "deception");
        await using var amira = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await using var bilal = await ConsolePage.SignInAsync(browser.Browser, host, "bilal");
        await amira.Page.GetByRole(AriaRole.Button, new() { Name = "Take next case" }).ClickAsync();
        await Expect(amira.Item("my-cases", caseId)).ToBeVisibleAsync();
        await Expect(bilal.Waiting).ToHaveCountAsync(0);

        await amira.Page.GetByLabel("Transfer to a language group").SelectOptionAsync("ar");
        amira.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await amira.Page.Locator("#transfer-language-form").GetByRole(AriaRole.Button, new() { Name = "Transfer" }).ClickAsync();

        await Expect(bilal.Item("queue", caseId)).ToContainTextAsync("Arabic");
        await Expect(amira.Page.Locator($"li[data-case-id='{caseId}']")).ToHaveCountAsync(0);
    }
}
