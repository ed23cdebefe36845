namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// The readers' connections. They stay open between sessions, each keeping its statements prepared
/// (<see cref="PreparedSqliteConnection"/>): a session takes an idle one, or opens one when none is idle.
/// </summary>
internal sealed class SqliteReaders(string connectionString, SqlStatements sql) : IAsyncDisposable
{
    // Enough for every request in flight on a busy instance to find one ready; beyond it, a connection
    // that is given back is closed (its native connection returns to Microsoft.Data.Sqlite's pool).
    private const int MaxIdle = 32;

    private readonly ConcurrentBag<PreparedSqliteConnection> _idle = [];
    private volatile bool _disposed;

    /// <summary>A session without a transaction, for reads.</summary>
    public DbSession Open()
    {
        var reader = _idle.TryTake(out var idle) ? idle : SqliteConnections.OpenPrepared(connectionString, writer: false, logSyncedAfterCommit: false);
        return new DbSession(reader, null, sql, GiveBack, runsSynchronously: true);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            await reader.DisposeAsync();
        }
    }

    /// <summary>Keeps a connection whose session ended cleanly for the next session; closes the rest.</summary>
    private ValueTask GiveBack(DbConnection connection, bool clean)
    {
        if (clean && !_disposed && _idle.Count < MaxIdle)
        {
            _idle.Add((PreparedSqliteConnection)connection);
            return ValueTask.CompletedTask;
        }

        return connection.DisposeAsync();
    }
}
