using Hotline.Api.Tests.Twilio;
using static Hotline.Api.Tests.Retention.RetentionSeeds;

namespace Hotline.Api.Tests.Retention;

/// <summary>
/// Review finding: the sweep reads a batch of idle conversations, then erases them one by one. A person who writes again in
/// between had their new message emptied, their address forgotten and the reply to them deleted unsent: the erasure did not
/// look again at whether the conversation was still idle. The steps are run here as the sweep runs them, with the person's
/// message between the read and the write.
/// </summary>
public sealed class IdleConversationWritesAgainTests
{
    private const string Worker = "+9779800000738";

    [Theory, DatabaseData]
    public async Task A_person_who_writes_between_the_sweeps_read_and_its_write_keeps_their_message_address_and_reply(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine, new Dictionary<string, string?>
        {
            [$"{RetentionOptions.Section}:IdleConversationDays"] = "180",
        });
        await harness.TextAsync(Worker, "hello");
        await harness.DispatchAllAsync();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-181);
        await RawAsync(harness.App, "UPDATE Conversations SET LastInboundAt = @At", new { At = longAgo });
        await RawAsync(harness.App, "UPDATE Messages SET CreatedAt = @At", new { At = longAgo });
        var before = DateTimeOffset.UtcNow.AddDays(-180);
        var idle = await ReadIdleAsync(harness, before);
        var repliesBefore = harness.Twilio.Created.Count;

        await harness.TextAsync(Worker, "it is me again");
        await harness.App.Get<RetentionSweep>().EraseIdleConversationAsync(Assert.Single(idle), before, batchSize: 500, Ct);

        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Conversations WHERE IdentityErasedAt IS NULL AND AddressCipher <> ''"));
        Assert.Equal(2, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound' AND BodyCipher <> ''"));
        var waiting = await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Pending'");
        Assert.True(waiting > 0, "The reply to the person's new message is no longer waiting to be sent.");
        await harness.DispatchAllAsync();
        Assert.Equal(repliesBefore + waiting, harness.Twilio.Created.Count(c => c.To == Worker));
    }

    private static async Task<IReadOnlyList<Guid>> ReadIdleAsync(TwilioHarness harness, DateTimeOffset before)
    {
        await using var session = await harness.App.Database.OpenAsync(Ct);
        return (await session.QueryAsync<Guid>("Conversations_ReadIdentityToErase", new { Before = before, Take = 500 }, Ct)).ToList();
    }
}
