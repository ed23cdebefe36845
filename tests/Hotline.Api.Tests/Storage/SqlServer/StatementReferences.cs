using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>A column a statement names: its last identifier, and whether it is read through inserted/deleted.</summary>
internal sealed record ColumnUse(string Name, bool Pseudo);

/// <summary>
/// The tables and columns one named statement (which may hold several T-SQL batches' worth of statements)
/// refers to. Aliases are not tables; CTE names are not tables, and what a CTE exposes may be named freely,
/// because the CTE's own query is checked against its tables.
/// </summary>
internal sealed class StatementReferences
{
    private StatementReferences(
        IReadOnlySet<string> tables, IReadOnlySet<string> dmlTargets, IReadOnlySet<string> cteColumns, IReadOnlyList<ColumnUse> columns)
    {
        Tables = tables;
        DmlTargets = dmlTargets;
        CteColumns = cteColumns;
        Columns = columns;
    }

    /// <summary>Base tables, never CTE names.</summary>
    public IReadOnlySet<string> Tables { get; }

    /// <summary>The base tables written by INSERT/UPDATE/DELETE/MERGE; a CTE target stands for the tables it reads.</summary>
    public IReadOnlySet<string> DmlTargets { get; }

    public IReadOnlySet<string> CteColumns { get; }

    public IReadOnlyList<ColumnUse> Columns { get; }

    public static StatementReferences Of(TSqlFragment statement)
    {
        var collector = new Collector();
        statement.Accept(collector);
        var ctes = collector.CteTables;
        var tables = Set(collector.TableNames.Where(t => !ctes.ContainsKey(t)));
        var targets = Set(collector.TargetNames.SelectMany(t => ctes.TryGetValue(t, out var inner) ? inner : [t]).Where(t => !ctes.ContainsKey(t)));
        return new StatementReferences(tables, targets, collector.CteColumns, collector.Columns);
    }

    private static HashSet<string> Set(IEnumerable<string> names) => new(names, StringComparer.OrdinalIgnoreCase);

    private sealed class Collector : TSqlFragmentVisitor
    {
        public List<string> TableNames { get; } = [];

        public List<string> TargetNames { get; } = [];

        public Dictionary<string, List<string>> CteTables { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> CteColumns { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<ColumnUse> Columns { get; } = [];

        public override void Visit(NamedTableReference node) => TableNames.Add(node.SchemaObject.BaseIdentifier.Value);

        public override void Visit(CommonTableExpression node)
        {
            var inner = new Collector();
            node.QueryExpression.Accept(inner);
            CteTables[node.ExpressionName.Value] = inner.TableNames;
            CteColumns.UnionWith(node.Columns.Count > 0 ? node.Columns.Select(c => c.Value) : Exposed(node.QueryExpression));
        }

        public override void Visit(InsertSpecification node) => Target(node.Target);

        public override void Visit(UpdateSpecification node) => Target(node.Target);

        public override void Visit(DeleteSpecification node) => Target(node.Target);

        public override void Visit(MergeSpecification node) => Target(node.Target);

        // Covers SELECT lists, predicates, INSERT column lists, and both sides of SET, including `SET @v = Col = Col + 1`.
        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.ColumnType != ColumnType.Regular || node.MultiPartIdentifier is not { Count: > 0 } parts)
            {
                return;
            }

            var qualifier = parts.Count > 1 ? parts.Identifiers[^2].Value : null;
            var pseudo = string.Equals(qualifier, "inserted", StringComparison.OrdinalIgnoreCase)
                || string.Equals(qualifier, "deleted", StringComparison.OrdinalIgnoreCase);
            Columns.Add(new ColumnUse(parts.Identifiers[^1].Value, pseudo));
        }

        private void Target(TableReference target)
        {
            if (target is NamedTableReference named)
            {
                TargetNames.Add(named.SchemaObject.BaseIdentifier.Value);
            }
        }

        private static IEnumerable<string> Exposed(QueryExpression query) => query switch
        {
            QuerySpecification spec => spec.SelectElements.OfType<SelectScalarExpression>().Select(e =>
                e.ColumnName?.Value ?? (e.Expression as ColumnReferenceExpression)?.MultiPartIdentifier?.Identifiers[^1].Value)
                .OfType<string>(),
            BinaryQueryExpression union => Exposed(union.FirstQueryExpression),
            QueryParenthesisExpression parenthesised => Exposed(parenthesised.QueryExpression),
            _ => [],
        };
    }
}
