using System.Text.RegularExpressions;

namespace Hotline.Console.Tests;

/// <summary>
/// A supervisor takes over a case a caseworker holds, from the supervisor view, and the caseworker's open case says so. Found by
/// a reviewer: a person waiting in the case of a caseworker who had gone home could be answered by nobody.
/// </summary>
public sealed class SupervisorTakeOverTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_supervisor_takes_over_a_held_case_from_the_supervisor_view_and_the_caseworkers_open_case_says_so()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var danger = await host.SeedCaseAsync("en", PriorityBand.Critical, "immediate_danger");
        var reference = danger.ToString()[^8..].ToUpperInvariant();
        await using var amira = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await amira.TakeNextCaseAsync();
        await Expect(amira.Page.Locator("#reply-body")).ToBeEnabledAsync();
        await using var sofia = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "sofia", UserRole.Supervisor, "en");
        await sofia.Page.SetViewportSizeAsync(1366, 768);
        await sofia.Page.GotoAsync("/console/supervisor.html");
        var row = sofia.Page.Locator($"#overview-cases tr[data-case-id='{danger}']");
        await Expect(row).ToContainTextAsync("Taken, not answered yet");
        var asked = sofia.AnswerQuestions(accept: true);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Take over {reference}" }).ClickAsync();

        await Expect(sofia.Page.Locator("#status-message")).ToHaveTextAsync(new Regex($"^You hold case {reference} now\\. Open case {reference} to reply$"));
        Assert.Equal([$"Take over case {reference} from amira? It becomes yours to answer; their console is told, and they can no longer reply in it."], asked);
        await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync(new Regex("^sofia$"));
        await Expect(amira.Page.Locator("#case-notices")).ToContainTextAsync(new Regex("^sofia took this case over: it is theirs now, and nothing you type here is sent\\."));
        await Expect(amira.Item("colleague-cases", danger)).ToBeAttachedAsync();
        await Expect(amira.Mine).ToHaveCountAsync(0);

        await sofia.Page.GetByRole(AriaRole.Link, new() { Name = $"Open case {reference} to reply" }).ClickAsync();
        await Expect(sofia.Page.Locator("#case-title")).ToContainTextAsync($"Case {reference} · ");
        await Expect(sofia.Page.Locator("#reply-body")).ToBeEnabledAsync();
        Assert.Empty(amira.ScriptErrors);
        Assert.Empty(sofia.ScriptErrors);
    }
}
