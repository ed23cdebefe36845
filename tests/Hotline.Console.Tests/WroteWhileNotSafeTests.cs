namespace Hotline.Console.Tests;

/// <summary>
/// A case opened out of sight by a message written while it was not safe to answer (after the discreet word): the queue and
/// the case view say so, and the case view says why danger is unknown in words true of the person.
/// </summary>
public sealed class WroteWhileNotSafeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Safe to write (the menu was skipped by a greeting), the discreet word, then a plea the phone answers only with the safety question.
    private static readonly string[] PleaAfterTheDiscreetWord = ["hello", "recipe", "he is watching, I need help, he took my passport"];

    /// <summary>
    /// Before, no case opened at all; with it opened and no reason, the case view would have read "Danger unknown: no intake
    /// answers were kept (the person asked for a person first, or did not agree to keep their answers)", neither of which
    /// the person had done. The discreet word is a reason of its own (the case is Medium), and answers nothing: danger is
    /// still unknown, and the case view still says why.
    /// </summary>
    [Fact]
    public async Task The_queue_and_the_case_view_say_the_person_wrote_while_it_was_not_safe_to_answer()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.Harness.TextAsync(host.NextPhone(), PleaAfterTheDiscreetWord);
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await Expect(console.Waiting.Locator(".reason")).ToHaveTextAsync(["Used the discreet word: someone may be reading the phone", "Wrote while it was not safe to answer"]);
        await console.TakeNextCaseAsync();

        await Expect(console.Page.Locator("#triage-reasons li")).ToHaveTextAsync([
            "Used the discreet word: someone may be reading the phone",
            "Wrote while it was not safe to answer",
            "Danger unknown: the person wrote while it was not safe to answer them (after the discreet word or “not safe”), and the "
            + "intake kept no answer. What they wrote is in the conversation; once they say it is safe to write, ask whether they are safe now.",
        ]);
        Assert.Empty(console.ScriptErrors);
    }
}
