using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hotline.Console.Tests;

/// <summary>
/// During a rolling deploy a console served by a newer instance may be connected to an older one, whose queue statistics have
/// no <c>taken</c> (the held cases' figures came later). The header read <c>figures.taken</c> unguarded: it threw, and showed
/// nothing of the whole hotline. It now leaves out what only <c>taken</c> knows.
/// </summary>
public sealed class OlderApiFiguresTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Figures_without_the_taken_cases_still_show_the_whole_hotline_line_without_being_answered()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.SeedCaseAsync("ar", PriorityBand.Critical, "physical_and_sexual_violence");
        await host.SeedCaseAsync("en", PriorityBand.High, "withholding_of_wages");
        await using var console = await ConsolePage.OpenAsync(browser.Browser, host);
        await console.Context.RouteWebSocketAsync("**/hubs/cases**", socket =>
        {
            var server = socket.ConnectToServer();
            server.OnMessage(frame =>
            {
                if (frame.Text is { } text)
                {
                    socket.Send(AsAnOlderInstanceSaysIt(text));
                }
                else if (frame.Binary is { } bytes)
                {
                    socket.Send(bytes);
                }
            });
        });

        await console.SubmitSignInAsync("amira");
        await console.WaitUntilHomeAsync();

        await Expect(console.Page.Locator("#statistics .hotline-wide")).ToHaveTextAsync(
            new Regex(@"^Whole hotline: 2 waiting \(1 critical, 1 high\), oldest \d[\d a-z]*$"));
        await Expect(console.Page.Locator("#statistics > span").First).ToHaveTextAsync("1 waiting in your queue");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>The hub's JSON frames (records ended by 0x1E) with <c>taken</c> taken out of every QueueStatisticsChanged.</summary>
    private static string AsAnOlderInstanceSaysIt(string frame) =>
        string.Concat(frame.Split('\u001e', StringSplitOptions.RemoveEmptyEntries).Select(record =>
        {
            var message = JsonNode.Parse(record)!.AsObject();
            if (message["target"]?.GetValue<string>() == "QueueStatisticsChanged")
            {
                message["arguments"]![0]!.AsObject().Remove("taken");
            }

            return message.ToJsonString() + '\u001e';
        }));
}
