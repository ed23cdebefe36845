using System.Text.Json;
using Hotline.Bot.Channels.Sms;

namespace Hotline.Console.Tests;

/// <summary>The reply box's counter runs a JavaScript port of SmsSegments; these hold it to the .NET original.</summary>
public sealed class SmsCounterTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Texts =
    [
        "",
        "Are you safe to talk now?",
        new string('a', 160),
        new string('a', 161),
        new string('a', 306),
        new string('a', 307),
        new string('€', 80),
        new string('€', 81),
        "[" + new string('a', 152) + "]" + new string('b', 10),
        new string('a', 152) + "{" + new string('c', 20),
        "Ça va? ÄÖÑÜ§¿ £$¥ èéùìò ΔΦΓΛΩΠΨΣΘΞ",
        "ça va",
        "\u001B escape",
        "tab\tinside",
        new string('ب', 70),
        new string('ب', 71),
        string.Concat(Enumerable.Repeat("😀", 35)),
        string.Concat(Enumerable.Repeat("😀", 36)),
        new string('x', 66) + "😀" + new string('y', 10),
        "नमस्ते, क्या आप सुरक्षित हैं?",
        new string('a', 1600) + "b",
    ];

    private sealed record JsMeasure(string Encoding, int Characters, int Segments, int SeptetsOrUnits);

    [Fact]
    public async Task The_counter_measures_texts_exactly_as_the_server_does()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");

        var measured = await console.Page.EvaluateAsync<JsonElement>(
            "async texts => { const sms = await import('/console/js/sms.js'); return texts.map(t => sms.measure(t)); }", Texts);

        var fromPage = measured.Deserialize<JsMeasure[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        for (var i = 0; i < Texts.Length; i++)
        {
            var expected = SmsSegments.Measure(Texts[i]);
            Assert.Equal(new JsMeasure(expected.Encoding.ToString(), expected.Characters, expected.Segments, expected.SeptetsOrUnits), fromPage[i]);
        }
    }

    [Fact]
    public async Task The_reply_box_shows_segments_and_encoding_as_the_caseworker_types()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "ar");
        await host.SeedCaseAsync("ar", Hotline.Bot.Triage.PriorityBand.High, "deception");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        var counter = console.Page.Locator("#reply-counter");

        await console.Page.Locator("#reply-body").FillAsync(new string('ب', 71));

        await Expect(counter).ToHaveTextAsync("71 / 1600 characters · 2 SMS · UCS-2 (Unicode)");
        await console.Page.Locator("#reply-body").FillAsync(new string('a', 160));
        await Expect(counter).ToHaveTextAsync("160 / 1600 characters · 1 SMS · GSM-7");
    }
}
