using Hotline.Api.Tests.Media;

namespace Hotline.Console.Tests;

/// <summary>A photo the person sent, as a caseworker and a supervisor see it at 1366x768: inline, beside its evidence panel.</summary>
public sealed class EvidenceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_photo_shows_inline_beside_its_hash_time_position_and_device()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await using var console = await SignInAtLaptopSizeAsync(host, "amira");
        await SendPhotoAsync(host, TestPhotos.WithGps(width: 320, height: 240));

        await console.Waiting.First.Locator("button").ClickAsync();

        var photo = console.Page.Locator("#transcript figure.attachment-kept");
        await Expect(photo.Locator("img.attachment-photo")).ToBeVisibleAsync();
        await Expect(photo.Locator("img.attachment-photo")).ToHaveJSPropertyAsync("naturalWidth", 240);
        var panel = photo.Locator(".evidence-panel");
        await Expect(panel).ToContainTextAsync("2026-11-30 14:02:11 (the device's clock)");
        await Expect(panel.Locator(".evidence-position")).ToHaveTextAsync("52.520094, 13.410000, 34.5 m");
        await Expect(panel).ToContainTextAsync("Nokia G42");
        await Expect(panel.Locator(".evidence-hash")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await Expect(panel.Locator("button.evidence-copy")).ToBeInViewportAsync();
        await Expect(panel.Locator("a.evidence-original")).ToHaveCountAsync(0);
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_supervisor_may_download_the_original()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("sam", UserRole.Supervisor, "en");
        await using var console = await SignInAtLaptopSizeAsync(host, "sam");
        await SendPhotoAsync(host, TestPhotos.WithGps());
        await console.Page.GotoAsync("/console/");
        await console.WaitUntilHomeAsync();

        await console.Waiting.First.Locator("button").ClickAsync();

        await Expect(console.Page.Locator("#transcript a.evidence-original")).ToHaveTextAsync("Download the original");
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_file_that_was_not_kept_says_so_and_why_in_the_transcript()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await using var console = await SignInAtLaptopSizeAsync(host, "amira");
        await SendPhotoAsync(host, TestPhotos.Corrupt());

        await console.Waiting.First.Locator("button").ClickAsync();

        await Expect(console.Page.Locator("#transcript .attachment-not-kept")).ToHaveTextAsync("attachment not kept: the image is damaged");
        await Expect(console.Page.Locator("#transcript")).ToContainTextAsync("this is the door they lock");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>The person asks for someone, then sends the photo; the test waits until the media job has dealt with it.</summary>
    private static async Task SendPhotoAsync(ConsoleHost host, byte[] photo)
    {
        var phone = host.NextPhone();
        await host.AskForPersonBySmsAsync(phone, "hello, my boss keeps my passport");
        await host.PostMmsAsync(phone, "this is the door they lock", photo, "image/jpeg");
        await host.WaitForMediaAsync();
    }

    private async Task<ConsolePage> SignInAtLaptopSizeAsync(ConsoleHost host, string userName)
    {
        var console = await ConsolePage.SignInAsync(browser.Browser, host, userName);
        await console.Page.SetViewportSizeAsync(1366, 768);
        return console;
    }
}
