namespace Hotline.Console.Tests;

/// <summary>A person who writes again after a closed case, and closed cases opened read-only, as a caseworker sees them at 1366x768.</summary>
public sealed class ReturningPersonTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_person_who_writes_again_after_a_closed_case_waits_marked_as_returning()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await SignInAmiraAtLaptopSizeAsync(host);

        await WritesAgainAfterAClosedCaseAsync(console, host);

        await Expect(console.Waiting).ToHaveCountAsync(1);
        await Expect(console.Waiting.Locator(".returning")).ToHaveTextAsync("Returning");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task The_case_of_a_returning_person_lists_their_earlier_case_with_its_outcome()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await SignInAmiraAtLaptopSizeAsync(host);
        await WritesAgainAfterAClosedCaseAsync(console, host);

        await console.Waiting.First.Locator("button").ClickAsync();

        await Expect(console.Page.Locator("#case-facts")).ToContainTextAsync("Returning: 1 earlier case");
        var earlier = console.Page.Locator("#earlier-cases li.closed-case");
        await Expect(earlier).ToHaveCountAsync(1);
        await Expect(earlier).ToContainTextAsync("Closed: Resolved");
        await Expect(earlier).ToContainTextAsync("No referral.");
        await Expect(earlier.Locator("a.record-link")).ToBeInViewportAsync();
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task An_earlier_case_opens_read_only_with_its_own_part_of_the_conversation_and_says_why()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await SignInAmiraAtLaptopSizeAsync(host);
        await WritesAgainAfterAClosedCaseAsync(console, host);
        await console.Waiting.First.Locator("button").ClickAsync();

        await console.Page.Locator("#earlier-cases a.record-link").ClickAsync();

        var readOnly = console.Page.Locator("#case-readonly");
        await Expect(readOnly).ToContainTextAsync("Read only: this case was closed on");
        // Nothing is put aside from a closed case: the button only closes the panel, and says so.
        await Expect(console.Page.Locator("#case-leave")).ToHaveTextAsync("Close this view");
        await Expect(readOnly).ToContainTextAsync("as \"Resolved by the hotline\". Nothing can be sent or changed from it");
        await Expect(readOnly).ToBeInViewportAsync();
        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync("my boss keeps my passport");
        await Expect(console.Page.Locator("#transcript")).Not.ToContainTextAsync("it is me again");
        await Expect(console.Page.Locator("#reply-body")).ToBeDisabledAsync();
        await Expect(console.Page.Locator("#reply-disabled")).ToHaveTextAsync("This case is closed: it can be read, not answered.");
        await Expect(console.Page.Locator("#note-form")).ToBeHiddenAsync();
        await Expect(console.Page.Locator("#referral-form")).ToBeHiddenAsync();
        await Expect(console.Page.Locator("#case-actions")).ToBeHiddenAsync();
        await Expect(console.Page.Locator("#case-take")).ToBeHiddenAsync();
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>The person went quiet in their new case: the earlier case's record said so, as if it had happened in it.</summary>
    [Fact]
    public async Task An_earlier_case_does_not_show_what_the_person_said_in_their_new_one()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await SignInAmiraAtLaptopSizeAsync(host);
        var phone = host.NextPhone();
        await TakeAndCloseAsync(console, host, phone, "hello, my boss keeps my passport");
        await host.AskForPersonBySmsAsync(phone, "it is me again, he came back");
        await host.PostSmsAsync(phone, "recipe");
        await console.Waiting.First.Locator("button").ClickAsync();
        await Expect(console.Page.Locator("#conversation-status")).ToContainTextAsync("The person used the discreet word");

        await console.Page.Locator("#earlier-cases a.record-link").ClickAsync();

        await Expect(console.Page.Locator("#case-readonly")).ToContainTextAsync("Read only: this case was closed on");
        await Expect(console.Page.Locator("#conversation-status")).ToBeHiddenAsync();
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_closed_case_one_handled_opens_read_only_from_the_list_under_the_queue()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await SignInAmiraAtLaptopSizeAsync(host);
        await TakeAndCloseAsync(console, host, host.NextPhone(), "hello, my boss keeps my passport");

        await console.Page.GetByText("Closed cases you handled").ClickAsync();
        await console.Page.Locator("#handled-cases a.record-link").ClickAsync();

        await Expect(console.Page.Locator("#case-readonly")).ToContainTextAsync("Read only: this case was closed on");
        await Expect(console.Page.Locator("#case-facts")).ToContainTextAsync("Closed");
        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync("my boss keeps my passport");
        await Expect(console.Page.Locator("#reply-body")).ToBeDisabledAsync();
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_reload_reopens_the_closed_case_read_only()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await SignInAmiraAtLaptopSizeAsync(host);
        await TakeAndCloseAsync(console, host, host.NextPhone(), "hello, my boss keeps my passport");
        await console.Page.GetByText("Closed cases you handled").ClickAsync();
        await console.Page.Locator("#handled-cases a.record-link").ClickAsync();
        await Expect(console.Page.Locator("#case-readonly")).ToBeVisibleAsync();

        await console.Page.ReloadAsync();
        await console.WaitUntilLiveAsync();

        await Expect(console.Page.Locator("#case-readonly")).ToContainTextAsync("Read only: this case was closed on");
        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync("my boss keeps my passport");
        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Once the retention removed a closed case's words, its messages' rows stay for the statistics with nothing in them: each
    /// read "(empty message)", as if the person had sent blank texts, and nothing said the words had been there.
    /// </summary>
    [Fact]
    public async Task A_closed_case_whose_words_the_retention_removed_says_so_rather_than_showing_empty_messages()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await SignInAmiraAtLaptopSizeAsync(host);
        await TakeAndCloseAsync(console, host, host.NextPhone(), "hello, my boss keeps my passport");

        await host.EraseClosedCasesContentAsync();
        await console.Page.GetByText("Closed cases you handled").ClickAsync();
        var handled = console.Page.Locator("#handled-cases li.closed-case");
        await Expect(handled).ToContainTextAsync("words removed");
        await handled.Locator("a.record-link").ClickAsync();

        var readOnly = console.Page.Locator("#case-readonly");
        await Expect(readOnly).ToContainTextAsync("Its messages' words, notes, photos and the person's own answers were removed on");
        await Expect(readOnly).ToContainTextAsync("(the retention period ended, or the person asked to be erased)");
        var transcript = console.Page.Locator("#transcript");
        await Expect(transcript).Not.ToContainTextAsync("my boss keeps my passport");
        await Expect(transcript).Not.ToContainTextAsync("(empty message)");
        await Expect(transcript.Locator(".message-erased").First).ToHaveTextAsync("(words removed: retention or erasure)");
        Assert.Equal(await transcript.Locator("li.message").CountAsync(), await transcript.Locator(".message-erased").CountAsync());
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>Amira, a caseworker, signed in at 1366x768, confirming what the page asks to confirm.</summary>
    private async Task<ConsolePage> SignInAmiraAtLaptopSizeAsync(ConsoleHost host)
    {
        var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");
        await console.Page.SetViewportSizeAsync(1366, 768);
        console.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return console;
    }

    /// <summary>A person's first case is taken and closed as resolved; then they write again and ask for a person.</summary>
    /// <summary>
    /// Found by a newcomer: a returning person said it is safe, the phone then asked "Are you in danger right now?", a caseworker
    /// took the case and asked her own question, and the person's "1" read as an answer to her; the case said "Danger unknown"
    /// because "the person asked for a person first, or did not agree to keep their answers", neither of which was so.
    /// </summary>
    [Fact]
    public async Task A_first_reply_under_the_intakes_open_danger_question_says_a_short_answer_may_answer_that_question()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await SignInAmiraAtLaptopSizeAsync(host);
        var phone = host.NextPhone();
        await TakeAndCloseAsync(console, host, phone, "hello, my boss keeps my passport");
        await host.PostSmsAsync(phone, "thank you");
        await host.PostSmsAsync(phone, "1");
        await console.TakeNextCaseAsync();

        await console.SendReplyAsync("Can you get to the bus station tonight?");
        await host.PostSmsAsync(phone, "1");

        await Expect(console.Page.Locator("#intake-left-open")).ToHaveTextAsync(
            "When the first reply was sent, the intake's question “Are you in danger right now? 1 Yes 2 No” was still unanswered on their phone: "
            + "a short answer such as “1” or “2” may answer it, not your message.");
        await Expect(console.Page.Locator("#intake-left-open")).ToBeInViewportAsync();
        await Expect(console.Page.Locator("#triage-reasons")).ToHaveTextAsync(
            "Danger unknown: a caseworker wrote before the intake had kept an answer, and the intake stopped there. Ask whether they are safe now.");
        await Screenshots.TakeAsync(console.Page, "intake-left-open");
        Assert.Empty(console.ScriptErrors);
    }

    private static async Task WritesAgainAfterAClosedCaseAsync(ConsolePage console, ConsoleHost host)
    {
        var phone = host.NextPhone();
        await TakeAndCloseAsync(console, host, phone, "hello, my boss keeps my passport");
        await host.AskForPersonBySmsAsync(phone, "it is me again, he came back");
    }

    /// <summary>The person asks for someone; the caseworker takes the case and closes it as resolved.</summary>
    private static async Task TakeAndCloseAsync(ConsolePage console, ConsoleHost host, string phone, string firstMessage)
    {
        await host.AskForPersonBySmsAsync(phone, firstMessage);
        await Expect(console.Waiting).ToHaveCountAsync(1);
        await console.TakeNextCaseAsync();
        await Expect(console.Mine).ToHaveCountAsync(1);
        await console.Page.GetByLabel("Close with an outcome").SelectOptionAsync("resolved");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Close case" }).ClickAsync();
        await Expect(console.Page.Locator("#status-message")).ToHaveTextAsync("The case is closed.");
    }
}
