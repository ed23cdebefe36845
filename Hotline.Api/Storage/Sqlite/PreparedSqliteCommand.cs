using System.Data;
using System.Diagnostics.CodeAnalysis;

namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// A command that runs on its connection's prepared statement for the same text: it takes that command
/// when its text is set, binds its parameters there, and gives it back when disposed (after its reader,
/// as Dapper disposes them).
/// </summary>
internal sealed class PreparedSqliteCommand(PreparedSqliteConnection connection) : DbCommand
{
    // Dapper names parameters without their prefix; Microsoft.Data.Sqlite then looks a bare name up four times
    // (as given, then with @, $ and :, to catch ambiguity), each a native call with the name converted to
    // UTF-8. Our statements use @ names only, so naming them so finds each in one.
    private static readonly ConcurrentDictionary<string, string> PrefixedNames = new(StringComparer.Ordinal);

    private SqliteCommand? _prepared;

    // As SqliteConnection.CreateCommand does: a command made during a transaction runs in it.
    private SqliteTransaction? _transaction = connection.Transaction;
    private int? _timeout;

    [AllowNull]
    public override string CommandText
    {
        get => _prepared?.CommandText ?? string.Empty;
        set
        {
            GiveBack();
            _prepared = string.IsNullOrEmpty(value) ? null : connection.Take(value);
        }
    }

    public override int CommandTimeout
    {
        get => _timeout ?? _prepared?.CommandTimeout ?? 30;
        set => _timeout = value;
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("SQLite runs text commands only.");
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("A prepared command belongs to the connection that made it.");
    }

    protected override DbParameterCollection DbParameterCollection => Prepared.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set => _transaction = (SqliteTransaction?)value;
    }

    private SqliteCommand Prepared => _prepared ?? throw new InvalidOperationException("Set the command's text before its parameters.");

    public override void Cancel() => _prepared?.Cancel();

    public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

    public override object? ExecuteScalar() => Ready().ExecuteScalar();

    /// <summary>Already done: the connection prepared the statement when it first met its text.</summary>
    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Ready().ExecuteReader(behavior);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            GiveBack();
        }

        base.Dispose(disposing);
    }

    private SqliteCommand Ready()
    {
        var command = Prepared;
        command.Transaction = _transaction;
        foreach (SqliteParameter parameter in command.Parameters)
        {
            parameter.ParameterName = PrefixedNames.GetOrAdd(parameter.ParameterName, name => name[0] is '@' or '$' or ':' ? name : "@" + name);
        }

        if (_timeout is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }

    private void GiveBack()
    {
        if (_prepared is not null)
        {
            connection.GiveBack(_prepared);
            _prepared = null;
        }
    }
}
