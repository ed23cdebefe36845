namespace Hotline.Api.Tests.Storage;

/// <summary>On SQLite, Guids and times are text; their exact spelling decides equality and order.</summary>
public sealed class StoredFormTests
{
    [Fact]
    public async Task Guids_are_stored_as_lower_case_text()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        var user = await hotline.AddUserAsync(UserRole.Caseworker, "en");

        Assert.Equal(user.Id.ToString("D"), await RawAsync(hotline, "SELECT Id FROM Users"));
    }

    [Fact]
    public async Task Times_are_stored_as_fixed_width_utc_text()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        await hotline.AddUserAsync(UserRole.Caseworker, "en");

        Assert.Equal("2026-11-27T10:00:00.000Z", await RawAsync(hotline, "SELECT CreatedAt FROM Users"));
    }

    private static async Task<string> RawAsync(HotlineApp hotline, string sql)
    {
        await using var session = await hotline.Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = session.Connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
