using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Hotline.Api.Storage;

/// <summary>
/// One open connection, with a transaction when it writes. Statements are run by name so that the SQL
/// stays in its files and each dialect supplies its own where the engines differ.
/// </summary>
public sealed class DbSession : IAsyncDisposable
{
    private readonly SqlStatements _sql;
    private readonly List<Action> _afterCommit = [];
    private Action? _onDispose;
    private DbTransaction? _transaction;

    // Microsoft.Data.Sqlite's async methods run synchronously underneath; awaiting them only adds a task and a
    // state machine to every statement. SQLite is called synchronously, SQL Server asynchronously.
    private readonly bool _runsSynchronously;

    internal DbSession(DbConnection connection, DbTransaction? transaction, SqlStatements sql, Action? onDispose = null)
    {
        Connection = connection;
        _runsSynchronously = connection is SqliteConnection;
        _transaction = transaction;
        _sql = sql;
        _onDispose = onDispose;
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

    internal Task SaveAsync(string savepoint) => Transaction.SaveAsync(savepoint);

    internal Task RollbackToAsync(string savepoint) => Transaction.RollbackAsync(savepoint);

    internal Task ReleaseAsync(string savepoint) => Transaction.ReleaseAsync(savepoint);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Transaction.CommitAsync(cancellationToken);
        await Transaction.DisposeAsync();
        _transaction = null;
        foreach (var action in _afterCommit)
        {
            action();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }

            await Connection.DisposeAsync();
        }
        finally
        {
            Interlocked.Exchange(ref _onDispose, null)?.Invoke();
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

    private CommandDefinition Command(string statement, object? args, CancellationToken cancellationToken) =>
        new(_sql[statement], args, _transaction, cancellationToken: cancellationToken);
}
