using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Storage;

/// <summary>
/// Opens sessions on the configured engine. Every write goes through <see cref="BeginWriteAsync"/>.
/// SQLite connections stay open between sessions, each keeping its statements prepared
/// (<see cref="PreparedSqliteConnection"/>): the single writer has one of its own, readers share the rest.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    // Enough for every request in flight on a busy instance to find one ready; beyond it, a connection
    // that is given back is closed (its native connection returns to Microsoft.Data.Sqlite's pool).
    private const int MaxIdleReaders = 32;

    private const int RestartWaitsForReadersMilliseconds = 10;

    private readonly string _connectionString;
    private readonly SqlStatements _sql;

    // SQLite has one writer. Waiting for it inside SQLite's busy handler parks a thread-pool thread and
    // lets waiters barge past each other for seconds; waiting here is asynchronous and first come, first
    // served. The busy timeout still covers other processes (the operator's command line).
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private readonly GroupCommit _groupCommit;
    private readonly ConcurrentBag<PreparedSqliteConnection> _idleReaders = [];
    private readonly WriteAheadLogSync? _logSync;
    private PreparedSqliteConnection? _writer;
    private SqliteConnection? _checkpointer;
    private volatile bool _disposed;

    public Database(IOptions<DatabaseOptions> options, IHostEnvironment environment)
    {
        DapperTypeHandlers.Register();
        Provider = options.Value.Provider;
        _sql = SqlStatements.For(Provider);
        _connectionString = Provider == DatabaseProvider.Sqlite
            ? SqliteConnections.Prepare(options.Value.ConnectionString, environment.ContentRootPath)
            : options.Value.ConnectionStringWithPassword();
        _logSync = Provider == DatabaseProvider.Sqlite ? SqliteConnections.LogSyncFor(_connectionString) : null;
        _groupCommit = new GroupCommit(BeginWriteAsync);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString => _connectionString;

    /// <summary>A session without a transaction, for reads.</summary>
    public async Task<DbSession> OpenAsync(CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var reader = _idleReaders.TryTake(out var idle) ? idle : OpenSqlite(writer: false);
            return new DbSession(reader, null, _sql, GiveBackReader);
        }

        return new DbSession(await OpenSqlServerAsync(cancellationToken), null, _sql, DisposeConnection);
    }

    /// <summary>
    /// A write transaction. On SQLite it is <c>BEGIN IMMEDIATE</c>: it takes the write lock before its
    /// first read, so a read-then-write never fails half way with SQLITE_BUSY on lock upgrade.
    /// </summary>
    public async Task<DbSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return await BeginSqliteWriteAsync(cancellationToken);
        }

        var connection = await OpenSqlServerAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return new DbSession(connection, transaction, _sql, DisposeConnection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and commits it. The work must not commit, nor
    /// begin another write: on SQLite it runs while the single writer is held.
    /// On SQLite, work from concurrent callers shares one commit (<see cref="GroupCommit"/>), the hot
    /// path's answer to one fsync per write; SQL Server groups log flushes by itself.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return await _groupCommit.RunAsync(work, cancellationToken);
        }

        await using var session = await BeginWriteAsync(cancellationToken);
        var result = await work(session, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return result;
    }

    /// <inheritdoc cref="WriteAsync{T}"/>
    public Task WriteAsync(Func<DbSession, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async (session, token) =>
        {
            await work(session, token);
            return true;
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _sqliteWriter.WaitAsync();
        try
        {
            _writer?.Dispose();
            _writer = null;
            _checkpointer?.Dispose();
            _checkpointer = null;
        }
        finally
        {
            _sqliteWriter.Release();
        }

        while (_idleReaders.TryTake(out var reader))
        {
            await reader.DisposeAsync();
        }
    }

    /// <summary>Whether this is a SQLite file, whose write-ahead log <see cref="WriteAheadLogCheckpointJob"/> keeps copied and short.</summary>
    internal bool HasWriteAheadLog => _logSync is not null;

    /// <summary>
    /// Copies what it can of the write-ahead log into the database file and syncs that file, on a
    /// connection of its own and without waiting for anyone: the writer goes on writing meanwhile.
    /// Only <see cref="WriteAheadLogCheckpointJob"/> calls it, one call at a time.
    /// </summary>
    internal WriteAheadLogProgress CopyLogWithoutWaiting()
    {
        if (_checkpointer is null)
        {
            var connection = new SqliteConnection(_connectionString);
            connection.Open();
            SqliteConnections.ConfigureSession(connection, writer: false, logSyncedAfterCommit: false);
            _checkpointer = connection;
        }

        var progress = Checkpoint(_checkpointer, "PASSIVE");
        if (progress.LogFrames < 0)
        {
            // A connection opened before the file was put in WAL mode never sees the log: open a new one next time.
            _checkpointer.Dispose();
            _checkpointer = null;
        }

        return progress;
    }

    /// <summary>
    /// Copies the rest of the log under the single writer, so that the next write starts the log again
    /// from its beginning. Done when little is left to copy, it holds the writer only briefly; a reader
    /// still on an older snapshot is waited for only a few milliseconds (the next pass tries again), so
    /// a long report never holds up the writes behind it.
    /// </summary>
    internal async Task<WriteAheadLogProgress> RestartLogAsync(CancellationToken cancellationToken)
    {
        await _sqliteWriter.WaitAsync(cancellationToken);
        try
        {
            _writer ??= OpenSqlite(writer: true);
            SetBusyTimeout(_writer.Inner, RestartWaitsForReadersMilliseconds);
            try
            {
                return Checkpoint(_writer.Inner, "RESTART");
            }
            finally
            {
                SetBusyTimeout(_writer.Inner, SqliteConnections.BusyTimeoutMilliseconds);
            }
        }
        finally
        {
            _sqliteWriter.Release();
        }
    }

    private static void SetBusyTimeout(SqliteConnection connection, int milliseconds)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds};";
        command.ExecuteNonQuery();
    }

    private static WriteAheadLogProgress Checkpoint(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var reader = command.ExecuteReader();
        reader.Read();
        // The first column says whether something kept the checkpoint from finishing; the counts say how far it got.
        return new WriteAheadLogProgress(reader.GetInt32(1), reader.GetInt32(2));
    }

    private async Task<DbSession> BeginSqliteWriteAsync(CancellationToken cancellationToken)
    {
        await _sqliteWriter.WaitAsync(cancellationToken);
        try
        {
            _writer ??= OpenSqlite(writer: true);
            return new DbSession(_writer, _writer.BeginTransaction(deferred: false), _sql, EndSqliteWrite, _logSync is null ? null : _logSync.SyncAsync);
        }
        catch
        {
            await EndSqliteWrite(_writer, clean: false);
            throw;
        }
    }

    /// <summary>Gives the writer back; a connection whose session ended badly is closed and the next write opens a new one.</summary>
    private ValueTask EndSqliteWrite(DbConnection? connection, bool clean)
    {
        try
        {
            if ((!clean || _disposed) && connection is not null)
            {
                connection.Dispose();
                _writer = null;
            }
        }
        finally
        {
            _sqliteWriter.Release();
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask GiveBackReader(DbConnection connection, bool clean)
    {
        if (clean && !_disposed && _idleReaders.Count < MaxIdleReaders)
        {
            _idleReaders.Add((PreparedSqliteConnection)connection);
            return ValueTask.CompletedTask;
        }

        return connection.DisposeAsync();
    }

    private static ValueTask DisposeConnection(DbConnection connection, bool clean) => connection.DisposeAsync();

    private PreparedSqliteConnection OpenSqlite(bool writer)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            SqliteConnections.ConfigureSession(connection, writer, logSyncedAfterCommit: writer && _logSync is not null);
            return new PreparedSqliteConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private async Task<DbConnection> OpenSqlServerAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
