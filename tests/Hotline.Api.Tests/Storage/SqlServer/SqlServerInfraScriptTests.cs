namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>
/// The deployment's own T-SQL (infra/sqlserver/*.sql, run by sqlcmd) parsed like the application's, and its
/// database-level security (users, roles, role members, GRANT/DENY/REVOKE) validated by DacFx against the
/// schema the migrations build, whatever those statements are.
/// </summary>
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

    [Fact]
    public void The_infra_scripts_security_statements_validate_against_the_migrated_schema()
    {
        var security = Directory.GetFiles(InfraFolder(), "*.sql").Order(StringComparer.Ordinal)
            .SelectMany(path => SqlServerSecurity.Statements(Path.GetFileName(path), Substituted(File.ReadAllText(path))))
            .ToList();

        Assert.NotEmpty(security);
        var problems = SqlServerSecurity.Problems(security);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_grant_on_a_table_that_does_not_exist_fails_validation()
    {
        var security = SqlServerSecurity.Statements("broken.sql", "GRANT SELECT ON dbo.AuditEntriez TO hotline_audit_append;");

        Assert.Contains(SqlServerSecurity.Problems(security), p => p.Contains("[dbo].[AuditEntriez]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_role_member_added_to_a_role_that_does_not_exist_fails_validation()
    {
        var security = SqlServerSecurity.Statements("broken.sql", "IF USER_ID(N'hotline') IS NULL\n    CREATE USER hotline WITHOUT LOGIN;\nGO\nALTER ROLE hotline_audit_appendd ADD MEMBER hotline;");

        Assert.Contains(SqlServerSecurity.Problems(security), p => p.Contains("[hotline_audit_appendd]", StringComparison.Ordinal));
    }

    // sqlcmd replaces $(NAME) before SQL Server sees the text; a literal stands in for it here.
    private static IList<Microsoft.SqlServer.TransactSql.ScriptDom.ParseError> Errors(string sqlcmdScript)
    {
        SqlServerScripts.Parse(Substituted(sqlcmdScript), out var errors);
        return errors;
    }

    private static string Substituted(string sqlcmdScript) => SqlcmdVariable().Replace(sqlcmdScript, "sqlcmd-variable");

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
