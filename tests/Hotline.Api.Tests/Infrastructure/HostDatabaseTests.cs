namespace Hotline.Api.Tests.Infrastructure;

/// <summary>The harness's database for several hosts lives as long as its last holder, and no longer.</summary>
public sealed class HostDatabaseTests
{
    [Theory, DatabaseData]
    public async Task A_second_host_keeps_the_first_hosts_rows_after_the_first_and_the_test_let_go_and_the_last_to_go_removes_the_database(
        DatabaseProvider engine)
    {
        var database = await HostDatabase.CreateAsync(engine);
        var first = await HotlineApp.StartPartsAsync(database);
        await first.AddUserAsync(UserRole.Caseworker, "en");
        var second = await HotlineApp.StartPartsAsync(first.HostDatabase);

        await database.DisposeAsync();
        await first.DisposeAsync();
        var usersSeenBySecond = await second.CountAsync("SELECT COUNT(*) FROM Users WHERE Role = 'Caseworker'");
        var keptWhileSecondRuns = Directory.Exists(database.Folder);
        await second.DisposeAsync();

        Assert.Equal((1, true, false), (usersSeenBySecond, keptWhileSecondRuns, Directory.Exists(database.Folder)));
    }
}
