using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Storage;

/// <summary>Opens sessions on the configured engine. Every write goes through <see cref="BeginWriteAsync"/>.</summary>
public sealed class Database
{
    private readonly string _connectionString;
    private readonly SqlStatements _sql;

    // SQLite has one writer. Waiting for it inside SQLite's busy handler parks a thread-pool thread and
    // lets waiters barge past each other for seconds; waiting here is asynchronous and first come, first
    // served. The busy timeout still covers other processes (the operator's command line).
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private readonly GroupCommit _groupCommit;

    public Database(IOptions<DatabaseOptions> options, IHostEnvironment environment)
    {
        DapperTypeHandlers.Register();
        Provider = options.Value.Provider;
        _sql = SqlStatements.For(Provider);
        _connectionString = Provider == DatabaseProvider.Sqlite
            ? SqliteConnections.Prepare(options.Value.ConnectionString, environment.ContentRootPath)
            : options.Value.ConnectionString;
        _groupCommit = new GroupCommit(BeginWriteAsync);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString => _connectionString;

    /// <summary>A session without a transaction, for reads.</summary>
    public async Task<DbSession> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        return new DbSession(connection, null, _sql);
    }

    /// <summary>
    /// A write transaction. On SQLite it is <c>BEGIN IMMEDIATE</c>: it takes the write lock before its
    /// first read, so a read-then-write never fails half way with SQLITE_BUSY on lock upgrade.
    /// </summary>
    public async Task<DbSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var gated = Provider == DatabaseProvider.Sqlite;
        if (gated)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }

        DbConnection? connection = null;
        try
        {
            connection = await OpenConnectionAsync(cancellationToken);
            DbTransaction transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return new DbSession(connection, transaction, _sql, gated ? () => _sqliteWriter.Release() : null);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            if (gated)
            {
                _sqliteWriter.Release();
            }

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

    private async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(_connectionString)
            : new SqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                SqliteConnections.ConfigureSession(sqlite);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
