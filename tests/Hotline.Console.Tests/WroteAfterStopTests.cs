namespace Hotline.Console.Tests;

/// <summary>
/// A case opened out of sight by a message written after STOP: the queue and the case view say the person wrote after opting
/// out, not that it was unsafe to answer them (they said nothing of the kind), and the conversation says nothing can be sent
/// until START.
/// </summary>
public sealed class WroteAfterStopTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Safe to write asked (the menu was skipped by a greeting), STOP, then a plea nothing answers.
    private static readonly string[] PleaAfterStop = ["hello", "STOP", "please I need someone to know, they keep us in the house"];

    /// <summary>Before, no case opened at all: nobody read it.</summary>
    [Fact]
    public async Task The_queue_and_the_case_view_say_the_person_wrote_after_opting_out()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.Harness.TextAsync(host.NextPhone(), PleaAfterStop);
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await Expect(console.Waiting.Locator(".reason")).ToHaveTextAsync("Wrote after opting out (STOP)");
        await console.TakeNextCaseAsync();

        await Expect(console.Page.Locator("#triage-reasons li")).ToHaveTextAsync(["Wrote after opting out (STOP)"]);
        await Expect(console.Page.Locator("#reply-disabled")).ToHaveTextAsync("Replies are off. Opted out: The person sent STOP.");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>
    /// Quiet when they opted out ("2" to the safety question, then STOP), the intake asks nothing: danger is unknown, and the
    /// note says why in words true of the person, not that it was unsafe to answer them nor that they asked for a person.
    /// </summary>
    [Fact]
    public async Task After_not_safe_and_stop_the_case_view_says_danger_is_unknown_because_they_wrote_after_opting_out()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.Harness.TextAsync(host.NextPhone(), ["hello", "2", "STOP", "please I need someone to know, they keep us in the house"]);
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await console.TakeNextCaseAsync();

        await Expect(console.Page.Locator("#triage-reasons li")).ToHaveTextAsync([
            "Wrote after opting out (STOP)",
            "Danger unknown: the person wrote after opting out (STOP), and the intake kept no answer. What they wrote is in the "
            + "conversation; nothing can be sent before they send START.",
        ]);
        Assert.Empty(console.ScriptErrors);
    }
}
