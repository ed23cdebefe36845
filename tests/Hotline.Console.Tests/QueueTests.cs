using Hotline.Api.CaseStore;

namespace Hotline.Console.Tests;

public sealed class QueueTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_signed_sms_appears_in_the_queue_within_two_seconds_without_a_reload()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");
        var phone = host.NextPhone();
        await host.PostSmsAsync(phone, "Hello, my passport was taken");
        await Expect(console.Waiting).ToHaveCountAsync(0);
        var page = console.Page.Url;

        // "0" asks for a person: the intake hands the conversation over and the case is queued.
        await host.PostSmsAsync(phone, "0");

        await Expect(console.Waiting).ToHaveCountAsync(1, new() { Timeout = 2_000 });
        await Expect(console.Waiting.First).ToContainTextAsync("SMS");
        await Expect(console.Page.Locator("#announcer")).ToContainTextAsync("New case waiting");
        Assert.Equal(page, console.Page.Url);
    }

    /// <summary>Found walking the product: a case queued at Low rose to Critical, and a screen reader had only heard "Low".</summary>
    [Fact]
    public async Task A_waiting_case_that_rises_to_Critical_is_announced_again_with_its_new_priority()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");
        var phone = host.NextPhone();
        await host.AskForPersonBySmsAsync(phone, "hello, I need help");
        await Expect(console.Page.Locator("#announcer")).ToHaveTextAsync("New case waiting: Low priority, English (en), SMS.");

        await host.PostSmsAsync(phone, "they beat me");

        await Expect(console.Page.Locator("#announcer")).ToHaveTextAsync("A waiting case rose to Critical priority: English (en), SMS.");
    }

    [Fact]
    public async Task The_queue_shows_the_most_urgent_case_first_then_the_longest_waiting()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en", "ar");
        var medium = await host.SeedCaseAsync("en", PriorityBand.Medium, "first_contact");
        var olderHigh = await host.SeedCaseAsync("ar", PriorityBand.High, "withholding_of_wages");
        var critical = await host.SeedCaseAsync("ar", PriorityBand.Critical, "physical_and_sexual_violence", "restriction_of_movement");
        var newerHigh = await host.SeedCaseAsync("en", PriorityBand.High, "retention_of_identity_documents");

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");

        await Expect(console.Waiting).ToHaveCountAsync(4);
        var order = await console.Waiting.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.caseId)");
        Assert.Equal([critical.ToString(), olderHigh.ToString(), newerHigh.ToString(), medium.ToString()], order);
        await Expect(console.Waiting.First).ToContainTextAsync("Physical and sexual violence");
        await Expect(console.Waiting.First).ToContainTextAsync("Arabic");
        await Screenshots.TakeAsync(console.Page, "queue");
    }

    /// <summary>
    /// Found walking the product: an English person with many indicators who answered danger "no" (Critical, 115) was listed
    /// and taken before an Arabic person queued a minute later who answered "yes" (Critical, 120).
    /// </summary>
    [Fact]
    public async Task A_person_in_danger_now_is_listed_and_taken_before_an_earlier_Critical_case_and_marked_so()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en", "ar");
        var high = await host.SeedCaseAsync("en", PriorityBand.High, "threats_or_violence");
        var manyIndicators = await host.SeedCaseAsync("en", PriorityBand.Critical,
            "threats_or_violence", "not_free_to_leave", "documents_retained", "wages_withheld", "isolated", "deceived_about_job");
        var inDanger = await host.SeedCaseAsync("ar", PriorityBand.Critical, "immediate_danger", "documents_retained");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await Expect(console.Waiting).ToHaveCountAsync(3);
        var order = await console.Waiting.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.caseId)");
        Assert.Equal([inDanger.ToString(), manyIndicators.ToString(), high.ToString()], order);
        await Expect(console.Waiting.Nth(0).Locator(".in-danger-now")).ToHaveTextAsync("In danger now");
        await Expect(console.Waiting.Nth(0).Locator(".in-danger-now")).ToBeVisibleAsync();
        await Expect(console.Page.Locator("#queue .in-danger-now")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(console.Page, "queue-in-danger-now");
        await console.TakeNextCaseAsync();

        await Expect(console.Mine).ToHaveCountAsync(1);
        await Expect(console.Mine.Nth(0)).ToHaveAttributeAsync("data-case-id", inDanger.ToString());
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>A person who writes an urgent word while their case waits moves up in every open console at once.</summary>
    [Fact]
    public async Task A_case_raised_by_an_urgent_word_moves_before_an_earlier_Critical_case_without_a_reload()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var manyIndicators = await host.SeedCaseAsync("en", PriorityBand.Critical, "threats_or_violence", "not_free_to_leave", "documents_retained");
        var raised = await host.SeedCaseAsync("en", PriorityBand.Medium, "documents_retained");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await Expect(console.Waiting).ToHaveCountAsync(2);

        await using (var session = await host.App.Database.BeginWriteAsync(TestContext.Current.CancellationToken))
        {
            await host.App.Get<CaseQueue>().ChangePriorityAsync(session, raised, PriorityBand.Critical, 120, ["urgent_word", "documents_retained"],
                TestContext.Current.CancellationToken);
            await session.CommitAsync(TestContext.Current.CancellationToken);
        }

        await Expect(console.Waiting.Nth(0)).ToHaveAttributeAsync("data-case-id", raised.ToString(), new() { Timeout = 2_000 });
        await Expect(console.Waiting.Nth(0).Locator(".in-danger-now")).ToHaveTextAsync("In danger now");
        await Expect(console.Waiting.Nth(1)).ToHaveAttributeAsync("data-case-id", manyIndicators.ToString());
        Assert.Empty(console.ScriptErrors);
    }
}
