namespace Hotline.Api.Tests.Storage;

public sealed partial class SqliteStatementTests
{
    public static TheoryData<string> SqliteStatementNames => [.. SqlStatements.For(DatabaseProvider.Sqlite).Names.Order(StringComparer.Ordinal)];

    [Theory, MemberData(nameof(SqliteStatementNames))]
    public async Task Every_sqlite_statement_compiles_against_the_migrated_schema(string name)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = session.Connection.CreateCommand();
        var sql = SqlStatements.For(DatabaseProvider.Sqlite)[name];
        command.CommandText = $"EXPLAIN {sql}";
        foreach (var parameter in Parameter().Matches(sql).Select(m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter(parameter, DBNull.Value));
        }

        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_statement_naming_an_unknown_column_does_not_compile()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = session.Connection.CreateCommand();
        command.CommandText = "EXPLAIN SELECT Nope FROM Cases";

        await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
