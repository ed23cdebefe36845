using Hotline.Api.Tests.WhatsApp;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A caseworker asks whether it is safe to write twice before the person answers: the latest asking is the one on the phone
/// last, and the one their answer is read against once it has left. Judged by what reaches the Twilio stand-in.
/// </summary>
public sealed class SafetyQuestionAskedAgainTests
{
    private const string Number = "+9779800000751";
    private const string Question = "Is it safe for you to write now?";
    private const string AskedAgain = "Hello, I am here. Is it safe for you to write now?";
    private const string NotSafeRefusal = "The person said it is not safe to text now. Nothing can be sent until they say it is safe to write.";

    /// <summary>
    /// Found by a review: only the first asking was followed. It left, the second waited in the outbox (send pacing), and
    /// the person's "ok" was read against the first and closed the question; the second then reached the phone closed, and
    /// the person's "no" to it let her "Where are you now?" through.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_no_to_her_second_asking_holds_her_replies_after_a_message_answered_the_first(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number);
        await line.ReplyAsync(Question);
        var second = await line.ReplyAsync(AskedAgain);
        await NotDueYetAsync(line, second.Value!.Id);
        await line.Harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(Ct);

        await line.Harness.TextAsync(Number, "ok");
        await line.Harness.App.ExecuteAsync($"UPDATE Outbox SET NextAttemptAt = '2000-01-01T00:00:00.000Z' WHERE MessageId = '{second.Value.Id}'");
        await line.Harness.DispatchAllAsync();
        await line.Harness.TextAsync(Number, "no");
        var next = await line.ReplyAsync("Where are you now?");
        await line.Harness.DispatchAllAsync();

        Assert.Equal(NotSafeRefusal, next.Refusal);
        Assert.Equal([Question, AskedAgain, "OK. Write again when it is safe."], line.CaseworkerTexts().Select(m => m.Body));
    }

    /// <summary>
    /// While the second asking still waits in the outbox, the person's "no" may answer the first, which is on the phone: it is
    /// the answer, and her next reply is refused (the second asking, unsent, is cancelled with the quiet).
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_no_to_her_first_asking_while_the_second_is_on_its_way_holds_her_replies(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number);
        await line.ReplyAsync(Question);
        var second = await line.ReplyAsync(AskedAgain);
        await NotDueYetAsync(line, second.Value!.Id);
        await line.Harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(Ct);

        await line.Harness.TextAsync(Number, "no");
        var next = await line.ReplyAsync("Where are you now?");
        await line.Harness.App.ExecuteAsync($"UPDATE Outbox SET NextAttemptAt = '2000-01-01T00:00:00.000Z' WHERE MessageId = '{second.Value.Id}'");
        await line.Harness.DispatchAllAsync();

        Assert.Equal(NotSafeRefusal, next.Refusal);
        Assert.Equal([Question, "OK. Write again when it is safe."], line.CaseworkerTexts().Select(m => m.Body));
    }

    /// <summary>
    /// Final review: asked twice, and neither asking left (Twilio refused both for good). The latest never having left, the
    /// earlier was taken to be on the phone whatever became of it, and the person's "no", written to no question of hers,
    /// made the conversation quiet and refused her "Where are you now?". A latest asking that never left falls back on the
    /// earlier only if that one has, or may have, left.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_no_after_both_askings_failed_for_good_is_hers_to_read(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number);
        await line.ReplyAsync(Question);
        await line.ReplyAsync(AskedAgain);
        line.Harness.Twilio.RejectNext(21211, "The 'To' number {To} is not a valid phone number.");
        line.Harness.Twilio.RejectNext(21211, "The 'To' number {To} is not a valid phone number.");
        await line.Harness.DispatchAllAsync();

        await line.Harness.TextAsync(Number, "no");
        var next = await line.ReplyAsync("Where are you now?");
        await line.Harness.DispatchAllAsync();

        Assert.True(next.Ok, next.Refusal);
        Assert.Equal(["Where are you now?"], line.CaseworkerTexts().Select(m => m.Body));
    }

    /// <summary>The earlier asking reached the phone and the latest was refused for good: the "no" answers the earlier one.</summary>
    [Theory, DatabaseData]
    public async Task A_no_after_the_second_asking_failed_for_good_answers_the_first_that_left(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number);
        await line.ReplyAsync(Question);
        await line.Harness.DispatchAllAsync();
        await line.ReplyAsync(AskedAgain);
        line.Harness.Twilio.RejectNext(21211, "The 'To' number {To} is not a valid phone number.");
        await line.Harness.DispatchAllAsync();

        await line.Harness.TextAsync(Number, "no");
        var next = await line.ReplyAsync("Where are you now?");
        await line.Harness.DispatchAllAsync();

        Assert.Equal(NotSafeRefusal, next.Refusal);
        Assert.Equal([Question, "OK. Write again when it is safe."], line.CaseworkerTexts().Select(m => m.Body));
    }

    /// <summary>The reply waits in the outbox (send pacing, a retry): not due until the test says.</summary>
    private static Task NotDueYetAsync(WhatsAppLine line, Guid messageId) =>
        line.Harness.App.ExecuteAsync($"UPDATE Outbox SET NextAttemptAt = '2100-01-01T00:00:00.000Z' WHERE MessageId = '{messageId}'");
}
