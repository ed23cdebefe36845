using Microsoft.SqlServer.TransactSql.ScriptDom;
using SQLitePCL;

namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>
/// What a statement asks for and gives back: its parameters, and the names of the columns of the rows it
/// returns (the last result it produces). An unnamed SQL Server column (a bare expression read by
/// position) is "".
/// </summary>
internal sealed record StatementShape(IReadOnlyList<string> Parameters, IReadOnlyList<string> Columns)
{
    /// <summary>From SQLite's prepared statements, on a connection to a migrated file.</summary>
    public static StatementShape FromSqlite(SqliteConnection connection, string sql)
    {
        var parameters = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<string> columns = [];
        var rest = sql;
        while (!string.IsNullOrWhiteSpace(rest))
        {
            var code = raw.sqlite3_prepare_v2(connection.Handle, rest, out var statement, out var tail);
            if (code != raw.SQLITE_OK)
            {
                throw new InvalidOperationException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string());
            }

            using (statement)
            {
                if (statement.IsInvalid)
                {
                    break;
                }

                for (var i = 1; i <= raw.sqlite3_bind_parameter_count(statement); i++)
                {
                    parameters.Add(raw.sqlite3_bind_parameter_name(statement, i).utf8_to_string()[1..]);
                }

                var count = raw.sqlite3_column_count(statement);
                if (count > 0)
                {
                    columns = Enumerable.Range(0, count).Select(i => raw.sqlite3_column_name(statement, i).utf8_to_string()).ToList();
                }
            }

            rest = tail;
        }

        return new StatementShape(parameters.ToList(), columns);
    }

    /// <summary>From ScriptDom: the last SELECT's list, or the OUTPUT clause of the last statement with one.</summary>
    public static StatementShape FromSqlServer(string name, string sql)
    {
        var fragment = SqlServerScripts.ParseValid(name, sql);
        var results = new Results();
        fragment.Accept(results);
        return new StatementShape(
            SqlServerParameters.Of(fragment).Order(StringComparer.OrdinalIgnoreCase).ToList(),
            results.Last ?? []);
    }

    private sealed class Results : TSqlFragmentVisitor
    {
        public IReadOnlyList<string>? Last { get; private set; }

        public override void ExplicitVisit(SelectStatement node)
        {
            // Only a top-level SELECT returns rows; its subqueries and CTEs are not visited for results.
            if (node.Into is null && node.QueryExpression is { } query)
            {
                Last = Names(First(query).SelectElements);
            }
        }

        public override void Visit(OutputClause node) => Last = Names(node.SelectColumns);

        private static QuerySpecification First(QueryExpression query) => query switch
        {
            QuerySpecification spec => spec,
            BinaryQueryExpression union => First(union.FirstQueryExpression),
            QueryParenthesisExpression parenthesised => First(parenthesised.QueryExpression),
            _ => throw new NotSupportedException(query.GetType().Name),
        };

        private static List<string> Names(IEnumerable<SelectElement> elements) => elements.Select(e => e switch
        {
            SelectScalarExpression { ColumnName: { } alias } => alias.Value,
            SelectScalarExpression { Expression: ColumnReferenceExpression column } => column.MultiPartIdentifier.Identifiers[^1].Value,
            SelectScalarExpression => "",
            _ => throw new NotSupportedException($"{e.GetType().Name}: name the columns instead of *"),
        }).ToList();
    }
}
