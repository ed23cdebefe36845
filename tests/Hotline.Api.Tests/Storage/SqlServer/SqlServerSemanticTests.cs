namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>DacFx's semantic validation of the SQL Server schema and of every statement against it.</summary>
public sealed class SqlServerSemanticTests
{
    private static readonly IReadOnlyDictionary<string, string> Types = SqlServerParameters.Types;

    [Fact]
    public void The_schema_the_SqlServer_migrations_build_validates_without_an_error()
    {
        var objects = SqlServerModel.Replay(SqlServerScripts.Migrations(DatabaseProvider.SqlServer));

        Assert.NotEmpty(objects);
        Assert.Empty(SqlServerModel.Errors(objects));
    }

    [Fact]
    public void Every_SqlServer_statement_validates_against_the_migrated_schema()
    {
        var statements = SqlServerScripts.Statements();
        Assert.NotEmpty(statements);

        var problems = SqlServerStatementModel.Problems(statements, Types);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_declared_parameter_type_is_used_by_a_statement()
    {
        var used = SqlServerScripts.Statements()
            .SelectMany(s => SqlServerParameters.Of(SqlServerScripts.ParseValid(s.Name, s.Sql)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Equal([], Types.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_misspelt_column_fails_validation_naming_the_file() =>
        AssertFails("SELECT Id, UserNme FROM dbo.Users WHERE Id = @Id;", "Broken_Column.sql", "[UserNme]");

    [Fact]
    public void A_wrong_table_alias_fails_validation() =>
        AssertFails("SELECT c.Id FROM dbo.Cases AS c JOIN dbo.Messages AS m ON m.CaseId = c.Id WHERE x.Id = @Id;", "Broken_Alias.sql", "[x]::[Id]");

    [Fact]
    public void A_column_read_from_the_wrong_table_fails_validation() =>
        AssertFails("SELECT c.UserName FROM dbo.Cases AS c WHERE c.Id = @Id;", "Broken_Table.sql", "[UserName]");

    [Fact]
    public void An_unknown_table_fails_validation() =>
        AssertFails("SELECT Id FROM dbo.Casez WHERE Id = @Id;", "Broken_Table.sql", "[dbo].[Casez]");

    [Fact]
    public void A_parameter_without_a_declared_type_fails_validation() =>
        AssertFails("SELECT Id FROM dbo.Cases WHERE Id = @CaseIdentifier;", "Broken_Parameter.sql", "@CaseIdentifier");

    [Fact]
    public void A_statement_after_one_with_an_undeclared_parameter_is_still_validated() =>
        Assert.Contains(
            SqlServerStatementModel.Problems(
                [("Broken_Parameter", "SELECT Id FROM dbo.Cases WHERE Id = @CaseIdentifier;"), ("Broken_Column", "SELECT UserNme FROM dbo.Users;")], Types),
            p => p.StartsWith("Broken_Column.sql:", StringComparison.Ordinal) && p.Contains("[UserNme]", StringComparison.Ordinal));

    [Fact]
    public void A_valid_statement_passes_validation() =>
        Assert.Empty(SqlServerStatementModel.Problems([("Valid_Statement", "SELECT c.Id FROM dbo.Cases AS c WHERE c.Id = @Id;")], Types));

    private static void AssertFails(string sql, string file, string mentioned)
    {
        var problems = SqlServerStatementModel.Problems([(file[..^".sql".Length], sql)], Types);

        Assert.True(
            problems.Any(p => p.StartsWith(file + ":", StringComparison.Ordinal) && p.Contains(mentioned, StringComparison.Ordinal)),
            $"Expected a problem in {file} naming {mentioned}; got:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }
}
