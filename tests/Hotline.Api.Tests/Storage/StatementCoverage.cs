using Hotline.Api.Tests.Storage;

[assembly: AssemblyFixture(typeof(StatementCoverage))]

namespace Hotline.Api.Tests.Storage;

/// <summary>
/// Statement coverage of the test process, checked when the last test has run. With HOTLINE_TEST_SQLSERVER a
/// SQL Server statement file that no test ran fails the run, naming the files, so no statement stays checked
/// only statically by accident; set HOTLINE_TEST_STATEMENT_COVERAGE=report when running a filtered subset.
/// SQLite statements that never ran are only written to statements-never-run.txt beside the test assembly:
/// a filtered run leaves most unrun, and whether the full suite runs every SQLite statement is not yet known.
/// Without a server too, once every test that takes both engines has run (a full run, or one filtered to them),
/// a statement that none of them ran fails the run, so a new statement cannot go untested on SQL Server by accident.
/// </summary>
public sealed class StatementCoverage : IAsyncDisposable
{
    public const string ModeVariable = "HOTLINE_TEST_STATEMENT_COVERAGE";

    /// <summary>Written beside the test assembly, with the reasons, when the check fails.</summary>
    public const string FailureFile = "statement-coverage-failed.txt";

    /// <summary>The statement names of a dialect not among <paramref name="run"/>, in order.</summary>
    public static IReadOnlyList<string> NeverRun(DatabaseProvider provider, IReadOnlySet<string> run) =>
        SqlStatements.For(provider).Names.Where(n => !run.Contains(n)).Order(StringComparer.Ordinal).ToList();

    public async ValueTask DisposeAsync()
    {
        var sqlite = NeverRun(DatabaseProvider.Sqlite, SqlStatements.RunSoFar(DatabaseProvider.Sqlite));
        var sqlServer = TestDatabase.SqlServerMissing() is null
            ? NeverRun(DatabaseProvider.SqlServer, SqlStatements.RunSoFar(DatabaseProvider.SqlServer))
            : [];
        await File.WriteAllLinesAsync(
            Path.Combine(AppContext.BaseDirectory, "statements-never-run.txt"),
            sqlite.Select(n => $"Sqlite {n}").Concat(sqlServer.Select(n => $"SqlServer {n}")));

        var failures = new List<string>();
        if (BothEngineStatements.EveryTestThatTakesBothEnginesRan())
        {
            // Their SQLite rows run the statement names a server run would: what they leave unrun, a server run leaves unrun.
            var notOnBoth = NeverRun(DatabaseProvider.Sqlite, BothEngineStatements.RunSoFar(DatabaseProvider.Sqlite));
            await File.WriteAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "statements-not-on-both-engines.txt"), notOnBoth);
            if (notOnBoth.Count > 0)
            {
                failures.Add($"Statements no test that takes both engines ran (give each a [Theory, DatabaseData] test): {string.Join(", ", notOnBoth)}.");
            }
        }

        if (sqlServer.Count > 0 && Environment.GetEnvironmentVariable(ModeVariable) != "report")
        {
            failures.Add($"SQL Server statements no test ran ({ModeVariable}=report to only list them): {string.Join(", ", sqlServer)}.");
        }

        // The runner reports a fixture's failure as a cleanup failure without its message and without changing the
        // counts: test.sh fails the run on it and prints this file.
        var failed = Path.Combine(AppContext.BaseDirectory, FailureFile);
        File.Delete(failed);
        if (failures.Count > 0)
        {
            await File.WriteAllLinesAsync(failed, failures);
            throw new InvalidOperationException(string.Join(" ", failures));
        }
    }
}
