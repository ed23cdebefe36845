using Hotline.Api.Outbox;
using Hotline.Api.Tests.WhatsApp;

namespace Hotline.Api.Tests.Outbox;

/// <summary>
/// A reply waiting in the outbox when the person goes quiet or opts out never reaches the phone, even when the silence has
/// ended before anything claimed it: the transaction that silences them cancels it. Before, only a claim during the silence
/// cancelled a reply, and a review found two ways past it (a reply kept back behind one whose arrival could not be checked;
/// a WhatsApp 63016 arriving after the discreet word). Judged by what reaches the Twilio stand-in.
/// </summary>
public sealed class SilenceCancelsWaitingRepliesTests
{
    private const string Number = "+9779800000731";
    private const string WhatsAppPerson = "whatsapp:+9779800000732";
    private const string DiscreetWord = "recipe";
    private const string Written = "Call me when you can.";

    /// <summary>The caseworker's last reply, <see cref="Written"/> (the bodies are encrypted).</summary>
    private const string LastCaseworkerReply =
        "(SELECT Id FROM Messages WHERE Sequence = (SELECT MAX(Sequence) FROM Messages WHERE AuthorUserId IS NOT NULL) AND AuthorUserId IS NOT NULL)";

    /// <summary>
    /// The caseworker's first reply reached Twilio, but its answer was lost and Twilio's message list cannot be read: her
    /// second waits behind it. The person sends the discreet word, then says it is safe; the list is readable again.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_reply_kept_back_behind_an_unchecked_one_when_the_person_sends_the_discreet_word_never_reaches_the_phone(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number, new Dictionary<string, string?> { ["Hotline:Outbox:MaxAttempts"] = "50" });
        await line.ReplyAsync("Are you still there?");
        await line.ReplyAsync(Written);
        line.Harness.Twilio.FailNextAfterCreating(1, 500);
        line.Harness.Twilio.StartOutage(createFailureShare: 0, listFailureShare: 1, lateBy: TimeSpan.Zero, seed: 1);
        await DispatchOnceAsync(line);
        await DispatchOnceAsync(line);

        await line.Harness.TextAsync(Number, DiscreetWord);
        await DispatchOnceAsync(line);
        await line.Harness.TextAsync(Number, "hello");
        await DispatchOnceAsync(line);
        await line.Harness.TextAsync(Number, "1");
        line.Harness.Twilio.EndOutage();
        line.Clock.Advance(TimeSpan.FromSeconds(5));
        await line.Harness.DispatchAllAsync();

