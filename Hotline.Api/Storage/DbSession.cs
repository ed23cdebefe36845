namespace Hotline.Api.Storage;

/// <summary>
/// One open connection, with a transaction when it writes. Statements are run by name so that the SQL
/// stays in its files and each dialect supplies its own where the engines differ.
/// </summary>
public sealed class DbSession : IAsyncDisposable
{
    private readonly SqlStatements _sql;
    private readonly List<Action> _afterCommit = [];
    private Func<DbConnection, bool, ValueTask>? _release;
    private readonly Func<Task>? _syncLog;
    private DbTransaction? _transaction;

    // Microsoft.Data.Sqlite's async methods run synchronously underneath; awaiting them only adds a task and a
    // state machine to every statement. SQLite is called synchronously, SQL Server asynchronously.
    private readonly bool _runsSynchronously;

    /// <param name="release">Takes the connection back when the session ends, told whether it ended cleanly
    /// (any transaction closed without error): only a clean connection may serve another session.</param>
    /// <param name="runsSynchronously">Whether the driver's async methods only wrap synchronous work (Microsoft.Data.Sqlite's do).</param>
    /// <param name="syncLog">Makes a commit durable when the connection commits without syncing (<see cref="Sqlite.WriteAheadLogSync"/>).</param>
    internal DbSession(DbConnection connection, DbTransaction? transaction, SqlStatements sql, Func<DbConnection, bool, ValueTask> release,
        bool runsSynchronously, Func<Task>? syncLog = null)
    {
        Connection = connection;
        _runsSynchronously = runsSynchronously;
        _transaction = transaction;
        _sql = sql;
        _release = release;
        _syncLog = syncLog;
    }

    public DbConnection Connection { get; }

    public DatabaseProvider Provider => _sql.Provider;

