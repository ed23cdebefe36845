namespace Hotline.Api.Tests.Storage;

/// <summary>The statement coverage mechanism, shown on SQLite (the same hook records SQL Server's statements).</summary>
public sealed class StatementCoverageTests
{
    [Fact]
    public async Task A_statement_a_session_runs_is_recorded_as_run_by_this_process()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using var session = await test.Database.OpenAsync(TestContext.Current.CancellationToken);

        await session.QuerySingleAsync<int>("Database_Ping", null, TestContext.Current.CancellationToken);

        Assert.Contains("Database_Ping", SqlStatements.RunSoFar(DatabaseProvider.Sqlite));
    }

    [Fact]
    public void The_statements_never_run_are_every_statement_but_those_run()
    {
        var neverRun = StatementCoverage.NeverRun(DatabaseProvider.Sqlite, new HashSet<string>(SqlStatements.For(DatabaseProvider.Sqlite).Names.Where(n => n != "Database_Ping")));

        Assert.Equal(["Database_Ping"], neverRun);
    }
}
