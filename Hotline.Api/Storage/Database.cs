using Hotline.Api.Storage.Sqlite;
using Hotline.Api.Storage.SqlServer;
using Microsoft.Data.SqlClient;

namespace Hotline.Api.Storage;

/// <summary>
/// Where every feature gets its sessions, on the configured engine: reads through <see cref="OpenAsync"/>,
/// writes through <see cref="BeginWriteAsync"/> or <see cref="WriteAsync{T}"/>. How each engine keeps its
/// connections and makes commits durable is its own business (<c>Storage/Sqlite</c>, <c>Storage/SqlServer</c>).
/// </summary>
public sealed class Database : IAsyncDisposable
{
    /// <summary>Two SQLite pages of the default 4 KiB: the write probe needs pages the file may not have free.</summary>
    private static readonly string WriteProbeFiller = new('-', 8_192);

    private readonly IDatabaseEngine _engine;
    private readonly SqlStatements _sql;

    public Database(IOptions<DatabaseOptions> options, IHostEnvironment environment)
    {
        DapperTypeHandlers.Register();
        Provider = options.Value.Provider;
        var sql = SqlStatements.For(Provider);
        _sql = sql;
        if (Provider == DatabaseProvider.Sqlite)
        {
            ConnectionString = SqliteConnections.Prepare(options.Value.ConnectionString, environment.ContentRootPath);
            var sqlite = new SqliteSessions(ConnectionString, sql);
            WriteAheadLog = sqlite.WriteAheadLog;
            _engine = sqlite;
        }
        else
        {
            ConnectionString = options.Value.ConnectionStringWithPassword();
            _engine = new SqlServerSessions(ConnectionString, sql);
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The names of the statements this database has run (the test suite's statement coverage reads them).</summary>
    internal IReadOnlyCollection<string> StatementsRun => _sql.RunThroughThisInstance;

    public string ConnectionString { get; }

    /// <summary>The write-ahead log of a SQLite file, which <see cref="WriteAheadLogCheckpointJob"/> keeps copied and short; null otherwise.</summary>
    internal WriteAheadLog? WriteAheadLog { get; }

    /// <summary>
    /// On SQLite, how long its single writer has been held in all since this database was opened (every write waits for the
    /// one before it); null on SQL Server, which has no single writer.
    /// </summary>
    internal TimeSpan? SqliteWriterHeld => _engine is SqliteSessions sqlite ? sqlite.WriterHeld : null;

    /// <summary>A session without a transaction, for reads.</summary>
    public Task<DbSession> OpenAsync(CancellationToken cancellationToken) => _engine.OpenAsync(cancellationToken);

    /// <summary>
    /// A write transaction. On SQLite it is <c>BEGIN IMMEDIATE</c> on the single writer: it takes the write
    /// lock before its first read, so a read-then-write never fails half way with SQLITE_BUSY on lock upgrade.
    /// </summary>
    public Task<DbSession> BeginWriteAsync(CancellationToken cancellationToken) => _engine.BeginWriteAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and commits it. The work must not commit, nor
    /// begin another write: on SQLite it runs while the single writer is held.
    /// On SQLite, work from concurrent callers shares one commit (<see cref="GroupCommit"/>), the hot
    /// path's answer to one fsync per write; SQL Server groups log flushes by itself.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _engine.WriteAsync(work, cancellationToken);

    /// <inheritdoc cref="WriteAsync{T}"/>
    public Task WriteAsync(Func<DbSession, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async (session, token) =>
        {
            await work(session, token);
            return true;
        }, cancellationToken);

    /// <summary>
    /// After personal data was erased: on a SQLite file, copies the write-ahead log into the file and empties
    /// it, so the pages as they were before the erasure do not linger in the <c>-wal</c> file (the writer
    /// zeroes what it frees inside the file itself: <c>secure_delete</c>). Nothing to do on SQL Server.
    /// False when readers kept the log from being emptied.
    /// </summary>
    public Task<bool> ForgetOverwrittenPagesAsync(CancellationToken cancellationToken) =>
        WriteAheadLog?.TruncateAsync(cancellationToken) ?? Task.FromResult(true);

    /// <summary>
    /// A session for a caller that cannot await (<see cref="SynchronousSession"/>): a connection of its own, opened
    /// synchronously, outside the readers' pool and the writer's turn. Not for the hot path.
    /// </summary>
    public SynchronousSession OpenSynchronous()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite ? new SqliteConnection(ConnectionString) : new SqlConnection(ConnectionString);
        try
        {
            connection.Open();
            if (connection is SqliteConnection sqlite)
            {
                SqliteConnections.ConfigureSession(sqlite, writer: false, logSyncedAfterCommit: false);
            }

            return new SynchronousSession(connection, _sql);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs a trivial query on a reader's session: throws when the database does not answer.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        await session.QuerySingleAsync<long>("Database_Ping", null, cancellationToken);
    }

    /// <summary>
    /// Whether the database can still be written and grow: a row larger than a page, written on the writer and
    /// always rolled back. Throws what the write threw (a full disk, a read-only file, a database that does not
    /// answer); a database whose file cannot grow fails here even when a small update would still fit.
    /// </summary>
    public async Task ProbeWriteAsync(CancellationToken cancellationToken)
    {
        await using var session = await BeginWriteAsync(cancellationToken);
        await session.ExecuteAsync("WriteProbes_Create", new { Filler = WriteProbeFiller }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on SQLite's writer connection while no write holds it: for a setting that only
    /// that connection keeps (the tests cap <c>max_page_count</c> there to fill the database).
    /// </summary>
    internal Task<T> RunOnSqliteWriterAsync<T>(Func<Microsoft.Data.Sqlite.SqliteConnection, T> work, CancellationToken cancellationToken) =>
        _engine is SqliteSessions sqlite
            ? sqlite.RunOnWriterAsync(work, cancellationToken)
            : throw new InvalidOperationException("Only a SQLite database has a writer connection.");

    public ValueTask DisposeAsync() => _engine.DisposeAsync();
}
