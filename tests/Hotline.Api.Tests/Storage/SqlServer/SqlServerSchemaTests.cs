namespace Hotline.Api.Tests.Storage.SqlServer;

public sealed class SqlServerSchemaTests
{
    private static readonly SqlServerSchema Schema = SqlServerSchema.FromMigrations();

    [Fact]
    public void Every_table_a_SqlServer_statement_names_is_created_by_the_migrations() =>
        AssertNoProblems(p => p.StartsWith("unknown table", StringComparison.Ordinal));

    [Fact]
    public void Every_column_a_SqlServer_statement_names_exists_in_a_table_it_references() =>
        AssertNoProblems(p => p.StartsWith("unknown column", StringComparison.Ordinal));

    [Fact]
    public void The_schema_check_reports_an_unknown_column() =>
        Assert.Contains("unknown column Nope", Check("SELECT Nope FROM dbo.Cases"));

    [Fact]
    public void The_schema_check_reports_an_unknown_table() =>
        Assert.Contains("unknown table Nope", Check("SELECT Id FROM dbo.Nope"));

    [Fact]
    public void The_schema_check_reports_a_column_of_another_table() =>
        Assert.Contains("unknown column UserName", Check("SELECT UserName FROM dbo.Cases"));

    [Fact]
    public void The_schema_check_reports_an_unknown_column_in_a_compound_SET() =>
        Assert.Contains("unknown column Nope", Check("DECLARE @v BIGINT; UPDATE dbo.Counters SET @v = Nope = Value + 1 WHERE Name = N'x';"));

    [Fact]
    public void The_schema_check_reports_an_unknown_inserted_column() =>
        Assert.Contains("unknown column Nope (inserted/deleted)", Check("UPDATE dbo.Cases SET Version = Version + 1 OUTPUT inserted.Nope WHERE Id = @Id;"));

    [Fact]
    public void The_schema_check_checks_inserted_columns_against_the_updated_table() =>
        Assert.Contains("unknown column UserName (inserted/deleted)",
            Check("UPDATE dbo.Cases SET Version = Version + 1 OUTPUT inserted.UserName FROM dbo.Cases JOIN dbo.Users ON Users.Id = Cases.AssigneeId;"));

    [Fact]
    public void The_schema_check_accepts_columns_a_CTE_exposes()
    {
        const string sql = "WITH Counted AS (SELECT CaseId, COUNT(*) AS Notes FROM dbo.CaseNotes GROUP BY CaseId) " +
            "SELECT CaseId, Notes FROM Counted;";

        Assert.Empty(Check(sql));
    }

    [Fact]
    public void The_schema_follows_ALTER_TABLE_ADD_and_DROP_COLUMN()
    {
        var schema = SqlServerSchema.FromScripts(
        [
            ("0001_Create", "CREATE TABLE dbo.T (A INT NOT NULL, B INT NULL);"),
            ("0002_Alter", "ALTER TABLE dbo.T ADD C INT NULL; ALTER TABLE dbo.T DROP COLUMN B;"),
        ]);

        Assert.Equal(["A", "C"], schema.Tables["T"].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_schema_reads_a_view_as_a_table_of_the_columns_it_selects()
    {
        var schema = SqlServerSchema.FromScripts(
        [
            ("0001_Create", "CREATE TABLE dbo.T (A INT NOT NULL, B INT NULL, C INT NULL);"),
            ("0002_View", "CREATE VIEW dbo.V AS SELECT t.A, C AS Renamed FROM dbo.T AS t WHERE B > 0;"),
        ]);

        Assert.Equal(["A", "Renamed"], schema.Tables["V"].Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("CREATE VIEW dbo.V AS SELECT * FROM dbo.T;")]
    [InlineData("CREATE VIEW dbo.V AS SELECT A + 1 FROM dbo.T;")]
    public void The_schema_refuses_a_view_that_does_not_name_its_columns(string view)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => SqlServerSchema.FromScripts(
            [("0001_Create", "CREATE TABLE dbo.T (A INT NOT NULL);"), ("0002_View", view)]));

        Assert.Equal("A view must name each of its columns (a column, or an expression with an alias), not * or an unnamed expression.", refused.Message);
    }

    private static IReadOnlyList<string> Check(string sql) => Schema.Check(SqlServerScripts.ParseValid("in-test", sql));

    private static void AssertNoProblems(Func<string, bool> kind)
    {
        var statements = SqlServerScripts.Statements();
        Assert.NotEmpty(statements);
        var problems = statements
            .SelectMany(s => Schema.Check(SqlServerScripts.ParseValid(s.Name, s.Sql)).Where(kind).Select(p => $"{s.Name}: {p}"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
