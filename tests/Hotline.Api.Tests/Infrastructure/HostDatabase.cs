using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// The database an in-process host runs on, with the folder beside it (the SQLite file, the media): a SQLite file, or a
/// database of its own on the server named by HOTLINE_TEST_SQLSERVER. Every <see cref="HotlineApp"/> holds one; a test
/// that starts several hosts on the same database, one after another or side by side, creates it itself
/// (<see cref="CreateAsync"/>) and hands it to each (<c>HotlineApp.CreateAsync(database, ...)</c>,
/// <c>StartPartsAsync(database, ...)</c>, and the harnesses' <c>StartAsync(database, ...)</c>). It is made once, and
/// dropped (the SQL Server database) and deleted (the folder) once, when the last of its holders, the test and the hosts,
/// lets go.
/// </summary>
public sealed class HostDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;
    private int _holders = 1;

    private HostDatabase(DatabaseProvider engine, string folder, string connectionString, Func<Task> drop)
    {
        Engine = engine;
        Folder = folder;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public DatabaseProvider Engine { get; }

    /// <summary>A folder of this database's own: the SQLite file lives here, and the hosts keep their media here.</summary>
    public string Folder { get; }

    /// <summary>The SQLite file (on SQL Server, nothing is stored there).</summary>
    public string SqliteFile => Path.Combine(Folder, "hotline.db");

    public string ConnectionString { get; }

    /// <summary>
    /// A new, empty database on <paramref name="engine"/>, held by the caller until disposed; the test is skipped, before
    /// anything is made, when it asks for SQL Server and HOTLINE_TEST_SQLSERVER names none.
    /// </summary>
    public static async Task<HostDatabase> CreateAsync(DatabaseProvider engine)
    {
        if (engine == DatabaseProvider.Sqlite)
        {
            return NewSqlite();
        }

        var (connectionString, drop) = await TestDatabase.CreateEmptySqlServerDatabaseAsync();
        return new HostDatabase(engine, NewFolder(), connectionString, drop);
    }

    /// <summary>Starts something that holds a new database on <paramref name="engine"/>; the database goes when that lets go of it.</summary>
    public static async Task<T> FreshAsync<T>(DatabaseProvider engine, Func<HostDatabase, Task<T>> start)
    {
        await using var fresh = await CreateAsync(engine);
        return await start(fresh);
    }

    /// <summary>A new, empty SQLite file, held by the caller.</summary>
    internal static HostDatabase NewSqlite()
    {
        var folder = NewFolder();
        return new HostDatabase(DatabaseProvider.Sqlite, folder, $"Data Source={Path.Combine(folder, "hotline.db")}", () => Task.CompletedTask);
    }

    /// <summary>
    /// The settings that put a host on this database, and its media beside it. Its media job does not wait for free cores:
    /// the tests keep the machine's cores busy for each other, so it would wait in most of them (MediaWorkerTests and
    /// BusyMachineYieldTests try the wait itself).
    /// </summary>
    internal Dictionary<string, string?> Settings() => new()
    {
        ["Hotline:Database:Provider"] = Engine.ToString(),
        ["Hotline:Database:ConnectionString"] = ConnectionString,
        ["Hotline:Media:Path"] = Path.Combine(Folder, "media"),
        ["Hotline:Media:YieldWhileCoresFreeBelow"] = "0",
    };

    /// <summary>A test's own connection to this database, outside the hosts' sessions (between two hosts, say).</summary>
    public async Task<DbConnection> OpenConnectionAsync()
    {
        DbConnection connection = Engine == DatabaseProvider.Sqlite ? new SqliteConnection(ConnectionString) : new SqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>One more holder (a host starting on it); each holder disposes it once.</summary>
    internal HostDatabase Hold()
    {
        if (Interlocked.Increment(ref _holders) == 1)
        {
            throw new ObjectDisposedException(nameof(HostDatabase), "Every holder had let go of this database: it is gone.");
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Decrement(ref _holders) > 0)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        await _drop();
        Directory.Delete(Folder, recursive: true);
    }

    private static string NewFolder() => Directory.CreateTempSubdirectory("hotline-app-").FullName;
}
