namespace Hotline.Console.Tests;

public sealed class RevocationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_console_open_in_the_browser_shows_the_sign_in_page_within_5_seconds_of_the_account_being_disabled()
    {
        await using var host = await ConsoleHost.StartAsync();
        var amira = await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.WaitUntilLiveAsync();

        await using (var connection = new SqliteConnection($"Data Source={host.DatabaseFile}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE Users SET Disabled = 1 WHERE Id = '{amira.Id}'";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await Expect(console.Page).ToHaveURLAsync($"{host.BaseUrl}/console/signin.html?ended=disabled", new() { Timeout = 5_000 });
    }
}
