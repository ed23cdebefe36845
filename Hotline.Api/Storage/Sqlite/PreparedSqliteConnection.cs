using System.Data;
using System.Diagnostics.CodeAnalysis;

namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// An open SQLite connection that keeps every statement it has run prepared, for as long as it stays open.
/// Microsoft.Data.Sqlite prepares a statement again for every new command (dotnet/efcore#14044), and
/// parsing and planning were about a third of the single writer's time; Dapper creates a new command per
/// call, so commands made here hand it the connection's prepared one for the same text.
/// One session uses a connection at a time, so the cache needs no lock.
/// </summary>
internal sealed class PreparedSqliteConnection(SqliteConnection inner) : DbConnection
{
    private readonly Dictionary<string, SqliteCommand> _idle = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    public SqliteConnection Inner => inner;

    /// <summary>The open transaction, if any: a completed one lets go of its connection.</summary>
    internal SqliteTransaction? Transaction => _transaction?.Connection is null ? null : _transaction;

    /// <inheritdoc cref="SqliteConnection.BeginTransaction(bool)"/>
    public SqliteTransaction BeginTransaction(bool deferred) => _transaction = inner.BeginTransaction(deferred);

    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => throw new NotSupportedException("A prepared connection keeps the connection string it was opened with.");
    }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

    public override void Open() => inner.Open();

    /// <summary>Closing finalizes the commands' statements, so none of them may be handed out again.</summary>
    public override void Close()
    {
        _idle.Clear();
        inner.Close();
    }

    /// <summary>The prepared command for <paramref name="commandText"/>, taken out of the cache until it is given back.</summary>
    internal SqliteCommand Take(string commandText)
    {
        if (_idle.Remove(commandText, out var command))
        {
            return command;
        }

        command = inner.CreateCommand();
        command.CommandText = commandText;
        return command;
    }

    internal void GiveBack(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        command.CommandTimeout = inner.DefaultTimeout;
        // A statement run again while its command was out (a nested read) is not kept twice.
        if (!_idle.TryAdd(command.CommandText, command))
        {
            command.Dispose();
        }
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => _transaction = inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => new PreparedSqliteCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
