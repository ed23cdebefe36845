using Hotline.Api.Tests.WhatsApp;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A caseworker's "Is it safe for you to write now?" whose send has no settled outcome: being sent (or left so by a dispatcher
/// that died mid-send), sent into an answer that was lost, or given up as "May not have reached the phone". It may be on the
/// phone, and the person's "no" is the answer: her next reply is refused and nothing more reaches the phone. Judged by what
/// reaches the Twilio stand-in.
/// </summary>
public sealed class SafetyQuestionOutcomeUnknownTests
{
    private const string Number = "+9779800000741";
    private const string Question = "Is it safe for you to write now?";
    private const string NotSafeRefusal = "The person said it is not safe to text now. Nothing can be sent until they say it is safe to write.";

    /// <summary>
    /// Found by a review: the question reached Twilio, whose answer was still on its way (the outbox row Sending, as after a
    /// crash mid-send), when the person answered "no". Read as a message crossing a question not yet sent, the "no" answered
    /// nothing, and her "Where are you now?" reached a phone its owner had just said is not safe.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_no_while_her_question_is_being_sent_holds_her_replies(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number);
        // Twilio takes the question, then answers after the hotline has stopped waiting.
        line.Harness.Twilio.HangNext(1, TimeSpan.FromSeconds(3));
        await line.ReplyAsync(Question);
        var sending = line.Harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(Ct);
        await line.UntilTwilioHoldsAReplyAsync();

        Assert.Equal(1, await line.Harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Sending'"));
        await line.Harness.TextAsync(Number, "no");
        var next = await line.ReplyAsync("Where are you now?");
        await sending;
        line.Clock.Advance(TimeSpan.FromMinutes(10));
        await line.Harness.DispatchAllAsync();

        Assert.Equal(NotSafeRefusal, next.Refusal);
        Assert.Equal([Question, "OK. Write again when it is safe."], line.CaseworkerTexts().Select(m => m.Body));
    }

    /// <summary>
    /// Found by a review: Twilio took the question and its answer was lost (a 500 after creating): the row waits, its outcome
    /// unknown, to ask Twilio before any new attempt. The person's "no" to it let her next reply through.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_no_to_her_question_whose_send_outcome_is_unknown_holds_her_replies(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number);
        line.Harness.Twilio.FailNextAfterCreating(1, 500);
        await line.ReplyAsync(Question);
        await line.Harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(Ct);

        Assert.Equal(1, await line.Harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Pending' AND OutcomeUnknown = 1"));
        await line.Harness.TextAsync(Number, "no");
        var next = await line.ReplyAsync("Where are you now?");
        line.Clock.Advance(TimeSpan.FromMinutes(10));
        await line.Harness.DispatchAllAsync();

        Assert.Equal(NotSafeRefusal, next.Refusal);
        Assert.Equal([Question, "OK. Write again when it is safe."], line.CaseworkerTexts().Select(m => m.Body));
    }

    /// <summary>
    /// Found by a review: the question's arrival could not be checked after its attempts, and it was failed "May not have
    /// reached the phone". Counted as never having left, it was closed, and the person's "no" let her next reply through.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_no_to_her_question_that_may_not_have_reached_the_phone_holds_her_replies(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number, new Dictionary<string, string?> { ["Hotline:Outbox:MaxAttempts"] = "1" });
        line.Harness.Twilio.FailNextAfterCreating(1, 500);
        line.Harness.Twilio.StartOutage(createFailureShare: 0, listFailureShare: 1, lateBy: TimeSpan.Zero, seed: 1);
        await line.ReplyAsync(Question);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await line.Harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(Ct);
            line.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        line.Harness.Twilio.EndOutage();
        Assert.StartsWith("May not have reached the phone", await line.Harness.ScalarAsync(
            "SELECT LastError FROM Outbox WHERE Status = 'Failed'"));
        await line.Harness.TextAsync(Number, "no");
        var next = await line.ReplyAsync("Where are you now?");
        await line.Harness.DispatchAllAsync();

        Assert.Equal(NotSafeRefusal, next.Refusal);
        Assert.Equal([Question, "OK. Write again when it is safe."], line.CaseworkerTexts().Select(m => m.Body));
    }
}
