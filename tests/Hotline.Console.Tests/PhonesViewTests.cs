namespace Hotline.Console.Tests;

/// <summary>The phone's view in the console: for each reply, whether it reached the phone; and a banner when the person is not safe or discreet.</summary>
public sealed class PhonesViewTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Each_reply_says_whether_it_reached_the_phone_and_a_discreet_conversation_is_marked_and_closed_to_replies()
    {
        // The test sends the outbox itself, so that a reply can still be waiting when the person goes quiet.
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?> { ["Hotline:Outbox:RunDispatcher"] = "false" });
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var phone = host.NextPhone();
        await host.AskForPersonBySmsAsync(phone, "hello, I need help");
        await host.DispatchAllAsync();
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();

        await ReplyAsync(console, "We are here.");
        await host.DispatchAllAsync();
        await host.PostStatusCallbackAsync(Assert.Single(host.Twilio.Created, m => m.Body == "We are here."), "delivered");
        host.Twilio.FailNext(1, 400);
        await ReplyAsync(console, "Can you tell me where you work?");
        await host.DispatchAllAsync();
        await ReplyAsync(console, "Are you safe to talk now?");
        await host.PostSmsAsync(phone, "recipe");
        await host.DispatchAllAsync();

        await Expect(Status(console, "We are here.")).ToHaveTextAsync("Delivered");
        await Expect(Status(console, "Can you tell me where you work?")).ToHaveTextAsync("Failed");
        await Expect(Status(console, "Are you safe to talk now?")).ToHaveTextAsync("Not sent (cancelled)");
        await Expect(Reply(console, "Are you safe to talk now?").Locator(".delivery-error")).ToHaveTextAsync("The person used the discreet word.");
        await Expect(Status(console, "Sorry, wrong number.")).ToHaveTextAsync("Queued");
        await Expect(console.Page.Locator("#conversation-status")).ToHaveTextAsync(
            "Quiet: The person used the discreet word. Someone else may be reading their phone: nothing is sent to them until they say it is safe to write.");
        await Expect(console.Page.Locator("#reply-body")).ToBeDisabledAsync();
        await Expect(console.Page.Locator("#reply-disabled")).ToHaveTextAsync("Replies are off. Quiet: The person used the discreet word.");
        Assert.Equal(["Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person.",
            "OK. A person will write to you here in about 15 minutes.", "We are here.", "Sorry, wrong number."],
            host.Twilio.Created.Where(m => m.To == phone && m.Body != "Can you tell me where you work?").Select(m => m.Body));
        await Screenshots.TakeAsync(console.Page, "phones-view");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Found by a newcomer: the banner said "Quiet" after the person wrote again, until a reload, while the server already let
    /// replies through. Now the person is asked whether it is safe, the banner says so, and both lift live when they say it is.
    /// </summary>
    [Fact]
    public async Task After_the_discreet_word_the_open_case_shows_live_that_the_person_is_asked_whether_it_is_safe_and_then_that_it_is()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var phone = host.NextPhone();
        await host.AskForPersonBySmsAsync(phone, "hello, I need help");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        await ReplyAsync(console, "We are here.");
        await host.PostSmsAsync(phone, "ok");
        await host.PostSmsAsync(phone, "recipe");
        await Expect(console.Page.Locator("#reply-body")).ToBeDisabledAsync();

        await host.PostSmsAsync(phone, "hi it's me");

        await Expect(console.Page.Locator("#conversation-status")).ToHaveTextAsync(
            "Quiet: The person used the discreet word. They wrote again and are asked whether it is safe to write now. Someone else may be reading their phone: "
            + "nothing is sent to them until they say it is safe to write.");
        await Expect(console.Page.Locator("#reply-body")).ToBeDisabledAsync();

        await host.PostSmsAsync(phone, "1");

        await Expect(console.Page.Locator("#conversation-status")).ToContainTextAsync("The person said it is safe to write now");
        await Expect(console.Page.Locator("#reply-body")).ToBeEnabledAsync();
        Assert.Empty(console.ScriptErrors);
    }

    private static async Task ReplyAsync(ConsolePage console, string text)
    {
        await console.Page.Locator("#reply-body").FillAsync(text);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Expect(Reply(console, text)).ToHaveCountAsync(1);
    }

    private static ILocator Reply(ConsolePage console, string text) =>
        console.Page.Locator(".message.outbound").Filter(new() { HasText = text });

    private static ILocator Status(ConsolePage console, string text) => Reply(console, text).Locator(".delivery");
}
