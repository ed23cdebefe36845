namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// A database as a hotline of an earlier migration left it. Apart from <see cref="HostDatabase"/>, which the console tests
/// share, because the migrator's stopping point is visible to these tests only.
/// </summary>
public static class OlderSchema
{
    /// <summary>
    /// Brings the database to the schema a hotline of migration <paramref name="lastMigration"/> left, by the product's own
    /// migrator stopped there: a test then writes rows as the code of that time wrote them, and the next host to start on it
    /// (<c>HotlineApp.StartPartsAsync(database)</c>) applies the later migrations to them.
    /// </summary>
    public static async Task MigrateUpToAsync(this HostDatabase database, int lastMigration)
    {
        await using var old = TestDatabase.Unmigrated(database.Engine, database.ConnectionString, database.Folder);
        await new DatabaseMigrator(old, NullLoggerFactory.Instance).MigrateUpToAsync(lastMigration, TestContext.Current.CancellationToken);
    }
}
