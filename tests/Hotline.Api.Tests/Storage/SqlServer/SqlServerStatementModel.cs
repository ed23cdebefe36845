namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>
/// SQL Server statements validated by DacFx against the migrated schema: each statement becomes the body of
/// a procedure whose parameters carry the types the C# code binds, so DacFx resolves every table, column,
/// alias, function and variable in it as a server compiling the procedure would.
/// </summary>
internal static class SqlServerStatementModel
{
    private static readonly IReadOnlyList<(string Source, string Ddl)> Schema =
        SqlServerModel.Replay(SqlServerScripts.Migrations(Hotline.Api.Storage.DatabaseProvider.SqlServer));

    /// <summary>DacFx's errors and the undeclared parameters of the statements, each naming its statement file.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<(string Name, string Sql)> statements, IReadOnlyDictionary<string, string> parameterTypes)
    {
        var problems = new List<string>();
        var procedures = new List<(string Source, string Ddl)>();
        foreach (var (name, sql) in statements)
        {
            var parameters = SqlServerParameters.Of(SqlServerScripts.ParseValid(name, sql));
            var undeclared = parameters.Where(p => !parameterTypes.ContainsKey(p)).ToList();
            problems.AddRange(undeclared.Select(p => $"{name}.sql: parameter @{p} has no declared type in SqlServerParameters"));
            // An undeclared parameter is reported above; declaring it loosely keeps DacFx from refusing the
            // procedure, because a refused object blocks every object added after it.
            var declarations = parameters.Select(p => $"@{p} {parameterTypes.GetValueOrDefault(p, "SQL_VARIANT")}");
            procedures.Add(($"{name}.sql", $"CREATE PROCEDURE dbo.[{SqlServerModel.ProcedureFor(name)}] {string.Join(", ", declarations)}\nAS\nBEGIN\n{sql}\nEND;"));
        }

        problems.AddRange(SqlServerModel.Errors(Schema.Concat(procedures)));
        return problems;
    }
}
