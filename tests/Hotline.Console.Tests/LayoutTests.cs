using Hotline.Api.Users;
using Hotline.Bot.Triage;
using Hotline.Console.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hotline.Console.Tests;

public sealed class LayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1366, 768)]
    [InlineData(1024, 768)]
    public async Task The_case_screen_fits_the_width_without_sideways_scrolling(int width, int height)
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en", "ar");
        await host.SeedCaseAsync("en", PriorityBand.High, "retention_of_identity_documents", "withholding_of_wages", "debt_bondage");
        await host.AskForPersonBySmsAsync(host.NextPhone(), "مرحبا، صاحب العمل أخذ جواز سفري ولا أستطيع الخروج من البيت");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(width, height);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Take next case" }).ClickAsync();
        await Expect(console.Page.Locator("#case")).ToBeVisibleAsync();

        var overflow = await console.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");

        await Screenshots.TakeAsync(console.Page, $"case-{width}x{height}");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a {width}px window.");
    }
}
