namespace Hotline.Api.Tests.Media;

/// <summary>
/// A message that brings photos is not queued for deletion at Twilio when it is stored (deleting it would take the photos
/// before they were fetched): the media job queues it once every photo is kept, and never when one was not. Judged at the
/// local Twilio stand-in, which holds the message's record (its text and both numbers) until it is deleted there.
/// </summary>
public sealed class MessageAtTwilioTests
{
    [Theory, DatabaseData]
    public async Task A_message_with_two_photos_is_deleted_at_Twilio_once_both_are_kept_and_not_before(DatabaseProvider engine)
    {
        await using var harness = await StartAsync(engine);
        var sid = await SendAsync(harness, (TestPhotos.WithGps(), null), (TestPhotos.Plain(32, 32), new FakeTwilioServer.MediaServing.FailFirst(503, 1)));

        await harness.App.FetchMediaAsync();
        await harness.DeleteAtTwilioAsync();
        var heldWhileOneWaits = harness.Twilio.Holds(sid);
        await FetchUntilSettledAsync(harness);
        await harness.DeleteAtTwilioAsync();

        Assert.True(heldWhileOneWaits, "the message was deleted at Twilio before its second photo was fetched");
        Assert.Equal(["Kept", "Kept"], await StatusesAsync(harness));
        Assert.False(harness.Twilio.Holds(sid), "Twilio still holds the message once both photos are kept");
        Assert.Equal([sid], harness.Twilio.DeletedMessages);
    }

    [Theory, DatabaseData]
    public async Task A_message_is_not_queued_while_twilios_copy_of_a_kept_photo_is_still_to_delete(DatabaseProvider engine)
    {
        await using var harness = await StartAsync(engine);
        var sid = await SendAsync(harness, (TestPhotos.WithGps(), null));
        harness.Twilio.AnswerNextMediaDeleteWithPage();

        await harness.App.FetchMediaAsync();
        var waitingWhileStored = await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions");
        await FetchUntilSettledAsync(harness);

        Assert.Equal(0, waitingWhileStored);
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions"));
        await harness.DeleteAtTwilioAsync();
        Assert.False(harness.Twilio.Holds(sid));
    }

    /// <summary>
    /// Found by a review: a photo not kept (damaged here; a 401 from rotated credentials or Twilio down for the attempts'
    /// five minutes alike) has no copy but Twilio's, and deleting the message there took it for good.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_message_whose_photo_was_not_kept_stays_at_Twilio_with_the_photo(DatabaseProvider engine)
    {
        await using var harness = await StartAsync(engine);
        var sid = await SendAsync(harness, (TestPhotos.WithGps(), null), (TestPhotos.Corrupt(), null));

        await harness.App.FetchMediaAsync();
        await harness.DeleteAtTwilioAsync();

        Assert.Equal(["Kept", "NotKept"], await StatusesAsync(harness));
        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions"));
        Assert.True(harness.Twilio.Holds(sid), "the message whose photo was not kept was deleted at Twilio");
    }

    [Theory, DatabaseData]
    public async Task A_message_whose_photo_was_given_up_on_stays_at_Twilio_with_the_photo(DatabaseProvider engine)
    {
        await using var harness = await StartAsync(engine);
        var sid = harness.Twilio.AddInbound(MediaWebhooks.Worker, TwilioHarness.HotlineNumber, "this is where they keep us", media: 1);
        // The link the webhook names is one the stand-in does not serve: the download is refused (404) for good.
        await MediaWebhooks.SendLinkAsync(harness, sid, harness.Twilio.MediaUrls(sid)[0], "image/jpeg");

        await harness.App.FetchMediaAsync();
        await harness.DeleteAtTwilioAsync();

        Assert.Equal(["NotKept"], await StatusesAsync(harness));
        Assert.Equal((true, 1), (harness.Twilio.Holds(sid), harness.Twilio.MediaHeld(sid)));
    }

