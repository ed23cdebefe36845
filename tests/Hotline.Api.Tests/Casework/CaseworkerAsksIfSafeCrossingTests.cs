using Hotline.Api.Tests.WhatsApp;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A caseworker's "Is it safe for you to write now?" is read against the person's messages only from when it has left for
/// the phone. A message written before it got there (the outbox had not sent it yet, or WhatsApp held it until the person
/// wrote) crosses it and answers nothing: the question stays open for the next message, which the person writes having
/// seen it. Judged by what reaches the Twilio stand-in.
/// </summary>
public sealed class CaseworkerAsksIfSafeCrossingTests
{
    private const string Number = "+9779800000731";
    private const string Question = "Is it safe for you to write now?";
    private const string NotSafeRefusal = "The person said it is not safe to text now. Nothing can be sent until they say it is safe to write.";

    private static readonly Dictionary<string, string?> WithTemplate = new()
    {
        ["Twilio:WhatsApp:ReengageContentSid"] = "HX0123456789abcdef0123456789abcdef",
        ["Twilio:WhatsApp:ReengageContentVariables"] = "{\"1\":\"Hello\"}",
    };

    /// <summary>
    /// Found by a safety review: outside WhatsApp's window her question waited, held, until the person wrote "hello"; that
    /// "hello" released it and closed it unseen, so their "no" after reading it was not taken as the answer, and her next
    /// reply reached a phone whose owner had said it is not safe.
    /// </summary>
    [Theory, DatabaseData]
    public async Task On_whatsapp_the_message_that_releases_her_held_question_leaves_it_open_and_the_no_after_it_holds_her_replies(
        DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, "whatsapp:" + Number, WithTemplate);
        line.Clock.Advance(TimeSpan.FromHours(25));
        var asked = await line.ReplyAsync(Question);
        await line.Harness.DispatchAllAsync();

        line.Clock.Advance(TimeSpan.FromHours(2));
        await line.Harness.TextAsync("whatsapp:" + Number, "hello");
        await line.Harness.DispatchAllAsync();
        await line.Harness.TextAsync("whatsapp:" + Number, "no");
        var next = await line.ReplyAsync("Where are you now?");
        await line.Harness.DispatchAllAsync();