    public Task<IEnumerable<T>> QueryAsync<T>(string statement, object? args, CancellationToken cancellationToken) =>
        _runsSynchronously
            ? Synchronously(() => Connection.Query<T>(Command(statement, args, cancellationToken)), cancellationToken)
            : Connection.QueryAsync<T>(Command(statement, args, cancellationToken));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string statement, object? args, CancellationToken cancellationToken) =>
        _runsSynchronously
            ? Synchronously(() => Connection.QuerySingleOrDefault<T>(Command(statement, args, cancellationToken)), cancellationToken)
            : Connection.QuerySingleOrDefaultAsync<T>(Command(statement, args, cancellationToken));

    public Task<T> QuerySingleAsync<T>(string statement, object? args, CancellationToken cancellationToken) =>
        _runsSynchronously
            ? Synchronously(() => Connection.QuerySingle<T>(Command(statement, args, cancellationToken)), cancellationToken)
            : Connection.QuerySingleAsync<T>(Command(statement, args, cancellationToken));

    /// <summary>For the one statement that may rightly run longer than the driver's default timeout (30 s on SQL Server).</summary>
    public Task<T> QuerySingleAsync<T>(string statement, object? args, TimeSpan commandTimeout, CancellationToken cancellationToken) =>
        _runsSynchronously
            ? Synchronously(() => Connection.QuerySingle<T>(Command(statement, args, cancellationToken, commandTimeout)), cancellationToken)
            : Connection.QuerySingleAsync<T>(Command(statement, args, cancellationToken, commandTimeout));

    public Task<int> ExecuteAsync(string statement, object? args, CancellationToken cancellationToken) =>
        _runsSynchronously
            ? Synchronously(() => Connection.Execute(Command(statement, args, cancellationToken)), cancellationToken)
            : Connection.ExecuteAsync(Command(statement, args, cancellationToken));

    /// <summary>Runs one statement for each argument set, reusing one prepared command: the bulk path.</summary>
    public Task<int> ExecuteManyAsync<T>(string statement, IEnumerable<T> argumentSets, CancellationToken cancellationToken) =>
        _runsSynchronously
            ? Synchronously(() => Connection.Execute(Command(statement, argumentSets, cancellationToken)), cancellationToken)
            : Connection.ExecuteAsync(Command(statement, argumentSets, cancellationToken));

    /// <summary>The database's own clock: leases are judged by it so that API instances with drifting
    /// clocks agree on who holds what.</summary>
    public Task<DateTimeOffset> DatabaseNowAsync(CancellationToken cancellationToken) =>
        QuerySingleAsync<DateTimeOffset>("Clock_Now", null, cancellationToken);

    /// <summary>Runs once the transaction has committed (never if it rolls back): how other parts learn of durable changes.</summary>
    public void AfterCommit(Action action)
    {
        if (!_afterCommit.Contains(action))
        {
            _afterCommit.Add(action);
        }
    }

    internal int AfterCommitCount => _afterCommit.Count;

    /// <summary>Drops what was registered after <paramref name="count"/> actions: their work was rolled back to a savepoint.</summary>
    internal void ForgetAfterCommitFrom(int count) => _afterCommit.RemoveRange(count, _afterCommit.Count - count);

    internal Task SaveAsync(string savepoint) =>
        _runsSynchronously ? RunPreparedAsync($"SAVEPOINT \"{savepoint}\";") : Transaction.SaveAsync(savepoint);

    internal Task RollbackToAsync(string savepoint) =>
        _runsSynchronously ? RunPreparedAsync($"ROLLBACK TO SAVEPOINT \"{savepoint}\";") : Transaction.RollbackAsync(savepoint);

    internal Task ReleaseAsync(string savepoint) =>
        _runsSynchronously ? RunPreparedAsync($"RELEASE SAVEPOINT \"{savepoint}\";") : Transaction.ReleaseAsync(savepoint);

    /// <summary>
    /// Commits and ends the session; returns once the changes are durable and the after-commit actions have
    /// run. The connection is given back before the wait for the disk: on SQLite it is the single writer, and
    /// the next write runs while this one's log is synced.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var madeDurable = await CommitVisibleAsync(cancellationToken);
        await DisposeAsync();
        await madeDurable();
    }

    /// <summary>
    /// Commits, so others see the changes at once; the returned step makes them durable and then runs the
    /// after-commit actions. It may run after the session has ended: the group commit lets the single
    /// writer go before it waits for the disk. Other sessions may read the changes a moment before they are on
    /// disk, but no caller may be told that its change was made before that step has run.
    /// </summary>
    internal async Task<Func<Task>> CommitVisibleAsync(CancellationToken cancellationToken)
    {
        await Transaction.CommitAsync(cancellationToken);
        await Transaction.DisposeAsync();
        _transaction = null;
        var afterCommit = _afterCommit.ToArray();
        var syncLog = _syncLog;
        return async () =>
        {
            if (syncLog is not null)
            {
                await syncLog();
            }

            foreach (var action in afterCommit)
            {
                action();
            }
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _release, null) is not { } release)
        {
            return;
        }

        var clean = false;
        try
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }

            clean = Connection.State == System.Data.ConnectionState.Open;
        }
        finally
        {
            await release(Connection, clean);
        }
    }

    private DbTransaction Transaction => _transaction ?? throw new InvalidOperationException("This session has no open transaction.");

    /// <summary>A statement run on the calling thread, its outcome (result, error or cancellation) as a completed task.</summary>
    private static Task<TResult> Synchronously<TResult>(Func<TResult> run, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        try
        {
            return Task.FromResult(run());
        }
        catch (Exception ex)
        {
            return Task.FromException<TResult>(ex);
        }
    }

    /// <summary>A savepoint statement on the connection's prepared command, as SqliteTransaction would run it on a new one.</summary>
    private Task RunPreparedAsync(string sql) =>
        Synchronously(() =>
        {
            using var command = Connection.CreateCommand();
            command.Transaction = Transaction;
            command.CommandText = sql;
            return command.ExecuteNonQuery();
        }, CancellationToken.None);

    private CommandDefinition Command(string statement, object? args, CancellationToken cancellationToken, TimeSpan? commandTimeout = null)
    {
        // An ended session's connection may already serve another session.
        ObjectDisposedException.ThrowIf(_release is null, this);
        return new(_sql.ToRun(statement), args, _transaction, (int?)commandTimeout?.TotalSeconds, cancellationToken: cancellationToken);
    }
}
