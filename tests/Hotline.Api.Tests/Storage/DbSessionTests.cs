namespace Hotline.Api.Tests.Storage;

public sealed class DbSessionTests
{
    [Fact]
    public async Task A_committed_session_runs_no_more_statements_on_the_connection_it_gave_back()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.BeginWriteAsync(Ct);
        await session.CommitAsync(Ct);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.QueryAsync<long>("Database_Ping", null, Ct));
    }

    [Fact]
    public async Task The_writer_is_free_for_the_next_write_as_soon_as_a_session_has_committed()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var first = await db.Database.BeginWriteAsync(Ct);
        await first.CommitAsync(Ct);

        await using var second = await db.Database.BeginWriteAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Single(await second.QueryAsync<long>("Database_Ping", null, Ct));
    }
}
