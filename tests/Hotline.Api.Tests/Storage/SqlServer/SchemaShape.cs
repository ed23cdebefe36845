using Microsoft.SqlServer.Dac.Model;
using Index = Microsoft.SqlServer.Dac.Model.Index;

namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>One column as both engines can describe it: its type is already mapped to a SQLite storage class.</summary>
internal sealed record ColumnShape(string Name, string StorageClass, bool Nullable);

/// <summary>A unique key or a filtered index: its table, its columns in order, and its filter normalised.</summary>
internal sealed record KeyShape(string Table, string Columns, bool Unique, string Filter)
{
    public override string ToString() => $"{Table} ({Columns}){(Unique ? " unique" : "")}{(Filter.Length > 0 ? " where " + Filter : "")}";
}

/// <summary>
/// The parts of a schema the two engines must agree on: tables, columns, nullability, compatible types,
/// primary keys, and the unique and filtered indexes that idempotency and one-open-case-per-conversation
/// rely on. Ordinary indexes may differ (SQL Server's clustered queue index needs no trailing Id).
/// </summary>
internal sealed partial class SchemaShape
{
    /// <summary>The SQLite storage class each SQL Server type is stored as (docs/sql-server.md lists the mapping).</summary>
    public static readonly IReadOnlyDictionary<string, string> StorageClassOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["uniqueidentifier"] = "TEXT", ["nvarchar"] = "TEXT", ["varchar"] = "TEXT", ["nchar"] = "TEXT", ["char"] = "TEXT",
        ["datetime2"] = "TEXT", ["date"] = "TEXT", ["datetimeoffset"] = "TEXT",
        ["int"] = "INTEGER", ["bigint"] = "INTEGER", ["smallint"] = "INTEGER", ["tinyint"] = "INTEGER", ["bit"] = "INTEGER",
        ["float"] = "REAL", ["real"] = "REAL", ["varbinary"] = "BLOB",
    };

    /// <summary>Tables one engine has for a reason of its own, with that reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> SqlServerOnlyTables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Counters"] = "hands out CaseEvents.Sequence in commit order (IDENTITY values can commit out of order); SQLite's single writer needs none",
    };

    // The DbUp journal is not part of the migrations' schema.
    private const string Journal = "SchemaVersions";

    public required SortedDictionary<string, IReadOnlyList<ColumnShape>> Tables { get; init; }

    public required SortedDictionary<string, string> PrimaryKeys { get; init; }

    public required IReadOnlyList<KeyShape> Keys { get; init; }

    public static SchemaShape FromSqlite(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        var tables = new SortedDictionary<string, IReadOnlyList<ColumnShape>>(StringComparer.OrdinalIgnoreCase);
        var primaryKeys = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var keys = new List<KeyShape>();
        foreach (var table in Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0))
                     .Where(t => !t.Equals(Journal, StringComparison.OrdinalIgnoreCase)))
        {
            var columns = Rows(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => (Column: new ColumnShape(r.GetString(0), r.GetString(1).ToUpperInvariant(), r.GetInt64(2) == 0), Pk: r.GetInt64(3)));
            // A lone INTEGER PRIMARY KEY is the rowid: SQLite reports it nullable but never stores a NULL in it.
            var rowid = columns.Count(c => c.Pk > 0) == 1 ? columns.Single(c => c.Pk > 0) : default;
            tables[table] = columns.Select(c => c == rowid && c.Column.StorageClass == "INTEGER" ? c.Column with { Nullable = false } : c.Column).ToList();
            primaryKeys[table] = string.Join(", ", columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Column.Name));
            foreach (var (name, unique, origin) in Rows(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')",
                         r => (r.GetString(0), r.GetInt64(1) == 1, r.GetString(2))).Where(i => i.Item3 != "pk"))
            {
                var indexColumns = string.Join(", ", Rows(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno", r => r.GetString(0)));
                var sql = origin == "c" ? Rows(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{name}'", r => r.GetString(0)).Single() : "";
                keys.Add(new KeyShape(table, indexColumns, unique, Filter(sql)));
            }
        }

        return new SchemaShape { Tables = tables, PrimaryKeys = primaryKeys, Keys = Relevant(keys) };
    }

    /// <summary>This shape without the tables only SQL Server has.</summary>
    public SchemaShape WithoutSqlServerOnlyTables() => new()
    {
        Tables = new(Tables.Where(t => !SqlServerOnlyTables.ContainsKey(t.Key)).ToDictionary(), StringComparer.OrdinalIgnoreCase),
        PrimaryKeys = new(PrimaryKeys.Where(t => !SqlServerOnlyTables.ContainsKey(t.Key)).ToDictionary(), StringComparer.OrdinalIgnoreCase),
        Keys = Keys.Where(k => !SqlServerOnlyTables.ContainsKey(k.Table)).ToList(),
    };

    public static SchemaShape FromModel(TSqlModel model)
    {
        var tables = new SortedDictionary<string, IReadOnlyList<ColumnShape>>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in model.GetObjects(DacQueryScopes.UserDefined, Table.TypeClass))
        {
            tables[Name(table)] = table.GetReferenced(Table.Columns).Select(c => new ColumnShape(
                Name(c),
                StorageClassOf.TryGetValue(Name(c.GetReferenced(Column.DataType).Single()), out var storage) ? storage : $"unmapped {Name(c.GetReferenced(Column.DataType).Single())}",
                c.GetProperty<bool>(Column.Nullable))).ToList();
        }

        var primaryKeys = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in model.GetObjects(DacQueryScopes.UserDefined, PrimaryKeyConstraint.TypeClass))
        {
            primaryKeys[Name(key.GetReferenced(PrimaryKeyConstraint.Host).Single())] = Columns(key.GetReferenced(PrimaryKeyConstraint.Columns));
        }

        var keys = model.GetObjects(DacQueryScopes.UserDefined, UniqueConstraint.TypeClass)
            .Select(u => new KeyShape(Name(u.GetReferenced(UniqueConstraint.Host).Single()), Columns(u.GetReferenced(UniqueConstraint.Columns)), true, ""))
            .Concat(model.GetObjects(DacQueryScopes.UserDefined, Index.TypeClass).Select(i => new KeyShape(
                Name(i.GetReferenced(Index.IndexedObject).Single()), Columns(i.GetReferenced(Index.Columns)),
                i.GetProperty<bool>(Index.Unique), Filter(i.GetScript()))))
            .ToList();
        return new SchemaShape { Tables = tables, PrimaryKeys = primaryKeys, Keys = Relevant(keys) };
    }

    private static List<KeyShape> Relevant(IEnumerable<KeyShape> keys) =>
        keys.Where(k => k.Unique || k.Filter.Length > 0).OrderBy(k => k.ToString(), StringComparer.OrdinalIgnoreCase).ToList();

    private static string Name(TSqlObject o) => o.Name.Parts[^1];

    private static string Columns(IEnumerable<TSqlObject> columns) => string.Join(", ", columns.Select(Name));

    private static string Filter(string createIndex)
    {
        var where = createIndex.IndexOf("WHERE", StringComparison.OrdinalIgnoreCase);
        return where < 0 ? "" : Normalise(createIndex[(where + "WHERE".Length)..].TrimEnd().TrimEnd(';'));
    }

    /// <summary>A filter with T-SQL's and SQLite's spelling differences (brackets, N'', parentheses, case, spacing) taken out.</summary>
    public static string Normalise(string filter) =>
        Spaces().Replace(filter.Replace("N'", "'", StringComparison.Ordinal).Replace("[", "").Replace("]", "").Replace("(", " ").Replace(")", " "), " ")
            .Trim().ToUpperInvariant();

    private static List<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
