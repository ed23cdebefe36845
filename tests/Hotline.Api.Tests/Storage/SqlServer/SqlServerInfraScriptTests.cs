namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>The deployment's own T-SQL (infra/sqlserver/*.sql, run by sqlcmd) parsed like the application's.</summary>
public sealed partial class SqlServerInfraScriptTests
{
    [Fact]
    public void Every_infra_SqlServer_script_parses_with_TSql160Parser()
    {
        var scripts = Directory.GetFiles(InfraFolder(), "*.sql").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(scripts);

        var failures = scripts
            .Select(path => (Name: Path.GetFileName(path), Errors: Errors(File.ReadAllText(path))))
            .Where(s => s.Errors.Count > 0)
            .Select(s => SqlServerScripts.Describe(s.Name, s.Errors))
            .ToList();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void A_broken_infra_script_fails_to_parse() =>
        Assert.NotEmpty(Errors("IF DB_ID(N'hotline') IS NULL\nCREATE DATABSE hotline;\nGO"));

    // sqlcmd replaces $(NAME) before SQL Server sees the text; a literal stands in for it here.
    private static IList<Microsoft.SqlServer.TransactSql.ScriptDom.ParseError> Errors(string sqlcmdScript)
    {
        SqlServerScripts.Parse(SqlcmdVariable().Replace(sqlcmdScript, "sqlcmd-variable"), out var errors);
        return errors;
    }

    private static string InfraFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var infra = Path.Combine(folder.FullName, "infra", "sqlserver");
            if (Directory.Exists(infra))
            {
                return infra;
            }
        }

        throw new DirectoryNotFoundException($"No infra/sqlserver above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\$\([A-Za-z_][A-Za-z0-9_]*\)")]
    private static partial Regex SqlcmdVariable();
}
