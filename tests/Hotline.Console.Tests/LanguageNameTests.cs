using System.Text.Json;
using Hotline.Bot.Intake.Scripts;

namespace Hotline.Console.Tests;

/// <summary>A language has one English name: the console uses the intake script's, as the translations page and the statistics do.</summary>
public sealed class LanguageNameTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_console_offers_the_intake_scripts_languages_by_their_english_names()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "amira", UserRole.Caseworker, "en");
        var languages = IntakeScript.LoadDefault().Languages;

        var named = await console.Page.EvaluateAsync<JsonElement>(
            "async () => { const format = await import('/console/js/format.js'); return format.INTAKE_LANGUAGES.map(tag => format.languageName(tag)); }");

        Assert.Equal(languages.Select(l => $"{l.EnglishName} ({l.Tag})"), named.EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task A_bengali_case_is_called_bengali_in_the_queue_as_on_the_statistics()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "bn");
        await host.SeedCaseAsync("bn", PriorityBand.Medium, "deception");

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");

        await Expect(console.Waiting.Locator(".case-language")).ToHaveTextAsync(Hotline.Api.Statistics.StatisticsLabels.Language("bn"));
        await Expect(console.Waiting.Locator(".case-language")).ToHaveTextAsync("Bengali (bn)");
    }

    [Fact]
    public async Task The_translations_page_names_each_language_as_the_rest_of_the_console_does()
    {
        await using var host = await ConsoleHost.StartAsync();
        await using var console = await ConsolePage.SignInAsNewUserAsync(browser.Browser, host, "root", UserRole.Admin, "en");
        await console.Page.GotoAsync("/console/translations.html");
        await Expect(console.Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();

        await Expect(console.Page.Locator("#language option[value='id']")).ToHaveTextAsync("Indonesian (id)");
        await Expect(console.Page.Locator("#language option[value='bn']")).ToHaveTextAsync("Bengali (bn)");
    }
}
