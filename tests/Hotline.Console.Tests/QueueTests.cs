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
}
