using Hotline.Api.Tests.Storage.Sqlite;

namespace Hotline.Api.Tests.Outbox;

public sealed class OutboxRepositoryTests
{
    [Theory, DatabaseData]
    public async Task Due_messages_come_in_attempt_order_with_an_expired_lease_among_them(DatabaseProvider provider)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(provider);
        var outbox = hotline.Get<OutboxRepository>();
        var replies = await WriteRepliesAsync(hotline, count: 4);
        DateTimeOffset claimedAt;
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            // The second reply's sender dies mid-send: its lease runs out while it is still Sending.
            claimedAt = hotline.Time.GetUtcNow();
            Assert.NotNull(await outbox.ClaimAsync(session, replies[1], claimedAt, TimeSpan.FromSeconds(5), Ct));
            await session.CommitAsync(Ct);
        }

        await using var reader = await hotline.Database.OpenAsync(Ct);
        var due = await outbox.ReadDueAsync(reader, claimedAt + TimeSpan.FromSeconds(6), take: 10, Ct);

        Assert.Equal(replies, due);
    }

    [Theory, DatabaseData]
    public async Task Reading_due_messages_takes_the_oldest_up_to_the_batch_size(DatabaseProvider provider)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(provider);
        var outbox = hotline.Get<OutboxRepository>();
        var replies = await WriteRepliesAsync(hotline, count: 5, eachToAnotherPerson: true);

        await using var reader = await hotline.Database.OpenAsync(Ct);
        var due = await outbox.ReadDueAsync(reader, hotline.Time.GetUtcNow(), take: 3, Ct);

        Assert.Equal(replies.Take(3), due);
    }

    [Theory, DatabaseData]
    public async Task Reading_due_messages_never_cuts_between_replies_due_in_the_same_millisecond(DatabaseProvider provider)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(provider);
        var outbox = hotline.Get<OutboxRepository>();
        var replies = await WriteRepliesAsync(hotline, count: 3, apart: TimeSpan.Zero);

        await using var reader = await hotline.Database.OpenAsync(Ct);
        var due = await outbox.ReadDueAsync(reader, hotline.Time.GetUtcNow(), take: 1, Ct);

        Assert.Equal(replies.Order(), due.Order());
    }

    [Fact]
    public async Task A_backlog_of_due_messages_is_read_along_its_indexes_not_sorted_whole()
    {
        var plan = await SqlitePlanAsync("Outbox_ReadDueIds");

        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Outbox_Due", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Outbox_Lease", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("MULTI-INDEX OR", StringComparison.Ordinal));
    }

    /// <summary>The claim holds the writer: read along the due indexes, it would visit every due row of a backlog.</summary>
    [Fact]
    public async Task A_pass_claims_its_rows_by_their_ids_not_along_the_due_indexes()
    {
        var plan = await SqlitePlanAsync("Outbox_ClaimByIds");

        Assert.Equal(["SEARCH Outbox USING INDEX sqlite_autoindex_Outbox_1 (Id=?)", "LIST SUBQUERY 1", "SCAN json_each VIRTUAL TABLE INDEX 1:"], plan);
    }

    private static async Task<List<string>> SqlitePlanAsync(string statement)
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await SqlitePlan.OfAsync(session.Connection, statement);
    }

    /// <summary>Replies written <paramref name="apart"/> (a second unless said), in the order returned; to one person, or each to another.</summary>
    private static async Task<List<Guid>> WriteRepliesAsync(HotlineApp hotline, int count, bool eachToAnotherPerson = false, TimeSpan? apart = null)
    {
        var writer = hotline.Get<OutboundWriter>();
        var conversations = hotline.Get<ConversationRepository>();
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var conversation = await conversations.CreateAsync(session, hotline.NextPhone(), "en", Ct);
        for (var i = 0; i < count; i++)
        {
            if (eachToAnotherPerson && i > 0)
            {
                conversation = await conversations.CreateAsync(session, hotline.NextPhone(), "en", Ct);
            }

            await writer.WriteAsync(session, conversation, null, $"reply {i}", null, Ct);
            hotline.Time.Advance(apart ?? TimeSpan.FromSeconds(1));
        }

        await session.CommitAsync(Ct);
        await using var reader = await hotline.Database.OpenAsync(Ct);
        var ids = (await reader.Connection.QueryAsync<Guid>("SELECT Id FROM Outbox ORDER BY CreatedAt")).AsList();
        return ids;
    }
}
