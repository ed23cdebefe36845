using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Benchmarks;

/// <summary>
/// A migrated SQLite file in a temp folder of its own, opened through the product's <see cref="Database"/>
/// (WAL; the writer commits with synchronous=NORMAL and syncs the log itself before a commit returns;
/// readers use synchronous=FULL), and deleted on dispose. A real file on disk, because the fsync at each
/// commit is part of what a caseworker waits for.
/// </summary>
internal sealed class TempSqliteDatabase : IAsyncDisposable
{
    private TempSqliteDatabase(string folder, Database database)
    {
        Folder = folder;
        Database = database;
    }

    public string Folder { get; }

    public Database Database { get; }

    public static async Task<TempSqliteDatabase> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("hotline-bench-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db") }.ToString();
        var environment = new HostingEnvironment { ContentRootPath = folder, EnvironmentName = "Benchmark" };
        var database = new Database(Options.Create(new DatabaseOptions { ConnectionString = connectionString }), environment);
        await new DatabaseMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);
        return new TempSqliteDatabase(folder, database);
    }

    public async ValueTask DisposeAsync()
    {
        // Open and pooled connections keep the file (and its WAL) open; close them before removing the folder.
        await Database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
