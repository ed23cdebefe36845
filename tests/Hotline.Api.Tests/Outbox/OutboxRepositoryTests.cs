using Hotline.Api.Tests.Storage.Sqlite;

namespace Hotline.Api.Tests.Outbox;

public sealed class OutboxRepositoryTests
{
    [Theory, DatabaseData]
    public async Task Due_messages_come_in_attempt_order_with_an_expired_lease_among_them(DatabaseProvider provider)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(provider);
        var outbox = hotline.Get<OutboxRepository>();
        var replies = await WriteRepliesAsync(hotline, count: 4, eachToAnotherPerson: true);
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

    /// <summary>
    /// Sent behind an earlier reply that is still on its way (another dispatcher sends it, or it waits to be tried again), a
    /// reply could reach the phone first. Each step of one earlier reply's way, and what of the person's later replies is due.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_persons_later_replies_are_not_due_until_the_earlier_one_has_gone(DatabaseProvider provider)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(provider);
        var outbox = hotline.Get<OutboxRepository>();
        var replies = await WriteRepliesAsync(hotline, count: 3);
        var someoneElses = (await WriteRepliesAsync(hotline, count: 1)).Except(replies).Single();
        var now = hotline.Time.GetUtcNow();

        var first = Assert.IsType<OutboxItem>(await ClaimAsync(hotline, replies[0], now));
        Assert.Equal([someoneElses], await ReadDueAsync(hotline, now));
        Assert.Null(await ClaimAsync(hotline, replies[1], now));

        await WriteAsync(hotline, session => outbox.RescheduleAsync(session, first, now + TimeSpan.FromMinutes(1), outcomeUnknown: true, "answer lost", Ct));
        Assert.Equal([someoneElses], await ReadDueAsync(hotline, now));
        Assert.Equal([someoneElses, replies[0]], await ReadDueAsync(hotline, now + TimeSpan.FromMinutes(2)));

        var again = await ClaimAsync(hotline, replies[0], now + TimeSpan.FromMinutes(2));
        await WriteAsync(hotline, session => outbox.MarkSentAsync(session, again!, "SM0001", Ct));
        Assert.Equal([replies[1], replies[2], someoneElses], await ReadDueAsync(hotline, now + TimeSpan.FromMinutes(2)));
    }

    /// <summary>
    /// The first reply waits for a later attempt; the second, put back behind it, kept its earlier time; the third was written
    /// after the first's new time. Compared only with each reply before it, the third would go with the first, before the second.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_reply_waits_for_every_unsent_reply_before_it_even_one_due_before_it_held_up_by_another(DatabaseProvider provider)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(provider);
        var outbox = hotline.Get<OutboxRepository>();
        var replies = await WriteRepliesAsync(hotline, count: 3);
        var now = hotline.Time.GetUtcNow();

        var first = Assert.IsType<OutboxItem>(await ClaimAsync(hotline, replies[0], now));
        var between = now - TimeSpan.FromMilliseconds(1500);
        await WriteAsync(hotline, session => outbox.RescheduleAsync(session, first, between, outcomeUnknown: false, "Twilio answered 429", Ct));

        Assert.Equal([replies[0]], await ReadDueAsync(hotline, now));
        Assert.Null(await ClaimAsync(hotline, replies[2], now));

        var again = Assert.IsType<OutboxItem>(await ClaimAsync(hotline, replies[0], now));
        await WriteAsync(hotline, session => outbox.MarkSentAsync(session, again, "SM0001", Ct));
        Assert.Equal([replies[1], replies[2]], await ReadDueAsync(hotline, now));
    }

    [Theory, DatabaseData]
    public async Task An_earlier_reply_that_failed_for_good_does_not_hold_up_the_persons_later_replies(DatabaseProvider provider)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(provider);
        var outbox = hotline.Get<OutboxRepository>();
        var replies = await WriteRepliesAsync(hotline, count: 2);
        var now = hotline.Time.GetUtcNow();

        var first = Assert.IsType<OutboxItem>(await ClaimAsync(hotline, replies[0], now));
        await WriteAsync(hotline, session => outbox.FinishAsync(session, first, OutboxStatus.Failed, "Twilio refused the number", Ct));

        Assert.Equal([replies[1]], await ReadDueAsync(hotline, now));
        Assert.NotNull(await ClaimAsync(hotline, replies[1], now));
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

    /// <summary>Whether a person has an earlier reply in the way is asked of the few rows not yet sent, never of the whole outbox.</summary>
    [Theory]
    [InlineData("Outbox_ReadDueIds")]
    [InlineData("Outbox_ClaimByIds")]
    public async Task Whether_an_earlier_reply_is_in_the_way_is_read_from_the_persons_unsent_rows(string statement)
    {
        var plan = await SqlitePlanAsync(statement);

        Assert.Contains("SEARCH earlier USING INDEX IX_Outbox_UnsentByConversation (ConversationId=?)", plan);
        Assert.Contains("SEARCH Messages USING INDEX sqlite_autoindex_Messages_1 (Id=?)", plan);
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && !step.StartsWith("SCAN (subquery", StringComparison.Ordinal)
            && !step.StartsWith("SCAN json_each", StringComparison.Ordinal) && step != "SCAN Cut");
    }

    /// <summary>The claim holds the writer: read along the due indexes, it would visit every due row of a backlog.</summary>
    [Fact]
    public async Task A_pass_claims_its_rows_by_their_ids_not_along_the_due_indexes()
    {
        var plan = await SqlitePlanAsync("Outbox_ClaimByIds");

        Assert.Equal(["SEARCH later USING INDEX sqlite_autoindex_Outbox_1 (Id=?)", "LIST SUBQUERY 1", "SCAN json_each VIRTUAL TABLE INDEX 1:"], plan.Take(3));
    }

    private static async Task<IReadOnlyList<Guid>> ReadDueAsync(HotlineApp hotline, DateTimeOffset now)
    {
        await using var reader = await hotline.Database.OpenAsync(Ct);
        return await hotline.Get<OutboxRepository>().ReadDueAsync(reader, now, take: 10, Ct);
    }

    /// <summary>The row under a 30-second lease, or null when it is not due or another reply is in its way.</summary>
    private static async Task<OutboxItem?> ClaimAsync(HotlineApp hotline, Guid id, DateTimeOffset now)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var claimed = await hotline.Get<OutboxRepository>().ClaimAsync(session, id, now, TimeSpan.FromSeconds(30), Ct);
        await session.CommitAsync(Ct);
        return claimed;
    }

    private static async Task WriteAsync(HotlineApp hotline, Func<DbSession, Task<bool>> change)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        Assert.True(await change(session));
        await session.CommitAsync(Ct);
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
