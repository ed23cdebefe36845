namespace Hotline.Console.Tests;

/// <summary>
/// A case she holds, at 1366x768: the case view said only "Your claim is renewed every minute (now until 14:05)", which did not
/// tell her that closing the console (or losing the connection) gives the case back to the queue, nor when. It says so now,
/// with the lease the server is configured with (<c>Hotline:Queue:LeaseSeconds</c>), not a number written into the console.
/// </summary>
public sealed class ClaimRunsOutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("300", "about 5 minutes later")]
    [InlineData("120", "about 2 minutes later")]
    public async Task The_case_she_holds_says_it_goes_back_to_the_queue_a_lease_after_she_closes_the_console(string leaseSeconds, string when)
    {
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?> { ["Hotline:Queue:LeaseSeconds"] = leaseSeconds });
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await host.SeedCaseAsync("en", PriorityBand.High, "documents_retained");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.TakeNextCaseAsync();

        var note = console.Page.Locator("#case-facts .claim-note");
        await Expect(note).ToHaveTextAsync(
            $"If you close the console or lose the connection, the case goes back to the queue {when}.");
        await Expect(note).ToBeInViewportAsync();
        Assert.Empty(console.ScriptErrors);
    }
}
