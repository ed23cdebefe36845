namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// Sessions on SQLite: reads on a pool of open connections (<see cref="SqliteReaders"/>), writes on the
/// single writer (<see cref="SqliteWriter"/>), and the hot path's writes sharing commits
/// (<see cref="GroupCommit"/>). For a database file, the writer commits without syncing and
/// <see cref="WriteAheadLogSync"/> makes each commit durable before it is acknowledged, while
/// <see cref="WriteAheadLog"/> keeps the log copied into the file.
/// </summary>
internal sealed class SqliteSessions : IDatabaseEngine
{
    private readonly SqliteReaders _readers;
    private readonly SqliteWriter _writer;
    private readonly GroupCommit _groupCommit;

    public SqliteSessions(string connectionString, SqlStatements sql)
    {
        var logSync = SqliteConnections.LogSyncFor(connectionString);
        _readers = new SqliteReaders(connectionString, sql);
        _writer = new SqliteWriter(connectionString, sql, logSync);
        _groupCommit = new GroupCommit(_writer.BeginAsync);
        WriteAheadLog = logSync is null ? null : new WriteAheadLog(connectionString, logSync.DatabaseFile, _writer);
    }

    /// <inheritdoc cref="SqliteWriter.Held"/>
    public TimeSpan WriterHeld => _writer.Held;

    /// <summary>The log to keep copied into the file; none for an in-memory database or a <c>file:</c> URI.</summary>
    public WriteAheadLog? WriteAheadLog { get; }

    public Task<DbSession> OpenAsync(CancellationToken cancellationToken) => Task.FromResult(_readers.Open());

    public Task<DbSession> BeginWriteAsync(CancellationToken cancellationToken) => _writer.BeginAsync(cancellationToken);

    /// <summary>Work from concurrent callers shares one commit: the hot path's answer to one fsync per write.</summary>
    public Task<T> WriteAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _groupCommit.RunAsync(work, cancellationToken);

    /// <summary>Runs <paramref name="work"/> on the writer's connection between writes: for a setting only that connection holds.</summary>
    public Task<T> RunOnWriterAsync<T>(Func<Microsoft.Data.Sqlite.SqliteConnection, T> work, CancellationToken cancellationToken) =>
        _writer.RunBetweenWritesAsync(work, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        WriteAheadLog?.Dispose();
        await _readers.DisposeAsync();
    }
}
