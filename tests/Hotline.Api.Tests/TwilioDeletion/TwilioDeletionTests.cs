using Hotline.Api.TwilioDeletion;

namespace Hotline.Api.Tests.TwilioDeletion;

/// <summary>
/// What Twilio still holds after the hotline has stored a message or seen it to its end, judged at the local
/// Twilio stand-in: the message's record and its photos are deleted there through the REST API.
/// </summary>
public sealed class TwilioDeletionTests
{
    private const string Worker = "+9779800000717";

    private static Dictionary<string, string> Callback(string sid, string status) => TwilioHarness.StatusFields(Worker, sid, status);

    private static async Task<string> ReceiveAsync(TwilioHarness harness, int photos = 0)
    {
        var sid = harness.Twilio.AddInbound(Worker, TwilioHarness.HotlineNumber, "they took my passport", photos);
        var fields = TwilioHarness.InboundFields(Worker, "they took my passport", sid);
        var urls = harness.Twilio.MediaUrls(sid);
        fields["NumMedia"] = urls.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < urls.Count; i++)
        {
            fields[$"MediaUrl{i}"] = urls[i];
            fields[$"MediaContentType{i}"] = "image/jpeg";
        }

        (await harness.PostSignedAsync("/twilio/sms", fields)).EnsureSuccessStatusCode();
        return sid;
    }

    /// <summary>Runs the deletions until none is waiting; the backoff in these tests is a millisecond.</summary>
    private static Task DeleteUntilNoneWaitsAsync(TwilioHarness harness) =>
        Poll.UntilAsync(async () =>
        {
            await harness.DeleteAtTwilioAsync();
            return await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions") == 0;
        }, "every deletion at Twilio to be done", TimeSpan.FromSeconds(10));

    [Theory, DatabaseData]
    public async Task An_inbound_message_with_photos_is_left_at_Twilio_for_the_media_job_which_fetches_the_photos_first(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var sid = await ReceiveAsync(harness, photos: 2);

        await harness.DeleteAtTwilioAsync();

        // Deleting the message would take its photos with it before the media job has kept them as evidence.
        Assert.True(harness.Twilio.Holds(sid), "The message was deleted at Twilio before its photos were fetched.");
        Assert.Equal(2, harness.Twilio.MediaHeld(sid));
        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions"));
        Assert.Equal(2, await harness.CountAsync("SELECT COUNT(*) FROM MediaItems"));
    }

    [Theory, DatabaseData]
    public async Task A_reply_is_deleted_at_Twilio_once_it_is_delivered_and_not_before(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await ReceiveAsync(harness);
        await harness.DispatchAllAsync();
        var reply = harness.Twilio.Created[0].Sid;
        await harness.PostSignedAsync("/twilio/status", Callback(reply, "sent"));
        await harness.DeleteAtTwilioAsync();
        Assert.True(harness.Twilio.Holds(reply), "A reply was deleted before its final status.");

        harness.Twilio.SetStatus(reply, "delivered");
        await harness.PostSignedAsync("/twilio/status", Callback(reply, "delivered"));
        await harness.DeleteAtTwilioAsync();

        Assert.Contains(reply, harness.Twilio.DeletedMessages);
        Assert.False(harness.Twilio.Holds(reply));
    }

    [Theory]
    [DatabaseData("undelivered")]
    [DatabaseData("failed")]
    public async Task A_reply_that_could_not_be_delivered_is_deleted_at_Twilio_too(DatabaseProvider engine, string status)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await ReceiveAsync(harness);
        await harness.DispatchAllAsync();
        var reply = harness.Twilio.Created[0].Sid;

        harness.Twilio.SetStatus(reply, status);
        await harness.PostSignedAsync("/twilio/status", Callback(reply, status));
        await harness.DeleteAtTwilioAsync();

        Assert.False(harness.Twilio.Holds(reply));
    }

    [Theory, DatabaseData]
    public async Task A_message_Twilio_is_still_processing_waits_and_is_deleted_once_Twilio_allows_it(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await ReceiveAsync(harness);
        await harness.DispatchAllAsync();
        var reply = harness.Twilio.Created[0].Sid;
        await harness.PostSignedAsync("/twilio/status", Callback(reply, "delivered"));

        await harness.DeleteAtTwilioAsync();

        Assert.True(harness.Twilio.Holds(reply), "The stand-in deleted a message it still holds as queued.");
        Assert.Equal("Twilio is still processing the message (409, code 20009).",
            await harness.ScalarAsync($"SELECT LastError FROM TwilioDeletions WHERE MessageSid = '{reply}'"));

        harness.Twilio.SetStatus(reply, "delivered");
        await DeleteUntilNoneWaitsAsync(harness);
        Assert.False(harness.Twilio.Holds(reply));
    }

    [Theory, DatabaseData]
    public async Task A_deletion_that_Twilio_answers_with_500_is_tried_again_and_then_done(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var sid = await ReceiveAsync(harness);
        harness.Twilio.FailNextDeletes(1, 500);

        await harness.DeleteAtTwilioAsync();

        Assert.True(harness.Twilio.Holds(sid));
        Assert.Equal("1|Twilio answered 500 (code 20500).",
            await harness.ScalarAsync($"SELECT CONCAT(Attempts, '|', LastError) FROM TwilioDeletions WHERE MessageSid = '{sid}'"));

        await DeleteUntilNoneWaitsAsync(harness);

        Assert.False(harness.Twilio.Holds(sid));
        Assert.Equal([sid], harness.Twilio.DeletedMessages);
    }

    [Fact]
    public async Task A_media_list_that_cannot_be_read_puts_off_that_message_alone()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var first = await ReceiveAsync(harness);
        var second = await ReceiveAsync(harness);
        harness.Twilio.AnswerNextMediaListWithPage();

        await harness.DeleteAtTwilioAsync();

        Assert.Equal(1, new[] { first, second }.Count(harness.Twilio.Holds));
        Assert.Equal("1|Twilio's answer could not be read.",
            await harness.ScalarAsync("SELECT CONCAT(Attempts, '|', LastError) FROM TwilioDeletions"));
    }

    [Theory, DatabaseData]
    public async Task A_message_Twilio_no_longer_has_counts_as_deleted(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await harness.TextAsync(Worker, "a message the stand-in never held");

        Assert.Equal(1, await harness.DeleteAtTwilioAsync());

        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions"));
        Assert.Empty(harness.Twilio.DeletedMessages);
    }

    [Theory, DatabaseData]
    public async Task With_DeleteFromTwilio_false_nothing_is_deleted_at_Twilio(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine, new Dictionary<string, string?> { ["Twilio:DeleteFromTwilio"] = "false" });
        var sid = await ReceiveAsync(harness, photos: 1);
        await harness.DispatchAllAsync();
        var reply = harness.Twilio.Created[0].Sid;
        harness.Twilio.SetStatus(reply, "delivered");
        await harness.PostSignedAsync("/twilio/status", Callback(reply, "delivered"));

        await harness.DeleteAtTwilioAsync();

        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions"));
        Assert.True(harness.Twilio.Holds(sid) && harness.Twilio.Holds(reply) && harness.Twilio.MediaHeld(sid) == 1);
        Assert.Equal(0, harness.Twilio.DeleteRequests);
    }

    [Theory, DatabaseData]
    public async Task Every_twilio_message_of_a_conversation_can_be_queued_for_deletion_again_for_an_erasure(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await ReceiveAsync(harness);
        await harness.DispatchAllAsync();
        await DeleteUntilNoneWaitsAsync(harness);
        var conversationId = Guid.Parse((await harness.ScalarAsync("SELECT ConversationId FROM Messages WHERE Direction = 'Inbound'"))!);
        var database = harness.App.Services.GetRequiredService<Hotline.Api.Storage.Database>();
        var deletions = harness.App.Services.GetRequiredService<TwilioDeletions>();

        var queued = await database.WriteAsync(
            (session, token) => deletions.EnqueueForConversationAsync(session, conversationId, token), TestContext.Current.CancellationToken);

        var inboundAndReplies = 1 + harness.Twilio.Created.Count;
        Assert.Equal(inboundAndReplies, queued);
        Assert.Equal(inboundAndReplies, await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions"));
    }
}