    [Theory, DatabaseData]
    public async Task Photos_of_one_message_kept_in_the_same_pass_queue_it_once(DatabaseProvider engine)
    {
        await using var harness = await StartAsync(engine, ("Hotline:Media:ConcurrentItems", "4"));
        var sid = await SendAsync(harness, (TestPhotos.WithGps(), null), (TestPhotos.Plain(24, 24), null), (TestPhotos.Plain(16, 16), null));

        Assert.Equal(3, await harness.App.FetchMediaAsync());
        var waiting = await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions");
        await harness.DeleteAtTwilioAsync();

        Assert.Equal(1, waiting);
        Assert.Equal([sid], harness.Twilio.DeletedMessages);
    }

    [Theory, DatabaseData]
    public async Task With_DeleteFromTwilio_false_a_message_with_photos_stays_at_Twilio(DatabaseProvider engine)
    {
        await using var harness = await StartAsync(engine, ("Twilio:DeleteFromTwilio", "false"));
        var sid = await SendAsync(harness, (TestPhotos.WithGps(), null));

        await harness.App.FetchMediaAsync();
        await harness.DeleteAtTwilioAsync();

        Assert.Equal(["Kept"], await StatusesAsync(harness));
        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions"));
        Assert.True(harness.Twilio.Holds(sid));
    }

    /// <summary>
    /// Without the reconciliation's pass: the stand-in's record of a message built photo by photo counts no media, so a pass
    /// that lists it before the webhook arrives stores it as a message without photos and queues its deletion (a race the
    /// full run's load once lost). What is judged here is the media job's queueing alone.
    /// </summary>
    private static Task<TwilioHarness> StartAsync(DatabaseProvider engine, params (string Key, string Value)[] settings) =>
        TwilioHarness.StartAsync(engine, settings.Append((Key: "Twilio:Reconciliation:Enabled", Value: "false"))
            .ToDictionary(setting => setting.Key, setting => (string?)setting.Value));

    /// <summary>
    /// One MMS carrying every photo, as Twilio posts it (MediaUrl0, MediaUrl1, ...): Twilio holds the message and serves the
    /// photos. The message's sid.
    /// </summary>
    private static async Task<string> SendAsync(TwilioHarness harness, params (byte[] Bytes, FakeTwilioServer.MediaServing? Serving)[] photos)
    {
        var sid = harness.Twilio.AddInbound(MediaWebhooks.Worker, TwilioHarness.HotlineNumber, "this is where they keep us");
        var fields = TwilioHarness.InboundFields(MediaWebhooks.Worker, "this is where they keep us", sid);
        fields["NumMedia"] = photos.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < photos.Length; i++)
        {
            fields[$"MediaUrl{i}"] = harness.Twilio.AddMedia(sid, photos[i].Bytes, "image/jpeg", photos[i].Serving);
            fields[$"MediaContentType{i}"] = "image/jpeg";
        }

        (await harness.PostSignedAsync("/twilio/sms", fields)).EnsureSuccessStatusCode();
        await harness.DeleteAtTwilioAsync();
        Assert.True(harness.Twilio.Holds(sid), "the message was deleted at Twilio before its photos were fetched");
        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions"));
        return sid;
    }

    private static async Task<string[]> StatusesAsync(TwilioHarness harness)
    {
        var statuses = new List<string>();
        for (var position = 0; await harness.ScalarAsync($"SELECT Status FROM MediaItems WHERE Position = {position}") is { } status; position++)
        {
            statuses.Add(status);
        }

        return [.. statuses];
    }

    /// <summary>Passes of the media job until nothing is waiting (a retry waits Hotline:Media:RetryBaseSeconds, 1 s here).</summary>
    private static Task FetchUntilSettledAsync(TwilioHarness harness) =>
        Poll.UntilAsync(async () =>
        {
            await harness.App.FetchMediaAsync();
            return await harness.CountAsync("SELECT COUNT(*) FROM MediaItems WHERE Status IN ('Pending', 'Stored')") == 0;
        }, "the media job to settle every item", TimeSpan.FromSeconds(10));
}
