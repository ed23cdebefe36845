namespace Hotline.Console.Tests;

/// <summary>A chat conversation has no SMS parts: the console does not count them there.</summary>
public sealed class ChatCaseTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_reply_box_of_a_chat_case_counts_characters_and_no_sms_parts()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await TakeAChatCaseAsync(host);

        await console.Page.Locator("#reply-body").FillAsync("Are you safe to talk now?");

        await Expect(console.Page.Locator("#reply-counter")).ToHaveTextAsync("25 / 1600 characters");
    }

    [Fact]
    public async Task A_reply_in_a_chat_case_is_not_labelled_as_an_sms()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await TakeAChatCaseAsync(host);

        await console.Page.Locator("#reply-body").FillAsync("Are you safe to talk now?");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        var reply = console.Page.Locator(".message.outbound").Filter(new() { HasText = "Are you safe to talk now?" });
        await Expect(reply.Locator(".message-author")).ToHaveTextAsync("You");
        await Expect(reply.Locator(".message-meta")).Not.ToContainTextAsync("SMS");
    }

    /// <summary>A person writes from a chat app; Amira signs in at 1366x768 and takes their case.</summary>
    private async Task<ConsolePage> TakeAChatCaseAsync(ConsoleHost host)
    {
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.SeedChatCaseAsync("en", PriorityBand.High);
        var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.TakeNextCaseAsync();
        return console;
    }
}
