using System.Data;
using Microsoft.Data.SqlClient;

namespace Hotline.Api.Storage.SqlServer;

/// <summary>
/// Sessions on SQL Server: a pooled connection each, given back when the session ends. SQL Server has many
/// writers and groups log flushes by itself, so a write is simply a read-committed transaction.
/// </summary>
internal sealed class SqlServerSessions(string connectionString, SqlStatements sql) : IDatabaseEngine
{
    public async Task<DbSession> OpenAsync(CancellationToken cancellationToken) =>
        new(await OpenConnectionAsync(cancellationToken), null, sql, DisposeConnection, runsSynchronously: false);

    public async Task<DbSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return new DbSession(connection, transaction, sql, DisposeConnection, runsSynchronously: false);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<T> WriteAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var session = await BeginWriteAsync(cancellationToken);
        var result = await work(session, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return result;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static ValueTask DisposeConnection(DbConnection connection, bool clean) => connection.DisposeAsync();

    private async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(connectionString);
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
