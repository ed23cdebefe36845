using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>
/// The tables and columns the SQL Server migrations leave behind, and a check of a statement against them.
/// Names compare case-insensitively, as they do under SQL Server's default collation.
/// </summary>
internal sealed class SqlServerSchema
{
    private readonly Dictionary<string, HashSet<string>> _tables;

    private SqlServerSchema(Dictionary<string, HashSet<string>> tables) => _tables = tables;

    public IReadOnlyDictionary<string, HashSet<string>> Tables => _tables;

    public static SqlServerSchema FromMigrations() =>
        FromScripts(SqlServerScripts.Migrations(DatabaseProvider.SqlServer));

    public static SqlServerSchema FromScripts(IEnumerable<(string Name, string Sql)> migrations)
    {
        var builder = new Builder();
        foreach (var (name, sql) in migrations)
        {
            SqlServerScripts.ParseValid(name, sql).Accept(builder);
        }

        return new SqlServerSchema(builder.Tables);
    }

    /// <summary>Every table and column the statement names that the schema does not have.</summary>
    public IReadOnlyList<string> Check(TSqlFragment statement)
    {
        var references = StatementReferences.Of(statement);
        var problems = references.Tables.Where(t => !_tables.ContainsKey(t)).Select(t => $"unknown table {t}").ToList();
        foreach (var column in references.Columns.DistinctBy(c => (c.Name.ToUpperInvariant(), c.Pseudo)))
        {
            var candidates = column.Pseudo ? references.DmlTargets : references.Tables;
            var known = candidates.Any(t => _tables.TryGetValue(t, out var columns) && columns.Contains(column.Name))
                || (!column.Pseudo && references.CteColumns.Contains(column.Name));
            if (!known)
            {
                problems.Add($"unknown column {column.Name}" + (column.Pseudo ? " (inserted/deleted)" : ""));
            }
        }

        return problems;
    }

    private sealed class Builder : TSqlFragmentVisitor
    {
        public Dictionary<string, HashSet<string>> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(CreateTableStatement node) =>
            Tables[node.SchemaObjectName.BaseIdentifier.Value] = new HashSet<string>(
                node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value), StringComparer.OrdinalIgnoreCase);

        // A view is read as a table of the columns its select names (a column by its alias, or by its own name).
        public override void Visit(CreateViewStatement node) =>
            Tables[node.SchemaObjectName.BaseIdentifier.Value] = new HashSet<string>(
                ((QuerySpecification)node.SelectStatement.QueryExpression).SelectElements.Select(ViewColumn), StringComparer.OrdinalIgnoreCase);

        private static string ViewColumn(SelectElement element) => element switch
        {
            SelectScalarExpression { ColumnName: { } alias } => alias.Value,
            SelectScalarExpression { Expression: ColumnReferenceExpression column } => column.MultiPartIdentifier.Identifiers[^1].Value,
            _ => throw new InvalidOperationException(
                "A view must name each of its columns (a column, or an expression with an alias), not * or an unnamed expression."),
        };

        public override void Visit(AlterTableAddTableElementStatement node) =>
            Table(node.SchemaObjectName).UnionWith(node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value));

        // Dropped columns and tables are followed too, so a statement cannot lean on something a later migration removed.
        public override void Visit(AlterTableDropTableElementStatement node) =>
            Table(node.SchemaObjectName).ExceptWith(node.AlterTableDropTableElements
                .Where(e => e.TableElementType == TableElementType.Column)
                .Select(e => e.Name.Value));

        public override void Visit(DropTableStatement node)
        {
            foreach (var table in node.Objects)
            {
                Tables.Remove(table.BaseIdentifier.Value);
            }
        }

        private HashSet<string> Table(SchemaObjectName name) =>
            Tables.TryGetValue(name.BaseIdentifier.Value, out var columns)
                ? columns
                : throw new InvalidOperationException($"ALTER TABLE {name.BaseIdentifier.Value} before it is created.");
    }
}
