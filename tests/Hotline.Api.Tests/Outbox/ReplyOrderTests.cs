using Hotline.Api.Outbox;

namespace Hotline.Api.Tests.Outbox;

/// <summary>
/// A person reads their replies in the order the hotline wrote them. One turn's replies are due in the same millisecond,
/// so the order in which a pass finds its due rows says nothing about which was written first; the message's sequence does.
/// </summary>
public sealed class ReplyOrderTests
{
    private const string Worker = "+9779800000711";
    private const string Replies = "FROM Messages WHERE Direction = 'Outbound'";

    [Theory, DatabaseData]
    public async Task A_persons_due_replies_reach_the_phone_in_the_order_they_were_written_whichever_the_pass_finds_first(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await harness.TextAsync(Worker, "hello", "1");
        Assert.Equal(2L, await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Pending'"));
        // The later reply is found first, as a reply due in the same millisecond as another may be.
        await harness.App.ExecuteAsync("UPDATE Outbox SET NextAttemptAt = '2000-01-01T00:00:00.000Z' WHERE MessageId = "
            + $"(SELECT Id {Replies} AND Sequence = (SELECT MAX(Sequence) {Replies}))");

        await harness.DispatchAllAsync();

        Assert.Equal(await WrittenOrderAsync(harness), harness.Twilio.Created.Select(message => message.Sid));
    }

    [Theory, DatabaseData]
    public async Task A_pass_too_small_for_a_turns_replies_due_in_one_millisecond_takes_them_all_and_the_phone_gets_them_in_order(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine, new Dictionary<string, string?> { ["Hotline:Outbox:BatchSize"] = "1" });
        await harness.TextAsync(Worker, "hello", "1");
        Assert.Equal(2L, await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Pending'"));
        // One turn's replies, due in the same millisecond: a pass that took one alone would leave the other to the next pass, or to
        // another instance sending at the same time.
        await harness.App.ExecuteAsync("UPDATE Outbox SET NextAttemptAt = '2000-01-01T00:00:00.000Z' WHERE Status = 'Pending'");

        Assert.Equal(2, await harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(Ct));

        Assert.Equal(await WrittenOrderAsync(harness), harness.Twilio.Created.Select(message => message.Sid));
    }

    [Theory, DatabaseData]
    public async Task A_reply_that_must_be_tried_again_keeps_the_persons_next_reply_of_the_same_pass_back_until_it_has_gone(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine, new Dictionary<string, string?> { ["Hotline:Outbox:RetryBaseMilliseconds"] = "50" });
        await harness.TextAsync(Worker, "hello", "1");
        await harness.App.ExecuteAsync("UPDATE Outbox SET NextAttemptAt = '2000-01-01T00:00:00.000Z' WHERE Status = 'Pending'");
        harness.Twilio.FailNext(1, 429);

        Assert.Equal(2, await harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(Ct));
        Assert.Empty(harness.Twilio.Created);
        // The reply kept back was not attempted, so the other reply's outage does not use up its attempts.
        const string attempts = "SELECT o.Attempts FROM Outbox o JOIN Messages m ON m.Id = o.MessageId WHERE m.Sequence = ";
        Assert.Equal(1L, await harness.CountAsync($"{attempts}(SELECT MIN(Sequence) {Replies})"));
        Assert.Equal(0L, await harness.CountAsync($"{attempts}(SELECT MAX(Sequence) {Replies})"));

        await harness.DispatchAllAsync();

        Assert.Equal(await WrittenOrderAsync(harness), harness.Twilio.Created.Select(message => message.Sid));
    }

    /// <summary>Another API instance's dispatcher has claimed the earlier reply and not sent it yet (it waits for the number's send rate).</summary>
    [Theory, DatabaseData]
    public async Task A_reply_written_while_another_dispatcher_holds_the_persons_earlier_reply_waits_for_it(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var outbox = harness.App.Get<OutboxRepository>();
        await harness.TextAsync(Worker, "hello");
        OutboxItem earlier;
        await using (var session = await harness.App.Database.BeginWriteAsync(Ct))
        {
            var now = await session.DatabaseNowAsync(Ct);
            earlier = Assert.Single(await outbox.ClaimAllAsync(session, await outbox.ReadDueAsync(session, now, take: 10, Ct), now, TimeSpan.FromMinutes(2), Ct));
            await session.CommitAsync(Ct);
        }

        await harness.TextAsync(Worker, "1");

        Assert.Equal(0, await harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(Ct));
        Assert.Empty(harness.Twilio.Created);

        // The other instance dies before sending: its lease runs out, and this one asks Twilio, then sends both in order.
        await using (var session = await harness.App.Database.BeginWriteAsync(Ct))
        {
            Assert.True(await outbox.RenewLeaseAsync(session, earlier, TimeSpan.FromSeconds(-1), Ct));
            await session.CommitAsync(Ct);
        }

        await harness.DispatchAllAsync();
        Assert.Equal(await WrittenOrderAsync(harness), harness.Twilio.Created.Select(message => message.Sid));
    }

    /// <summary>
    /// The answer to the first reply was lost, and Twilio's message list cannot be read to learn whether it arrived. Asked for
    /// good, it would keep the person's next reply back for good.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_reply_whose_arrival_cannot_be_checked_is_given_up_after_its_attempts_and_the_persons_next_reply_goes(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine, new Dictionary<string, string?>
        {
            ["Hotline:Outbox:MaxAttempts"] = "2",
            ["Hotline:Outbox:RetryBaseMilliseconds"] = "1",
        });
        await harness.TextAsync(Worker, "hello", "1");
        await harness.App.ExecuteAsync("UPDATE Outbox SET NextAttemptAt = '2000-01-01T00:00:00.000Z' WHERE Status = 'Pending'");
        harness.Twilio.FailNextAfterCreating(1, 500);
        harness.Twilio.StartOutage(createFailureShare: 0, listFailureShare: 1, lateBy: TimeSpan.Zero, seed: 1);

        await harness.DispatchAllAsync();

        Assert.Equal(2, harness.Twilio.Created.Count);
        Assert.Equal("failed", await harness.ScalarAsync($"SELECT DeliveryStatus {Replies} AND Sequence = (SELECT MIN(Sequence) {Replies})"));
        Assert.StartsWith("May not have reached the phone: whether it arrived could not be checked after 2 attempts",
            await harness.ScalarAsync($"SELECT DeliveryError {Replies} AND Sequence = (SELECT MIN(Sequence) {Replies})"));
        Assert.Equal("queued", await harness.ScalarAsync($"SELECT DeliveryStatus {Replies} AND Sequence = (SELECT MAX(Sequence) {Replies})"));
    }

    /// <summary>The two replies' Twilio message ids, the first written first.</summary>
    private static async Task<string?[]> WrittenOrderAsync(TwilioHarness harness) =>
    [
        await harness.ScalarAsync($"SELECT ChannelMessageId {Replies} AND Sequence = (SELECT MIN(Sequence) {Replies})"),
        await harness.ScalarAsync($"SELECT ChannelMessageId {Replies} AND Sequence = (SELECT MAX(Sequence) {Replies})"),
    ];
}
