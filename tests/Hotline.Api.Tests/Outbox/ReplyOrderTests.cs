using Hotline.Api.Outbox;

namespace Hotline.Api.Tests.Outbox;

/// <summary>
/// A person reads their replies in the order the hotline wrote them. One turn's replies are due in the same millisecond,
/// so the order in which a pass finds its due rows says nothing about which was written first; the message's sequence does.
/// </summary>
public sealed class ReplyOrderTests
{
    private const string Worker = "+9779800000711";
    private const string OutboundInWrittenOrder =
        "SELECT group_concat(ChannelMessageId, ' ') FROM (SELECT ChannelMessageId FROM Messages WHERE Direction = 'Outbound' ORDER BY Sequence)";

    [Fact]
    public async Task A_persons_due_replies_reach_the_phone_in_the_order_they_were_written_whichever_the_pass_finds_first()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "1");
        Assert.Equal(2L, await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Pending'"));
        // The last reply written is found first, as a reply due in the same millisecond as the others may be.
        await harness.App.ExecuteAsync("UPDATE Outbox SET NextAttemptAt = '2000-01-01T00:00:00.000Z' WHERE MessageId = "
            + "(SELECT Id FROM Messages WHERE Direction = 'Outbound' ORDER BY Sequence DESC LIMIT 1)");

        await harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, harness.Twilio.Created.Count);
        Assert.Equal(await harness.ScalarAsync(OutboundInWrittenOrder), string.Join(' ', harness.Twilio.Created.Select(message => message.Sid)));
    }
}