        Assert.Equal("held", asked.Value!.DeliveryStatus);
        Assert.Equal(NotSafeRefusal, next.Refusal);
        Assert.Equal(["(template)", Question, "OK. Write again when it is safe."],
            line.CaseworkerTexts().Select(m => m.Body ?? "(template)"));
    }

    /// <summary>
    /// Found by a review: Twilio took her question (sent), the person's "hello" arrived, and only then did WhatsApp refuse it
    /// (63016, outside the 24-hour window). Read as the answer, that "hello" closed a question the person never saw; held again
    /// and released by their next message, it reached the phone, and their "no" to it let her next reply through. The question
    /// held again is open again, for the first message written once it has really left.
    /// </summary>
    [Theory, DatabaseData]
    public async Task On_whatsapp_a_question_refused_after_a_message_crossed_it_is_open_again_and_the_no_after_it_holds_her_replies(
        DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, "whatsapp:" + Number, WithTemplate);
        await line.ReplyAsync(Question);
        await line.Harness.DispatchAllAsync();
        var refused = Assert.Single(line.CaseworkerTexts());

        await line.Harness.TextAsync("whatsapp:" + Number, "hello");
        await line.RefusedForClosedWindowAsync(refused.Sid);
        await line.Harness.DispatchAllAsync();
        await line.Harness.TextAsync("whatsapp:" + Number, "hi");
        await line.Harness.DispatchAllAsync();
        await line.Harness.TextAsync("whatsapp:" + Number, "no");
        var next = await line.ReplyAsync("Where are you now?");
        await line.Harness.DispatchAllAsync();

        Assert.Equal(NotSafeRefusal, next.Refusal);
        Assert.Equal([Question, "(template)", Question, "OK. Write again when it is safe."],
            line.CaseworkerTexts().Select(m => m.Body ?? "(template)"));
    }

    /// <summary>
    /// Found by a review: Twilio took her question (sent), the person then used the discreet word, and only then did WhatsApp
    /// refuse the question (63016). Holding it again recorded it open in a conversation that waits until it is safe, where the
    /// engine leaves its state as it is: the save changed nothing but the conversation's version, and the decoy waiting in the
    /// outbox, marked as that quiet turn's last word, was cancelled. The phone, read by someone else, showed her question
    /// answered by nothing. While the person has not said it is safe, her question held again is not recorded: it is refused
    /// when it is released, and the decoy goes.
    /// </summary>
    [Theory, DatabaseData]
    public async Task On_whatsapp_her_question_refused_after_the_discreet_word_leaves_the_decoy_to_reach_the_phone(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, "whatsapp:" + Number, WithTemplate);
        await line.ReplyAsync(Question);
        await line.Harness.DispatchAllAsync();
        var refused = Assert.Single(line.CaseworkerTexts());

        await line.Harness.TextAsync("whatsapp:" + Number, "recipe");
        await line.RefusedForClosedWindowAsync(refused.Sid);
        await line.Harness.DispatchAllAsync();

        Assert.Equal([Question, "Sorry, wrong number."], line.CaseworkerTexts().Select(m => m.Body ?? "(template)"));
    }

    /// <summary>
    /// The same by SMS: the outbox had not sent her question yet (send pacing, a retry, an outage at Twilio) when the person's
    /// "ok" arrived; their "no" once it reached them holds her replies.
    /// </summary>
    [Theory, DatabaseData]
    public async Task By_sms_a_message_written_before_her_question_was_sent_leaves_it_open_and_the_no_after_it_holds_her_replies(
        DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number);
        await line.ReplyAsync(Question);

        await line.Harness.TextAsync(Number, "ok");
        await line.Harness.DispatchAllAsync();
        await line.Harness.TextAsync(Number, "no");
        var next = await line.ReplyAsync("Where are you now?");
        await line.Harness.DispatchAllAsync();

        Assert.Equal(NotSafeRefusal, next.Refusal);
        Assert.Equal([Question, "OK. Write again when it is safe."], line.CaseworkerTexts().Select(m => m.Body));
    }

    /// <summary>
    /// Once her question has left, the person's next message is read against it and closes it, as before: "ok" there lets
    /// her go on, and a later "no" is hers to read.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_message_written_after_her_question_was_sent_answers_it(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number);
        await line.ReplyAsync(Question);
        await line.Harness.DispatchAllAsync();

        await line.Harness.TextAsync(Number, "ok");
        await line.Harness.TextAsync(Number, "no");
        var next = await line.ReplyAsync("Who has your passport?");
        await line.Harness.DispatchAllAsync();

        Assert.True(next.Ok, next.Refusal);
        Assert.Equal([Question, "Who has your passport?"], line.CaseworkerTexts().Select(m => m.Body));
    }

    /// <summary>
    /// Found by a review: her question crossed by the person's "ok" was then refused by Twilio for good (21610), and counted as
    /// on the phone: "he locked the door, it is not safe here" was read against a question the person never saw, made the
    /// conversation quiet and refused her "Call 112 now". A question that never left is closed and answers nothing.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_question_that_failed_for_good_is_not_read_against_the_next_message(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number);
        await line.ReplyAsync(Question);
        await line.Harness.TextAsync(Number, "ok");
        line.Harness.Twilio.RejectNext(21610, "Attempt to send to unsubscribed recipient");
        await line.Harness.DispatchAllAsync();

        await line.Harness.TextAsync(Number, "he locked the door, it is not safe here");
        var next = await line.ReplyAsync("Call 112 now");
        await line.Harness.DispatchAllAsync();

        Assert.True(next.Ok, next.Refusal);
        Assert.Equal(["Call 112 now"], line.CaseworkerTexts().Select(m => m.Body));
    }
}
