using Hotline.Api.WhatsApp;

namespace Hotline.Api.Tests.WhatsApp;

/// <summary>
/// WhatsApp's 24-hour window, judged by what reaches the Twilio stand-in: free text inside it, the reply refused or
/// held behind the template outside it, and what was held going out, in order, once the person writes again.
/// </summary>
public sealed class WhatsAppWindowTests
{
    private const string Number = "+9779800000723";
    private const string Person = "whatsapp:" + Number;
    private const string TemplateSid = "HX0123456789abcdef0123456789abcdef";
    private const string TemplateVariables = "{\"1\":\"Hello\"}";

    private static readonly Dictionary<string, string?> WithTemplate = new()
    {
        ["Twilio:WhatsApp:ReengageContentSid"] = TemplateSid,
        ["Twilio:WhatsApp:ReengageContentVariables"] = TemplateVariables,
    };

    [Theory, DatabaseData]
    public async Task A_reply_inside_the_window_goes_as_free_text(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Person);
        line.Clock.Advance(TimeSpan.FromHours(23));

        var answer = await line.ReplyAsync("Are you safe now?");
        await line.Harness.DispatchAllAsync();

        Assert.True(answer.Ok, answer.Refusal);
        var sent = Assert.Single(line.CaseworkerTexts());
        Assert.Equal(("Are you safe now?", null), (sent.Body, sent.ContentSid));
    }

    [Theory, DatabaseData]
    public async Task A_reply_after_the_window_closed_is_refused_with_the_reason_when_no_template_is_configured(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Person);
        line.Clock.Advance(TimeSpan.FromHours(25));

        var answer = await line.ReplyAsync("Are you safe now?");
        await line.Harness.DispatchAllAsync();

        Assert.False(answer.Ok);
        Assert.Equal("WhatsApp's 24-hour window is closed: the person last wrote more than 24 hours ago, and WhatsApp delivers a reply " +
            "only within 24 hours of their last message. A reply waits for the person to write.", answer.Refusal);
        Assert.Empty(line.CaseworkerTexts());
        Assert.Equal(0, await line.Harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE AuthorUserId IS NOT NULL"));
    }

    [Theory, DatabaseData]
    public async Task Outside_the_window_the_template_goes_once_and_the_replies_wait_for_the_person_then_go_in_order(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Person, WithTemplate);
        line.Clock.Advance(TimeSpan.FromHours(25));

        var first = await line.ReplyAsync("Are you safe now?");
        var second = await line.ReplyAsync("You can write whenever you are able to.");
        await line.Harness.DispatchAllAsync();

        Assert.Equal(("held", "held"), (first.Value!.DeliveryStatus, second.Value!.DeliveryStatus));
        var template = Assert.Single(line.CaseworkerTexts());
        Assert.Equal((null, TemplateSid, TemplateVariables), (template.Body, template.ContentSid, template.ContentVariables));
        Assert.Equal(2, await line.Harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Held'"));

        line.Clock.Advance(TimeSpan.FromHours(2));
        await line.Harness.TextAsync(Person, "I can talk now");
        await line.Harness.DispatchAllAsync();

        Assert.Equal(["Are you safe now?", "You can write whenever you are able to."],
            line.CaseworkerTexts().Skip(1).Select(m => m.Body));
        Assert.Equal(0, await line.Harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Held'"));
    }

    [Theory, DatabaseData]
    public async Task A_template_whose_send_timed_out_is_found_at_twilio_and_not_sent_again(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Person, WithTemplate);
        line.Clock.Advance(TimeSpan.FromHours(25));
        // Twilio takes the template, then answers after the hotline has stopped waiting (1 s).
        line.Harness.Twilio.HangNext(1, TimeSpan.FromSeconds(3));

        await line.ReplyAsync("Are you safe now?");
        await line.Harness.DispatchAllAsync();

        var template = Assert.Single(line.CaseworkerTexts());
        Assert.Equal(TemplateSid, template.ContentSid);
        Assert.Equal(0, await line.Harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status NOT IN ('Sent', 'Held')"));
    }

    [Theory, DatabaseData]
    public async Task A_reply_still_unsent_when_the_window_closes_is_held_at_send_time(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Person);
        line.Clock.Advance(TimeSpan.FromHours(23));
        await line.ReplyAsync("Are you safe now?");

        line.Clock.Advance(TimeSpan.FromHours(2));
        await line.Harness.DispatchAllAsync();

        Assert.Empty(line.CaseworkerTexts());
        Assert.Equal("held|" + WhatsAppWindow.HeldReason,
            await line.Harness.ScalarAsync("SELECT CONCAT(DeliveryStatus, '|', DeliveryError) FROM Messages WHERE AuthorUserId IS NOT NULL"));
    }

    [Theory, DatabaseData]
    public async Task A_63016_on_the_send_holds_the_reply_until_the_person_writes(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Person);
        line.Harness.Twilio.CloseWhatsAppWindow(Person);

        await line.ReplyAsync("Are you safe now?");
        await line.Harness.DispatchAllAsync();

        Assert.Empty(line.CaseworkerTexts());
        Assert.Equal("held", await line.Harness.ScalarAsync("SELECT DeliveryStatus FROM Messages WHERE AuthorUserId IS NOT NULL"));
        Assert.Equal("Held|1", await line.Harness.ScalarAsync("SELECT CONCAT(o.Status, '|', o.Attempts) FROM Outbox AS o JOIN Messages AS m ON m.Id = o.MessageId WHERE m.AuthorUserId IS NOT NULL"));

        line.Harness.Twilio.OpenWhatsAppWindow(Person);
        await line.Harness.TextAsync(Person, "I can talk now");
        await line.Harness.DispatchAllAsync();

        Assert.Equal("Are you safe now?", Assert.Single(line.CaseworkerTexts()).Body);
    }

    [Theory, DatabaseData]
    public async Task A_63016_in_a_status_callback_holds_the_reply_instead_of_failing_it(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Person, WithTemplate);
        await line.ReplyAsync("Are you safe now?");
        await line.Harness.DispatchAllAsync();
        var sent = Assert.Single(line.CaseworkerTexts());

        await line.RefusedForClosedWindowAsync(sent.Sid);
        await line.Harness.DispatchAllAsync();

        Assert.Equal("held|Held", await line.Harness.ScalarAsync(
            "SELECT CONCAT(m.DeliveryStatus, '|', o.Status) FROM Messages AS m JOIN Outbox AS o ON o.MessageId = m.Id WHERE m.AuthorUserId IS NOT NULL"));
        Assert.Equal(TemplateSid, line.CaseworkerTexts()[^1].ContentSid);
    }

    [Theory, DatabaseData]
    public async Task A_template_refused_before_twilio_took_it_is_not_taken_for_the_reply_whatsapp_refused(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Person, WithTemplate);
        await line.ReplyAsync("Are you safe now?");
        await line.Harness.DispatchAllAsync();
        var refused = Assert.Single(line.CaseworkerTexts());
        line.Harness.Twilio.SetStatus(refused.Sid, "undelivered", errorCode: 63016);
        // The template's first send meets a 503 before Twilio takes it: its outcome is unknown, so Twilio's list is read.
        line.Harness.Twilio.FailNext(1, 503);

        await line.RefusedForClosedWindowAsync(refused.Sid);
        await line.Harness.DispatchAllAsync();

        Assert.Equal([null, TemplateSid], line.CaseworkerTexts().Select(m => m.ContentSid));
    }

    [Theory, DatabaseData]
    public async Task A_reply_whose_answer_was_lost_and_that_whatsapp_then_refused_is_found_at_twilio_and_not_sent_again(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Person);
        await line.ReplyAsync("Are you safe now?");
        // Twilio takes the reply and answers after the hotline has stopped waiting (1 s); WhatsApp refuses it meanwhile.
        line.Harness.Twilio.HangNext(1, TimeSpan.FromSeconds(3));

        var dispatching = line.Harness.DispatchAllAsync();
        await line.UntilTwilioHoldsAReplyAsync();

        line.Harness.Twilio.SetStatus(line.CaseworkerTexts()[0].Sid, "undelivered", errorCode: 63016);
        await dispatching;

        // Its sid is recorded: the refusal's callback then holds it, and erasure and deletion at Twilio can find it.
        var sent = Assert.Single(line.CaseworkerTexts());
        Assert.Equal(sent.Sid, await line.Harness.ScalarAsync("SELECT ChannelMessageId FROM Messages WHERE AuthorUserId IS NOT NULL"));
    }

    [Theory, DatabaseData]
    public async Task A_63016_callback_that_overtakes_the_record_of_its_send_still_holds_the_reply(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Person);
        await line.ReplyAsync("Are you safe now?");
        line.Harness.Twilio.HangNext(1, TimeSpan.FromMilliseconds(500));

        var dispatching = line.Harness.DispatchAllAsync();
        await line.UntilTwilioHoldsAReplyAsync();

        await line.RefusedForClosedWindowAsync(line.CaseworkerTexts()[0].Sid);
        await dispatching;

        Assert.Equal("held|Held|0", await line.Harness.ScalarAsync(
            "SELECT CONCAT(m.DeliveryStatus, '|', o.Status, '|', (SELECT COUNT(*) FROM EarlyDeliveryStatuses)) " +
            "FROM Messages AS m JOIN Outbox AS o ON o.MessageId = m.Id WHERE m.AuthorUserId IS NOT NULL"));
    }

    [Theory, DatabaseData]
    public async Task An_sms_reply_a_day_later_is_sent_as_usual(DatabaseProvider engine)
    {
        await using var line = await WhatsAppLine.StartAsync(engine, Number, WithTemplate);
        line.Clock.Advance(TimeSpan.FromHours(25));

        var answer = await line.ReplyAsync("Are you safe now?");
        await line.Harness.DispatchAllAsync();

        Assert.True(answer.Ok, answer.Refusal);
        var sent = Assert.Single(line.CaseworkerTexts());
        Assert.Equal(("Are you safe now?", null), (sent.Body, sent.ContentSid));
    }

    [Fact]
    public void A_template_sid_that_is_not_HX_and_32_hex_characters_stops_the_start()
    {
        var result = new Hotline.Api.Twilio.TwilioOptionsValidator(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" })
            .Validate(null, new Hotline.Api.Twilio.TwilioOptions { WhatsApp = { ReengageContentSid = "HX123" } });

        Assert.Equal("Twilio:WhatsApp:ReengageContentSid must be HX followed by 32 hexadecimal characters.", result.FailureMessage);
    }
}
