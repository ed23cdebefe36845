using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hotline.Api.Storage;

internal static class SqliteConnections
{
    // Native connections already configured; an entry goes when the pool lets its connection go.
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();

    /// <summary>
    /// Resolves a relative file against the content root (so <c>App_Data/hotline.db</c> lands beside the
    /// app whatever the working directory), creates its folder, and keeps connections pooled.
    /// </summary>
    public static string Prepare(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal)
            && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Settings that belong to a connection rather than the file. WAL with synchronous=FULL syncs the log
    /// at every commit: an acknowledged message survives a killed process and a power cut. The busy
    /// timeout lets a writer wait its turn instead of failing while another commits. They stay with the
    /// native connection, which the pool keeps open, so they are set once per native connection rather than
    /// at every open: on the hot path that was one statement more per session.
    /// </summary>
    public static void ConfigureSession(SqliteConnection connection)
    {
        if (Configured.TryGetValue(connection.Handle!, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;";
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(connection.Handle!, Configured);
    }

    /// <summary>WAL is a property of the file: set once, before anything else opens it.</summary>
    public static void UseWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode (journal_mode is '{mode}').");
        }
    }
}
