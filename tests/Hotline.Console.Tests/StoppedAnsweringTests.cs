using Hotline.Api.IntakeHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Console.Tests;

/// <summary>
/// A person who stopped answering before the intake kept an answer: the intake timer hands the case to a caseworker, and the
/// case view says why danger is unknown in words true of them.
/// </summary>
public sealed class StoppedAnsweringTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Safe to write (1), not in danger (2), then nothing: no answer is kept before the question that asks to keep them.
    private static readonly string[] StopsAfterTheSafetyQuestions = ["hello", "1", "2"];

    /// <summary>
    /// Found in review: such a case read "Danger unknown: no intake answers were kept (the person asked for a person first, or
    /// did not agree to keep their answers)", neither of which they had done.
    /// </summary>
    [Fact]
    public async Task A_case_whose_intake_timed_out_before_any_answer_says_the_person_stopped_answering()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.Harness.TextAsync(host.NextPhone(), StopsAfterTheSafetyQuestions);
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromHours(3));
        Assert.Equal(1, await ActivatorUtilities.CreateInstance<IntakeTimeoutJob>(host.Services, (TimeProvider)later)
            .TickSilentIntakesAsync(TestContext.Current.CancellationToken));
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        await console.TakeNextCaseAsync();

        await Expect(console.Page.Locator("#triage-reasons li")).ToHaveTextAsync([
            "Danger unknown: the person stopped answering before agreeing to keep their answers, so none were kept (what they wrote is in the conversation). Ask whether they are safe now.",
        ]);
        Assert.Empty(console.ScriptErrors);
    }
}
