namespace Hotline.Console.Tests;

/// <summary>
/// A person who asked for a person ("0") before the intake was done: the queue, the case view and the supervisor view say so
/// among the triage reasons, and the case view says what that leaves unknown about danger.
/// </summary>
public sealed class AskedForPersonTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Safe to write, not in danger, answers may be kept; then "0" at the first question.
    private static readonly string[] AsksAtTheFirstQuestion = ["hello", "1", "2", "1", "0"];

    /// <summary>
    /// Found by a caseworker: the case view said "No triage reasons recorded." though the person had asked for someone, which
    /// is why the case was in the queue.
    /// </summary>
    [Fact]
    public async Task The_queue_and_the_case_view_name_asking_for_a_person_as_a_reason()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.Harness.TextAsync(host.NextPhone(), AsksAtTheFirstQuestion);
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await Expect(console.Waiting.Locator(".reason")).ToHaveTextAsync("Asked for a person");
        await console.TakeNextCaseAsync();

        await Expect(console.Page.Locator("#triage-reasons li")).ToHaveTextAsync(["Asked for a person"]);
        await Expect(console.Page.Locator("#triage-reasons")).Not.ToContainTextAsync("No triage reasons recorded");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_person_who_asked_before_any_answer_was_kept_has_the_reason_and_danger_unknown_said_of_them()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, my boss keeps my passport");
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await console.TakeNextCaseAsync();

        await Expect(console.Page.Locator("#triage-reasons li")).ToHaveTextAsync([
            "Asked for a person",
            "Danger unknown: the person asked for a person before the intake kept an answer. Ask whether they are safe now.",
        ]);
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task The_supervisor_view_names_asking_for_a_person_as_a_reason()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.Harness.TextAsync(host.NextPhone(), AsksAtTheFirstQuestion);
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "sofia", UserRole.Supervisor, "en");

        await console.Page.GotoAsync("/console/supervisor.html");

        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        var row = console.Page.Locator("#overview-cases tr[data-case-id]");
        await Expect(row.Locator(".reason")).ToHaveTextAsync(["Asked for a person"]);
        await Expect(row).Not.ToContainTextAsync("No triage reasons recorded");
        Assert.Empty(console.ScriptErrors);
    }
}
