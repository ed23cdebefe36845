namespace Hotline.Api.Tests.Outbox;

/// <summary>
/// A claimed reply can wait for the send rate longer than its lease; another instance may claim it
/// meanwhile. The one that waited checks its claim just before sending, so the person gets it once.
/// </summary>
public sealed class OutboxFencingTests
{
    private const string First = "+9779800000501";
    private const string Second = "+9779800000502";

    [Fact]
    public async Task A_reply_claimed_by_another_dispatcher_while_this_one_waited_for_the_send_rate_is_not_sent_by_this_one()
    {
        // One segment every 6 s and a 5 s lease: the second reply's turn comes after its lease ran out.
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:SegmentsPerSecond"] = "0.1666",
            ["Hotline:Outbox:LeaseSeconds"] = "5",
        });
        await harness.TextAsync(First, "hello");
        await harness.TextAsync(Second, "hello");
        var dispatcher = harness.App.Services.GetRequiredService<OutboxDispatchJob>();

        var pass = dispatcher.DispatchDueAsync(Ct);
        await Poll.UntilAsync(() => harness.Twilio.Created.Count == 1, "the first reply to be sent", TimeSpan.FromSeconds(30));
        var takenOver = Guid.NewGuid();
        await harness.App.ExecuteAsync(
            $"UPDATE Outbox SET LeaseToken = '{takenOver}', LeaseExpiresAt = '2100-01-01T00:00:00.000Z' WHERE Status = 'Sending'");
        await pass;

        Assert.Equal([First], harness.Twilio.Created.Select(c => c.To));
        Assert.Equal($"Sending|{takenOver}", await harness.ScalarAsync("SELECT Status || '|' || LeaseToken FROM Outbox WHERE Status <> 'Sent'"));
    }

    [Theory, DatabaseData]
    public async Task A_reply_whose_claim_ran_out_while_waiting_but_was_not_taken_over_is_sent_once(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine, new Dictionary<string, string?>
        {
            ["Twilio:SegmentsPerSecond"] = "0.1666",
            ["Hotline:Outbox:LeaseSeconds"] = "5",
        });
        await harness.TextAsync(First, "hello");
        await harness.TextAsync(Second, "hello");
        var dispatcher = harness.App.Services.GetRequiredService<OutboxDispatchJob>();

        await dispatcher.DispatchDueAsync(Ct);

        Assert.Equal([First, Second], harness.Twilio.Created.Select(c => c.To));
        Assert.Equal(0L, await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Sent'"));
    }
}
