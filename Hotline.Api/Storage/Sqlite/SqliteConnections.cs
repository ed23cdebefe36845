namespace Hotline.Api.Storage.Sqlite;

internal static class SqliteConnections
{
    public const int BusyTimeoutMilliseconds = 10_000;

    /// <summary>Twice the log's length at which the checkpointer starts it again: reached only if it stopped keeping up.</summary>
    public static readonly int WriterBackstopCheckpointFrames = 2 * WriteAheadLogLimits.Default.RestartAtFrames;

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

    /// <summary>A connection opened and configured for a session, that keeps its statements prepared.</summary>
    public static PreparedSqliteConnection OpenPrepared(string connectionString, bool writer, bool logSyncedAfterCommit)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            ConfigureSession(connection, writer, logSyncedAfterCommit);
            return new PreparedSqliteConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Settings that belong to a connection rather than the file, set once when a session's connection is
    /// opened (connections stay open between sessions). WAL with synchronous=FULL syncs the log at every
    /// commit: an acknowledged change survives a killed process and a power cut. The single writer's
    /// connection is the exception: it commits with synchronous=NORMAL and <see cref="WriteAheadLogSync"/>
    /// syncs the log after the write lock is let go, before anything is acknowledged. The busy timeout lets
    /// a writer wait its turn instead of failing while another process commits.
    /// </summary>
    /// <remarks>
    /// The writer zeroes what it deletes or overwrites (<c>secure_delete</c>): an erased message body or
    /// phone number must not stay readable in a free page or a cell's old space in the file.
    /// The writer keeps its temporary files in memory. Each write in a group runs under a savepoint, and
    /// SQLite copies every page a savepoint changes into a statement journal so that it can roll back;
    /// past 64 KiB that journal spills to a temporary file, and from then on every page costs two more
    /// system calls: under load, twice as many writes as the write-ahead log itself. The journal only
    /// ever holds one write's pages, since it is emptied each time a savepoint is released.
    /// Where the log is synced after commit (a database file), <see cref="WriteAheadLogCheckpointJob"/>
    /// copies it into the file beside the writer; the writer's own copying at the end of a commit stays
    /// only as a backstop, at <see cref="WriterBackstopCheckpointFrames"/> pages.
    /// </remarks>
    public static void ConfigureSession(SqliteConnection connection, bool writer, bool logSyncedAfterCommit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = {(logSyncedAfterCommit ? "NORMAL" : "FULL")};"
            + (writer ? " PRAGMA temp_store = MEMORY; PRAGMA secure_delete = ON;" : "")
            + (logSyncedAfterCommit ? $" PRAGMA wal_autocheckpoint = {WriterBackstopCheckpointFrames};" : "");
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Where the write-ahead log of a file database can be synced. None for an in-memory database or a
    /// <c>file:</c> URI: their writer keeps synchronous=FULL and syncs at each commit itself.
    /// </summary>
    public static WriteAheadLogSync? LogSyncFor(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:" or "" || builder.DataSource.StartsWith("file:", StringComparison.Ordinal)
            ? null
            : new WriteAheadLogSync(builder.DataSource);
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
