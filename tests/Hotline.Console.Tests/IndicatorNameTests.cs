using System.Text.Json;
using Hotline.Api.Statistics;

namespace Hotline.Console.Tests;

/// <summary>An ILO indicator has one name: the queue's triage reasons use the name statistics and partners read.</summary>
public sealed class IndicatorNameTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_triage_reason_that_stands_for_one_indicator_is_named_as_statistics_name_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");
        var single = TriageRules.LoadDefault().Rules.Where(r => r.Indicators.Count == 1).ToList();

        var named = await console.Page.EvaluateAsync<JsonElement>(
            "async codes => { const format = await import('/console/js/format.js'); return codes.map(c => format.reasonText(c)); }",
            single.Select(r => r.Reason).ToArray());

        Assert.Equal(single.Select(r => IndicatorMap.Labels[r.Indicators[0].Code()]), named.EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task The_queue_names_withheld_wages_as_the_statistics_do()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.SeedCaseAsync("en", PriorityBand.Medium, "wages_withheld");

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");

        await Expect(console.Waiting.Locator(".reason")).ToHaveTextAsync("Withholding of wages");
    }
}
