namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>A statement with a file per dialect takes the same parameters and returns the same columns on both.</summary>
public sealed class SqlServerStatementParityTests
{
    /// <summary>Parameters SQL Server's file takes and SQLite's ignores, with the reason.</summary>
    private static readonly IReadOnlyDictionary<(string Statement, string Parameter), string> OnlySqlServerTakes =
        new Dictionary<(string, string), string>
        {
            [("Migrations_AcquireLock", "LockTimeoutMilliseconds")] = "SQLite's lock is a file's, taken before the statement runs, so the statement waits for nothing",
        };

    [Fact]
    public async Task Each_dialect_pair_declares_the_same_parameters_and_returns_the_same_column_names()
    {
        var names = SqlStatements.FileNames(DatabaseProvider.SqlServer);
        Assert.NotEmpty(names);
        var sqlite = SqlStatements.For(DatabaseProvider.Sqlite);
        var sqlServer = SqlStatements.For(DatabaseProvider.SqlServer);

        var differences = await DifferencesAsync(names.Select(n => (n, sqlite[n], sqlServer[n])));

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public async Task A_parameter_only_one_dialect_takes_is_a_difference() =>
        Assert.Equal(["Broken: parameters SQLite [Id, Now], SQL Server [Id]"],
            await DifferencesAsync([("Broken", "SELECT Id FROM Cases WHERE Id = @Id AND QueuedAt < @Now;", "SELECT Id FROM dbo.Cases WHERE Id = @Id;")]));

    [Fact]
    public async Task A_result_column_named_differently_is_a_difference() =>
        Assert.Equal(["Broken: columns SQLite [Id, Status], SQL Server [Id, State]"],
            await DifferencesAsync([("Broken", "SELECT Id, Status FROM Cases WHERE Id = @Id;", "SELECT Id, Status AS State FROM dbo.Cases WHERE Id = @Id;")]));

    private static async Task<List<string>> DifferencesAsync(IEnumerable<(string Name, string Sqlite, string SqlServer)> pairs)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.SqliteFile, Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var differences = new List<string>();
        foreach (var (name, sqliteSql, sqlServerSql) in pairs)
        {
            var lite = StatementShape.FromSqlite(connection, sqliteSql);
            var server = StatementShape.FromSqlServer(name, sqlServerSql);
            server = server with { Parameters = server.Parameters.Where(p => !OnlySqlServerTakes.ContainsKey((name, p))).ToList() };
            if (!lite.Parameters.SequenceEqual(server.Parameters, StringComparer.OrdinalIgnoreCase))
            {
                differences.Add($"{name}: parameters SQLite [{string.Join(", ", lite.Parameters)}], SQL Server [{string.Join(", ", server.Parameters)}]");
            }

            // An unnamed SQL Server column is read by position (a scalar), so only its place is compared.
            var sameColumns = lite.Columns.Count == server.Columns.Count
                && lite.Columns.Zip(server.Columns).All(c => c.Second.Length == 0 || string.Equals(c.First, c.Second, StringComparison.OrdinalIgnoreCase));
            if (!sameColumns)
            {
                differences.Add($"{name}: columns SQLite [{string.Join(", ", lite.Columns)}], SQL Server [{string.Join(", ", server.Columns)}]");
            }
        }

        return differences;
    }
}
