namespace Hotline.Api.Tests.Media;

/// <summary>
/// A file that cannot be kept costs only itself: the message and the case stand, the item is marked not
/// kept with its reason, and only a failure that can pass (the network, a 5xx, a timeout) is tried again.
/// </summary>
public sealed class BadFileTests
{
    [Theory, DatabaseData]
    public async Task A_damaged_image_is_not_kept_and_the_message_stands(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await MediaWebhooks.SendAsync(harness, TestPhotos.Corrupt(), "image/jpeg");

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.NotKept, "the image is damaged"), (item.Status, item.Reason));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Conversations"));
    }

    [Fact]
    public async Task A_program_sent_as_a_photo_is_not_kept()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await MediaWebhooks.SendAsync(harness, TestPhotos.Program(), "image/jpeg");

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.NotKept, "the file type is not one the hotline keeps"), (item.Status, item.Reason));
    }

    [Fact]
    public async Task A_document_that_claims_to_be_a_photo_is_not_kept()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await MediaWebhooks.SendAsync(harness, TestPhotos.Pdf(), "image/jpeg");

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.NotKept, "the file is not the type it claims to be"), (item.Status, item.Reason));
    }

    [Fact]
    public async Task A_pdf_is_kept_as_it_came_with_nothing_to_show_inline()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await MediaWebhooks.SendAsync(harness, TestPhotos.Pdf(), "application/pdf");

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.Kept, "application/pdf", false), (item.Status, item.ContentType, item.HasView));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_not_kept_and_not_asked_for_again()
    {
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?> { ["Hotline:Media:MaxBytes"] = "1048576" });
        await MediaWebhooks.SendAsync(harness, TestPhotos.Pdf(1_500_000), "application/pdf");

        await harness.App.FetchMediaAsync();
        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.NotKept, "the file is larger than 1 MB"), (item.Status, item.Reason));
        Assert.Single(harness.Twilio.MediaRequests);
    }

    [Fact]
    public async Task An_image_with_more_pixels_than_allowed_is_not_kept()
    {
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?> { ["Hotline:Media:MaxPixels"] = "10000" });
        await MediaWebhooks.SendAsync(harness, TestPhotos.Plain(200, 100), "image/jpeg");

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.NotKept, "the image is too large (200 x 100 pixels)"), (item.Status, item.Reason));
    }

    [Theory, DatabaseData]
    public async Task A_5xx_is_tried_again_and_the_photo_is_then_kept(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg", new FakeTwilioServer.MediaServing.FailFirst(503, 1));

        await harness.App.FetchMediaAsync();
        var waiting = await MediaWebhooks.OnlyItemAsync(harness);
        await FetchUntilSettledAsync(harness);

        Assert.Equal((MediaStatus.Pending, "the provider answered HTTP 503"), (waiting.Status, waiting.Reason));
        Assert.Equal(MediaStatus.Kept, (await MediaWebhooks.OnlyItemAsync(harness)).Status);
    }

    /// <summary>
    /// Twilio refuses the account's credentials while an operator rotates the auth token or turns on media authentication:
    /// the photo is still at Twilio, and evidence must not be given up on the first refusal. It is tried again as a 5xx is,
    /// with a reason that says where to look.
    /// </summary>
    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_refused_account_is_tried_again_and_the_photo_is_then_kept(int status)
    {
        await using var harness = await TwilioHarness.StartAsync();
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg", new FakeTwilioServer.MediaServing.FailFirst(status, 1));

        await harness.App.FetchMediaAsync();
        var waiting = await MediaWebhooks.OnlyItemAsync(harness);
        await FetchUntilSettledAsync(harness);

        Assert.Equal(
            (MediaStatus.Pending, $"the provider answered HTTP {status}: check the account's credentials (Twilio:AccountSid, Twilio:AuthToken)"),
            (waiting.Status, waiting.Reason));
        Assert.Equal(MediaStatus.Kept, (await MediaWebhooks.OnlyItemAsync(harness)).Status);
    }

    [Fact]
    public async Task A_link_that_is_gone_is_not_asked_for_again()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var sid = "MM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var missing = $"https://api.twilio.com/2010-04-01/Accounts/{TwilioHarness.AccountSid}/Messages/{sid}/Media/ME{new string('0', 32)}";
        await MediaWebhooks.SendLinkAsync(harness, sid, missing, "image/jpeg");

        await harness.App.FetchMediaAsync();
        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.NotKept, "the provider answered HTTP 404"), (item.Status, item.Reason));
    }

    [Fact]
    public async Task A_download_that_times_out_on_its_last_attempt_is_not_kept()
    {
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Hotline:Media:RequestTimeoutSeconds"] = "1",
            ["Hotline:Media:MaxAttempts"] = "1",
        });
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg", new FakeTwilioServer.MediaServing.Hang(TimeSpan.FromSeconds(5)));

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.NotKept, "the download timed out; gave up after 1 attempt"), (item.Status, item.Reason));
    }

    [Fact]
    public async Task A_file_that_trickles_in_past_the_download_time_is_not_kept()
    {
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Hotline:Media:RequestTimeoutSeconds"] = "1",
            ["Hotline:Media:MaxAttempts"] = "1",
        });
        var photo = TestPhotos.WithGps();
        // The headers come at once and every byte would arrive within a minute: only a limit on the whole download stops it.
        var interval = TimeSpan.FromMilliseconds(100);
        await MediaWebhooks.SendAsync(harness, photo, "image/jpeg", new FakeTwilioServer.MediaServing.Drip(Math.Max(1, photo.Length / 300), interval));

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.NotKept, "the download timed out; gave up after 1 attempt"), (item.Status, item.Reason));
    }

    [Fact]
    public async Task A_connection_dropped_halfway_through_the_file_is_a_network_failure_that_can_pass()
    {
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?> { ["Hotline:Media:MaxAttempts"] = "1" });
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg", new FakeTwilioServer.MediaServing.CutOffHalfway());

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.NotKept, "the download failed (network); gave up after 1 attempt"), (item.Status, item.Reason));
    }

    [Fact]
    public async Task A_redirect_to_a_host_that_is_not_allowed_is_not_followed()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg",
            new FakeTwilioServer.MediaServing.RedirectTo(new Uri("https://photos.example.net/steal")));

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.NotKept, "the link redirected to a host that is not allowed"), (item.Status, item.Reason));
    }

    [Fact]
    public async Task A_link_to_anywhere_but_twilios_media_for_this_account_is_never_fetched()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var sid = "MM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await MediaWebhooks.SendLinkAsync(harness, sid, "https://photos.example.net/2010-04-01/photo.jpg", "image/jpeg");

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.NotKept, "the link is not the channel's own media host"), (item.Status, item.Reason));
        Assert.Empty(harness.Twilio.MediaRequests);
    }

    /// <summary>Passes of the media job until nothing is waiting (a retry waits Hotline:Media:RetryBaseSeconds, 1 s here).</summary>
    private static Task FetchUntilSettledAsync(TwilioHarness harness) =>
        Poll.UntilAsync(async () =>
        {
            await harness.App.FetchMediaAsync();
            return await harness.CountAsync("SELECT COUNT(*) FROM MediaItems WHERE Status IN ('Pending', 'Stored')") == 0;
        }, "the media job to settle every item", TimeSpan.FromSeconds(10));
}
