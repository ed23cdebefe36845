using System.Diagnostics;

namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// SQLite's single writer: one connection of its own, kept open with its statements prepared, held by one
/// write session at a time. A write session is <c>BEGIN IMMEDIATE</c>: it takes the write lock before its
/// first read, so a read-then-write never fails half way with SQLITE_BUSY on lock upgrade.
/// </summary>
/// <param name="logSync">Where the writer commits without syncing (a database file), what makes each commit durable.</param>
internal sealed class SqliteWriter(string connectionString, SqlStatements sql, WriteAheadLogSync? logSync) : IAsyncDisposable
{
    // SQLite has one writer. Waiting for it inside SQLite's busy handler parks a thread-pool thread and
    // lets waiters barge past each other for seconds; waiting here is asynchronous and first come, first
    // served. The busy timeout still covers other processes (the operator's command line).
    private readonly SemaphoreSlim _turn = new(1, 1);
    private PreparedSqliteConnection? _connection;
    private volatile bool _disposed;

    // Every write waits for the one before it, so the share of its time the writer is held says how long webhooks queue
    // behind it (docs/performance.md: the open loop's p99 passed 50 ms in most runs where it was held 77% of the time or more).
    private long _heldTicks;
    private long _heldSince;

    /// <summary>How long the writer has been held in all since it was made, by its sessions and the work between them.</summary>
    public TimeSpan Held => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _heldTicks));

    /// <summary>A write transaction on the single writer; the writer is let go when the session ends.</summary>
    public async Task<DbSession> BeginAsync(CancellationToken cancellationToken)
    {
        await TakeTurnAsync(cancellationToken);
        try
        {
            _connection ??= Open();
            return new DbSession(_connection, _connection.BeginTransaction(deferred: false), sql, End, runsSynchronously: true,
                logSync is null ? null : logSync.SyncAsync);
        }
        catch
        {
            await End(_connection, clean: false);
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> on the writer's own connection, outside any transaction, while no session holds the writer.</summary>
    public async Task<T> RunBetweenWritesAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await TakeTurnAsync(cancellationToken);
        try
        {
            _connection ??= Open();
            return work(_connection.Inner);
        }
        finally
        {
            GiveTurnBack();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _turn.WaitAsync();
        try
        {
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task TakeTurnAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        _heldSince = Stopwatch.GetTimestamp();
    }

    private void GiveTurnBack()
    {
        Interlocked.Add(ref _heldTicks, Stopwatch.GetTimestamp() - _heldSince);
        _turn.Release();
    }

    private PreparedSqliteConnection Open() =>
        SqliteConnections.OpenPrepared(connectionString, writer: true, logSyncedAfterCommit: logSync is not null);

    /// <summary>Gives the writer back; a connection whose session ended badly is closed and the next write opens a new one.</summary>
    private ValueTask End(DbConnection? connection, bool clean)
    {
        try
        {
            if ((!clean || _disposed) && connection is not null)
            {
                connection.Dispose();
                _connection = null;
            }
        }
        finally
        {
            GiveTurnBack();
        }

        return ValueTask.CompletedTask;
    }
}