        Assert.Equal(["Are you still there?", "Sorry, wrong number."], line.CaseworkerTexts().Select(m => m.Body).Take(2));
        Assert.DoesNotContain(Written, line.CaseworkerTexts().Select(m => m.Body));
        Assert.Equal("cancelled|The person used the discreet word.|Cancelled", await line.Harness.ScalarAsync(
            "SELECT CONCAT(m.DeliveryStatus, '|', m.DeliveryError, '|', o.Status) FROM Messages AS m JOIN Outbox AS o ON o.MessageId = m.Id " +
            $"WHERE m.Id = {LastCaseworkerReply}"));
    }

    /// <summary>STOP while the reply waits behind the unchecked one, then START: nothing written before STOP goes.</summary>
    [Theory, DatabaseData]
    public async Task A_reply_kept_back_behind_an_unchecked_one_when_the_person_sends_stop_never_reaches_the_phone_after_start(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number, new Dictionary<string, string?> { ["Hotline:Outbox:MaxAttempts"] = "50" });
        await line.ReplyAsync("Are you still there?");
        await line.ReplyAsync(Written);
        line.Harness.Twilio.FailNextAfterCreating(1, 500);
        line.Harness.Twilio.StartOutage(createFailureShare: 0, listFailureShare: 1, lateBy: TimeSpan.Zero, seed: 1);
        await DispatchOnceAsync(line);

        await line.Harness.TextAsync(Number, "STOP");
        await DispatchOnceAsync(line);
        await line.Harness.TextAsync(Number, "START");
        line.Harness.Twilio.EndOutage();
        line.Clock.Advance(TimeSpan.FromSeconds(5));
        await line.Harness.DispatchAllAsync();

        Assert.DoesNotContain(Written, line.CaseworkerTexts().Select(m => m.Body));
        Assert.Equal("cancelled|The person sent STOP.", await line.Harness.ScalarAsync(
            $"SELECT CONCAT(DeliveryStatus, '|', DeliveryError) FROM Messages WHERE Id = {LastCaseworkerReply}"));
    }

    /// <summary>
    /// WhatsApp refuses the caseworker's reply (63016) only after the person has sent the discreet word and been asked whether it
    /// is safe. Held, their "1" (yes) released it: written before the discreet word, it went to a phone someone else may hold.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_whatsapp_refusal_arriving_after_the_discreet_word_cancels_the_reply_instead_of_holding_it(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, WhatsAppPerson);
        await line.ReplyAsync(Written);
        await line.Harness.DispatchAllAsync();
        var refused = Assert.Single(line.CaseworkerTexts());

        await line.Harness.TextAsync(WhatsAppPerson, DiscreetWord);
        await line.Harness.DispatchAllAsync();
        await line.Harness.TextAsync(WhatsAppPerson, "hello");
        await line.Harness.DispatchAllAsync();
        await line.RefusedForClosedWindowAsync(refused.Sid);
        await line.Harness.DispatchAllAsync();
        await line.Harness.TextAsync(WhatsAppPerson, "1");
        await line.Harness.DispatchAllAsync();

        Assert.Single(line.CaseworkerTexts(), m => m.Body == Written);
        Assert.Equal("cancelled|Cancelled", await line.Harness.ScalarAsync(
            $"SELECT CONCAT(m.DeliveryStatus, '|', o.Status) FROM Messages AS m JOIN Outbox AS o ON o.MessageId = m.Id WHERE m.Id = {LastCaseworkerReply}"));
    }

    /// <summary>
    /// Twilio answered the caseworker's reply 500 and never took it: its outcome unknown, it waits to be looked up. The person
    /// sends STOP, then START, before it is tried again. Before, Twilio's list showing it never arrived let it go after START:
    /// text written before STOP.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_reply_whose_outcome_was_unknown_when_the_person_sent_stop_is_not_sent_after_start(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number);
        await line.ReplyAsync(Written);
        line.Harness.Twilio.FailNext(1, 500);
        await DispatchOnceAsync(line);
        Assert.Equal("1", await line.Harness.ScalarAsync($"SELECT OutcomeUnknown FROM Outbox WHERE MessageId = {LastCaseworkerReply}"));

        await line.Harness.TextAsync(Number, "STOP");
        await line.Harness.TextAsync(Number, "START");
        line.Clock.Advance(TimeSpan.FromSeconds(5));
        await line.Harness.DispatchAllAsync();

        Assert.DoesNotContain(Written, line.CaseworkerTexts().Select(m => m.Body));
        Assert.Equal("cancelled|Cancelled", await line.Harness.ScalarAsync(
            $"SELECT CONCAT(m.DeliveryStatus, '|', o.Status) FROM Messages AS m JOIN Outbox AS o ON o.MessageId = m.Id WHERE m.Id = {LastCaseworkerReply}"));
    }

    /// <summary>
    /// WhatsApp's 63016 for the caseworker's reply arrives only after the quiet spell the discreet word began has ended (the
    /// person said it is safe). Before, the reply was held again and their next message released it: written before the
    /// discreet word, it went to the phone. It is cancelled at the 63016, not held (which would also invite the person back
    /// with the template) and cancelled only at its send.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_whatsapp_refusal_arriving_after_the_quiet_spell_ended_cancels_a_reply_written_before_it(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, WhatsAppPerson);
        await line.ReplyAsync(Written);
        await line.Harness.DispatchAllAsync();
        var refused = Assert.Single(line.CaseworkerTexts());
        await line.Harness.TextAsync(WhatsAppPerson, DiscreetWord);
        await line.Harness.DispatchAllAsync();
        await line.Harness.TextAsync(WhatsAppPerson, "hello");
        await line.Harness.DispatchAllAsync();
        await line.Harness.TextAsync(WhatsAppPerson, "1");
        await line.Harness.DispatchAllAsync();
        Assert.Equal("Active", await line.Harness.ScalarAsync("SELECT Status FROM Conversations"));

        await line.RefusedForClosedWindowAsync(refused.Sid);
        Assert.Equal("Cancelled", await line.Harness.ScalarAsync($"SELECT Status FROM Outbox WHERE MessageId = {LastCaseworkerReply}"));
        await line.Harness.DispatchAllAsync();
        await line.Harness.TextAsync(WhatsAppPerson, "are you there?");
        await line.Harness.DispatchAllAsync();

        Assert.Single(line.CaseworkerTexts(), m => m.Body == Written);
        Assert.Equal("cancelled|Cancelled", await line.Harness.ScalarAsync(
            $"SELECT CONCAT(m.DeliveryStatus, '|', o.Status) FROM Messages AS m JOIN Outbox AS o ON o.MessageId = m.Id WHERE m.Id = {LastCaseworkerReply}"));
    }

    /// <summary>One pass, its backoff (on the host's clock) run out first.</summary>
    private static async Task DispatchOnceAsync(WhatsAppLine line)
    {
        line.Clock.Advance(TimeSpan.FromSeconds(5));
        await line.Harness.App.Get<OutboxDispatchJob>().DispatchDueAsync(Ct);
    }
}
