namespace Hotline.Console.Tests;

/// <summary>A double click on an action acts once and shows what happened, not a false error.</summary>
public sealed class DoubleClickTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_double_click_on_add_note_adds_one_note()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        var page = console.Page;
        await page.Locator("#note-body").FillAsync("Called the embassy; they will call back.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).DblClickAsync();

        await Expect(page.Locator("#notes li.note")).ToHaveCountAsync(1);
        await Expect(page.Locator("#case-refusal")).ToBeHiddenAsync();
        Assert.Equal(1, await CountAsync(host, "SELECT COUNT(*) FROM CaseNotes"));
    }

    [Fact]
    public async Task A_double_click_on_send_reply_texts_the_person_once()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, I need help");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        var page = console.Page;
        const string reply = "We are here. Are you safe to talk now?";
        await page.Locator("#reply-body").FillAsync(reply);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).DblClickAsync();

        await Expect(page.Locator(".message.outbound").Filter(new() { HasText = reply })).ToHaveCountAsync(1);
        await Expect(page.Locator("#case-refusal")).ToBeHiddenAsync();
        Assert.Equal(1, await CountAsync(host, "SELECT COUNT(*) FROM Messages WHERE AuthorUserId IS NOT NULL"));
    }

    [Fact]
    public async Task After_a_reply_is_sent_the_box_is_empty_and_send_reply_is_greyed_until_something_is_written()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, I need help");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();

        await console.SendReplyAsync("We are here. Are you safe to talk now?");

        await Expect(console.Page.Locator("#reply-body")).ToHaveValueAsync("");
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" })).ToBeDisabledAsync();
    }

    private static async Task<long> CountAsync(ConsoleHost host, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabaseFile}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
