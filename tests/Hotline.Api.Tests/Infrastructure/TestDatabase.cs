using Hotline.Api.Storage;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// A real, freshly migrated database for one test: a SQLite file in a temporary folder, or a new
/// database on the SQL Server named by HOTLINE_TEST_SQLSERVER (the test is skipped, with that reason,
/// when the variable is not set).
/// </summary>
public sealed partial class TestDatabase : IAsyncDisposable
{
    public const string SqlServerVariable = "HOTLINE_TEST_SQLSERVER";

    private readonly Func<Task> _cleanup;

    private TestDatabase(Database database, string folder, Func<Task> cleanup)
    {
        Database = database;
        Folder = folder;
        _cleanup = cleanup;
    }

    public Database Database { get; }

    /// <summary>The folder the SQLite file (and its WAL) lives in.</summary>
    public string Folder { get; }

    public string SqliteFile => Path.Combine(Folder, "hotline.db");

    /// <summary>Why a SQL Server test cannot run here, or null when HOTLINE_TEST_SQLSERVER names a server.</summary>
    public static string? SqlServerMissing() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerVariable))
            ? $"{SqlServerVariable} is not set: no SQL Server to run this test against."
            : null;

    /// <summary>Skips the running test when <paramref name="provider"/> is SQL Server and HOTLINE_TEST_SQLSERVER names none.</summary>
    public static void SkipWithoutServer(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.SqlServer && SqlServerMissing() is { } missing)
        {
            Assert.Skip(missing);
        }
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        // Skipped before any folder is made: a skipped test leaves nothing behind.
        SkipWithoutServer(provider);

        var folder = Directory.CreateTempSubdirectory("hotline-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            var database = await OpenAsync(provider, "Data Source=hotline.db", folder);
            return new TestDatabase(database, folder, async () =>
            {
                await database.DisposeAsync();
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            });
        }

        var (connectionString, drop) = await CreateEmptySqlServerDatabaseAsync();
        var serverDatabase = await OpenAsync(provider, connectionString, folder);
        return new TestDatabase(serverDatabase, folder, async () =>
        {
            await serverDatabase.DisposeAsync();
            await drop();
            Directory.Delete(folder, recursive: true);
        });
    }

    /// <summary>
    /// A new, unmigrated database on the server named by HOTLINE_TEST_SQLSERVER (skipping the test without
    /// one), set up as infra/sqlserver/create-database.sql sets up production's, and the step that drops it.
    /// </summary>
    public static async Task<(string ConnectionString, Func<Task> Drop)> CreateEmptySqlServerDatabaseAsync()
    {
        SkipWithoutServer(DatabaseProvider.SqlServer);

        var server = Environment.GetEnvironmentVariable(SqlServerVariable)!;

        var name = $"hotline_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync(server, $"CREATE DATABASE [{name}];");
        // Production reads row versions instead of waiting for writers' locks; tests must see the same behaviour.
        await ExecuteOnServerAsync(server, $"ALTER DATABASE [{name}] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;");
        return (new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString, async () =>
        {
            SqlConnection.ClearAllPools();
            await ExecuteOnServerAsync(server, $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}];");
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _cleanup();
        Disposed(Database);
    }

    /// <summary>What the test assembly notes of the database once it is disposed (statement coverage).</summary>
    partial void Disposed(Database database);

    private static async Task<Database> OpenAsync(DatabaseProvider provider, string connectionString, string folder)
    {
        var database = Unmigrated(provider, connectionString, folder);
        await new DatabaseMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }

    /// <summary>A <see cref="Hotline.Api.Storage.Database"/> over the connection string, with no migration run.</summary>
    public static Database Unmigrated(DatabaseProvider provider, string connectionString, string folder) =>
        new(Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }),
            new HostingEnvironment { ContentRootPath = folder, EnvironmentName = "Test" });

    private static async Task ExecuteOnServerAsync(string connectionString, string sql)
    {
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
