namespace Hotline.Api.Tests.Storage.SqlServer;

public sealed class SqlServerParseTests
{
    [Fact]
    public void Every_SqlServer_statement_parses_with_TSql160Parser() =>
        AssertAllParse(SqlServerScripts.Statements());

    [Fact]
    public void Every_SqlServer_migration_parses_with_TSql160Parser() =>
        AssertAllParse(SqlServerScripts.Migrations(DatabaseProvider.SqlServer));

    [Fact]
    public void TSql160Parser_rejects_SQLite_RETURNING()
    {
        SqlServerScripts.Parse("UPDATE Cases SET Status = 'x' RETURNING Id", out var errors);

        Assert.NotEmpty(errors);
    }

    private static void AssertAllParse(IReadOnlyList<(string Name, string Sql)> scripts)
    {
        // An empty list would pass vacuously, e.g. if the .sql files stopped being embedded.
        Assert.NotEmpty(scripts);
        var failures = scripts
            .Select(s => (s.Name, Errors: Errors(s.Sql)))
            .Where(s => s.Errors.Count > 0)
            .Select(s => SqlServerScripts.Describe(s.Name, s.Errors))
            .ToList();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static IList<Microsoft.SqlServer.TransactSql.ScriptDom.ParseError> Errors(string sql)
    {
        SqlServerScripts.Parse(sql, out var errors);
        return errors;
    }
}
