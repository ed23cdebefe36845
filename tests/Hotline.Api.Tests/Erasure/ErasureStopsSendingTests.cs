using Hotline.Api.Outbox;

namespace Hotline.Api.Tests.Erasure;

/// <summary>
/// An erasure closes the person's cases and erases their messages in batches, each its own write, before the identity's write.
/// Judged by what reaches the Twilio stand-in: nothing that waited for them when it began, however long it takes.
/// </summary>
public sealed class ErasureStopsSendingTests
{
    /// <summary>
    /// A review: the outbox rows went only in the last write, and the dispatcher, running between the batches, sent what
    /// waited (the replies to their messages, held back here by a dispatcher that had not run yet) to the person being erased.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Replies_waiting_when_an_erasure_begins_never_reach_the_phone_while_it_runs(DatabaseProvider engine)
    {
        const string phone = "+9779800000932";
        await using var harness = await TwilioHarness.StartAsync(engine, new Dictionary<string, string?> { ["Hotline:Retention:BatchSize"] = "1" });
        await harness.TextAsync(phone, "hello", "1", "1", "1");
        for (var i = 0; i < 60; i++)
        {
            await harness.TextAsync(phone, $"message {i}");
        }

        Assert.True(await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Pending'") > 0);
        var erasure = OperatorCommands.RunAsync(harness.App.Services, ["erase", "--phone", phone, "--force"], TextReader.Null, new StringWriter(), Ct);
        // Its case closed: the erasure has begun its writes, and its batches follow.
        await Poll.UntilAsync(async () => await harness.CountAsync("SELECT COUNT(*) FROM Cases WHERE Status <> 'Closed'") == 0,
            "the erasure to close the person's case", TimeSpan.FromSeconds(30));
        var passesWhileErasing = 0;
        while (!erasure.IsCompleted)
        {
            await harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(Ct);
            passesWhileErasing++;
        }

        Assert.Equal(0, await erasure);
        Assert.True(passesWhileErasing > 0, "The erasure ended before the dispatcher ran.");
        Assert.DoesNotContain(harness.Twilio.Created, m => m.To == phone);
    }
}
