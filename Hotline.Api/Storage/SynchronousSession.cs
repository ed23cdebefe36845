namespace Hotline.Api.Storage;

/// <summary>
/// A connection of its own, opened and used synchronously, with no transaction: each statement commits by itself.
/// For the rare caller a framework calls synchronously (Data Protection's key repository): it never blocks a
/// thread on a task, so it cannot deadlock on one, and on SQLite it does not queue behind the single writer's
/// turn: its one short write takes the file's lock as another process would, waiting at most the busy timeout.
/// </summary>
public sealed class SynchronousSession : IDisposable
{
    private readonly DbConnection _connection;
    private readonly SqlStatements _sql;

    internal SynchronousSession(DbConnection connection, SqlStatements sql)
    {
        _connection = connection;
        _sql = sql;
    }

    public IReadOnlyList<T> Query<T>(string statement, object? args) => [.. _connection.Query<T>(_sql.ToRun(statement), args)];

    public int Execute(string statement, object? args) => _connection.Execute(_sql.ToRun(statement), args);

    public void Dispose() => _connection.Dispose();
}
