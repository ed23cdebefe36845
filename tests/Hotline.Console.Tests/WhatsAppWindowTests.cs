using System.Text.RegularExpressions;

namespace Hotline.Console.Tests;

/// <summary>WhatsApp's 24-hour window, as a caseworker sees it at 1366x768: whether a reply can reach the person, and why not.</summary>
public sealed class WhatsAppWindowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Person = "whatsapp:+9779800000731";
    private const string HeldReason = "Waiting for the person to write: WhatsApp's 24-hour window is closed. It is sent, in order, when they next write.";

    private static readonly Dictionary<string, string?> WithTemplate = new()
    {
        ["Twilio:WhatsApp:ReengageContentSid"] = "HX0123456789abcdef0123456789abcdef",
    };

    [Fact]
    public async Task A_whatsapp_case_shows_its_window_open_until_a_day_after_the_persons_last_message()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AskForPersonBySmsAsync(Person, "hello, my boss keeps my passport");
        await using var console = await TakeTheCaseAsync(host);

        await Expect(console.Page.Locator("#case-facts .whatsapp-window")).ToHaveTextAsync(new Regex(@"^WhatsApp window open until \d{1,2} \w{3}, \d{2}:\d{2}$"));
        await Expect(console.Page.Locator("#case-facts .whatsapp-window")).ToBeInViewportAsync();
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task An_sms_case_shows_no_window()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, my boss keeps my passport");
        await using var console = await TakeTheCaseAsync(host);

        await Expect(console.Page.Locator("#case-title")).ToContainTextAsync("SMS");
        await Expect(console.Page.Locator("#case-facts .whatsapp-window")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task After_a_day_of_silence_the_window_shows_closed_and_a_reply_is_refused_with_the_reason_until_the_person_writes()
    {
        await using var host = await ConsoleHost.StartAsync();
        await PersonWroteADayAgoAsync(host);
        await using var console = await TakeTheCaseAsync(host);

        await Expect(console.Page.Locator("#case-facts .whatsapp-window")).ToHaveTextAsync("WhatsApp window closed: a reply waits for the person to write");
        await SendReplyAsync(console, "Are you safe now?");

        await Expect(console.Page.Locator("#case-refusal")).ToHaveTextAsync("WhatsApp's 24-hour window is closed: the person last wrote more than " +
            "24 hours ago, and WhatsApp delivers a reply only within 24 hours of their last message. A reply waits for the person to write.");
        await Expect(console.Page.Locator("#case-refusal")).ToBeInViewportAsync();
        await Expect(console.Page.Locator(".message.outbound").Filter(new() { HasText = "Are you safe now?" })).ToHaveCountAsync(0);

        // The person writes: the window is open again, and the refusal, which would now contradict it, is gone.
        await host.PostSmsAsync(Person, "I can talk now");

        await Expect(console.Page.Locator("#case-facts .whatsapp-window")).ToHaveTextAsync(new Regex("^WhatsApp window open until "));
        await Expect(console.Page.Locator("#case-refusal")).ToBeHiddenAsync();
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task With_a_template_a_late_reply_waits_for_the_person_and_goes_when_they_write()
    {
        await using var host = await ConsoleHost.StartAsync(WithTemplate);
        await PersonWroteADayAgoAsync(host);
        await using var console = await TakeTheCaseAsync(host);

        await SendReplyAsync(console, "Are you safe now?");
        var reply = console.Page.Locator(".message.outbound").Filter(new() { HasText = "Are you safe now?" });
        await Expect(reply.Locator(".delivery")).ToHaveTextAsync("Waiting for the person to write");
        await Expect(reply.Locator(".delivery-error")).ToHaveTextAsync(HeldReason);
        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync("WhatsApp template: a neutral invitation to write back");

        await host.PostSmsAsync(Person, "I can talk now");

        // Past "Waiting to send" only once the stand-in has it (it asserted before that, and failed once in three runs).
        await Expect(reply.Locator(".delivery")).ToHaveTextAsync(new Regex("^(Queued|Sent|Delivered)$"));
        await Expect(reply.Locator(".delivery-error")).ToHaveCountAsync(0);
        await Expect(console.Page.Locator("#case-facts .whatsapp-window")).ToHaveTextAsync(new Regex("^WhatsApp window open until "));
        Assert.Equal("Are you safe now?", host.Twilio.Created[^1].Body);
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>The person asked for someone on WhatsApp, the intake's replies went, and then a day passed (moved back in the database).</summary>
    private static async Task PersonWroteADayAgoAsync(ConsoleHost host)
    {
        await host.AskForPersonBySmsAsync(Person, "hello, my boss keeps my passport");
        for (var i = 0; i < 200 && await host.App.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status IN ('Pending', 'Sending')") > 0; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await host.App.ExecuteAsync("UPDATE Conversations SET LastInboundAt = strftime('%Y-%m-%dT%H:%M:%fZ', LastInboundAt, '-25 hours')");
        await host.App.ExecuteAsync("UPDATE Messages SET CreatedAt = strftime('%Y-%m-%dT%H:%M:%fZ', CreatedAt, '-25 hours')");
    }

    private async Task<ConsolePage> TakeTheCaseAsync(ConsoleHost host)
    {
        var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await Expect(console.Waiting).ToHaveCountAsync(1);
        await console.TakeNextCaseAsync();
        await Expect(console.Mine).ToHaveCountAsync(1);
        return console;
    }

    private static async Task SendReplyAsync(ConsolePage console, string text)
    {
        await console.Page.Locator("#reply-body").FillAsync(text);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
    }
}
