using Hotline.Api.Outbox;

namespace Hotline.Api.Tests.Outbox;

/// <summary>
/// A pass's outcomes are recorded together, in as few writes as they allow. An outcome that cannot be recorded must
/// still hold up only its own reply: the others of the pass are recorded, and the reply it belonged to waits with its
/// outcome unknown, so that Twilio is asked before it is ever sent again.
/// </summary>
public sealed class OutcomeRecordingTests
{
    private const string Worker = "+9779800000701";
    private const string OtherWorker = "+9779800000702";

    [Fact]
    public async Task A_send_whose_outcome_cannot_be_recorded_leaves_the_other_outcomes_of_its_pass_recorded()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello");
        var workersConversation = await harness.ScalarAsync("SELECT DISTINCT quote(ConversationId) FROM Outbox");
        await harness.TextAsync(OtherWorker, "hello");
        // The database refuses to record any send of the first person's replies, as a full disk or a bug would.
        await harness.App.ExecuteAsync(
            "CREATE TRIGGER RefuseRecordingSends BEFORE UPDATE OF ChannelMessageId ON Messages "
            + $"WHEN NEW.ChannelMessageId IS NOT NULL AND OLD.ConversationId = {workersConversation} "
            + "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");

        await harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(TestContext.Current.CancellationToken);

        var workersReplies = $"FROM Outbox WHERE ConversationId = {workersConversation}";
        var othersReplies = $"FROM Outbox WHERE ConversationId <> {workersConversation}";
        Assert.Equal((1L, 1L), (await harness.CountAsync($"SELECT COUNT(*) {workersReplies}"), await harness.CountAsync($"SELECT COUNT(*) {othersReplies}")));
        Assert.Equal("Pending|1|1", await harness.ScalarAsync($"SELECT Status || '|' || OutcomeUnknown || '|' || Attempts {workersReplies}"));
        Assert.Equal("Sent", await harness.ScalarAsync($"SELECT Status {othersReplies}"));
        Assert.Equal(2, harness.Twilio.Created.Count);
    }
}
