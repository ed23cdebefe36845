using SQLitePCL;

namespace Hotline.Api.Tests.Storage.Sqlite;

/// <summary>
/// SQLite sessions run on connections that keep their statements prepared (<see cref="PreparedSqliteConnection"/>):
/// a statement is parsed once per connection, not once per call.
/// </summary>
public sealed class PreparedStatementTests
{
    // sqlite3_db_status counter: heap used by the connection's prepared statements that are still alive.
    private const int StatementMemory = 3;

    [Fact]
    public async Task A_statement_run_again_in_a_later_session_reuses_its_prepared_statement()
    {
        await using var db = await TestDatabase.CreateAsync();

        var afterFirst = await PingAsync(db.Database);
        var afterSecond = await PingAsync(db.Database);

        Assert.True(afterFirst > 0, "The statement was finalized when its call ended.");
        Assert.Equal(afterFirst, afterSecond);
    }

    [Fact]
    public async Task A_reused_statement_is_bound_to_each_call_s_own_parameters()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.OpenAsync(Ct);

        var first = session.Connection.QuerySingle<long>("SELECT @Value * 2", new { Value = 1 });
        var second = session.Connection.QuerySingle<long>("SELECT @Value * 2", new { Value = 21 });

        Assert.Equal((2, 42), (first, second));
    }

    [Fact]
    public async Task A_statement_run_while_its_prepared_command_is_still_reading_gets_a_command_of_its_own()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.OpenAsync(Ct);
        const string countdown = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT i FROM n";

        using var outer = session.Connection.ExecuteReader(countdown);
        Assert.True(outer.Read());
        var inner = session.Connection.Query<long>(countdown).ToList();

        Assert.Equal(new long[] { 1, 2, 3 }, inner);
        Assert.True(outer.Read());
        Assert.Equal(2L, outer.GetInt64(0));
    }

    /// <summary>Runs the health check's statement, and says how much memory the connection's live statements hold.</summary>
    private static async Task<int> PingAsync(Database database)
    {
        await using var session = await database.OpenAsync(Ct);
        await session.QuerySingleAsync<long>("Database_Ping", null, Ct);
        var handle = ((PreparedSqliteConnection)session.Connection).Inner.Handle!;
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_db_status(handle, StatementMemory, out var current, out _, 0));
        return current;
    }
}
