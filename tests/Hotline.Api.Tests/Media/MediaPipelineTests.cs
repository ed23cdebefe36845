namespace Hotline.Api.Tests.Media;

/// <summary>A photo sent by MMS, end to end: the signed webhook, the media job, the Twilio stand-in (which checks the account's Basic credentials), the media store.</summary>
public sealed class MediaPipelineTests
{
    [Theory, DatabaseData]
    public async Task The_webhook_answers_without_fetching_the_photo(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);

        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg");

        Assert.Empty(harness.Twilio.MediaRequests);
        Assert.Equal("Pending", await harness.ScalarAsync("SELECT Status FROM MediaItems"));
    }

    [Theory, DatabaseData]
    public async Task A_photo_is_fetched_with_the_accounts_credentials_through_the_cdn_and_kept_with_its_hash(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var photo = TestPhotos.WithGps();
        await MediaWebhooks.SendAsync(harness, photo, "image/jpeg");

        Assert.Equal(1, await harness.App.FetchMediaAsync());

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal(MediaStatus.Kept, item.Status);
        Assert.Equal("image/jpeg", item.ContentType);
        Assert.Equal(photo.LongLength, item.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), item.Sha256);
        Assert.Equal((64, 48), (item.Width!.Value, item.Height!.Value));
        Assert.Single(harness.Twilio.MediaRequests);
    }

    [Theory, DatabaseData]
    public async Task What_the_photo_says_about_itself_is_recorded(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg");

        await harness.App.FetchMediaAsync();

        var evidence = (await MediaWebhooks.OnlyItemAsync(harness)).Evidence;
        Assert.Equal("2026-11-30 14:02:11", evidence.CapturedAt);
        Assert.Equal(52.520094, evidence.Latitude!.Value, 6);
        Assert.Equal(13.41, evidence.Longitude!.Value, 6);
        Assert.Equal(34.5, evidence.Altitude!.Value, 6);
        Assert.Equal(("Nokia", "G42"), (evidence.Make, evidence.Model));
    }

    [Theory, DatabaseData]
    public async Task Twilios_copy_is_deleted_once_the_photo_is_stored(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg");

        await harness.App.FetchMediaAsync();

        Assert.Equal(harness.Twilio.MediaRequests, harness.Twilio.DeletedMedia);
    }

    [Theory, DatabaseData]
    public async Task A_404_that_is_not_twilios_leaves_the_copy_to_delete_again(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg");
        harness.Twilio.AnswerNextMediaDeleteWithPage();

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.Stored, "deleting Twilio's copy answered HTTP 404 without Twilio's not-found code", 0),
            (item.Status, item.Reason, harness.Twilio.DeletedMedia.Count));
    }

    [Theory, DatabaseData]
    public async Task Twilios_not_found_labelled_with_an_unknown_charset_still_counts_as_gone(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg");
        harness.Twilio.AnswerNextMediaDeleteAsGone("application/json; charset=klingon");

        await harness.App.FetchMediaAsync();

        var item = await MediaWebhooks.OnlyItemAsync(harness);
        Assert.Equal((MediaStatus.Kept, (string?)null), (item.Status, item.Reason));
    }

    [Fact]
    public async Task A_photo_whose_person_is_erased_while_it_is_fetched_leaves_no_file_behind()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(MediaWebhooks.Worker, "hello", "0");
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg", new FakeTwilioServer.MediaServing.Hang(TimeSpan.FromSeconds(2)));
        var fetching = harness.App.FetchMediaAsync();
        await Poll.UntilAsync(() => harness.Twilio.MediaRequests.Count > 0, "the media job to ask for the photo", TimeSpan.FromSeconds(30));
        Assert.Equal(0, await OperatorCommands.RunAsync(harness.App.Services, ["erase", "--phone", MediaWebhooks.Worker, "--force"], TextReader.Null,
            new StringWriter(), TestContext.Current.CancellationToken));

        await fetching;

        Assert.Empty(Directory.GetFiles(Path.Combine(harness.App.Folder, "media"), "*", SearchOption.AllDirectories));
    }

    [Theory, DatabaseData]
    public async Task The_stored_original_is_encrypted_on_disk_and_reads_back_byte_for_byte(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var photo = TestPhotos.WithGps();
        await MediaWebhooks.SendAsync(harness, photo, "image/jpeg");
        await harness.App.FetchMediaAsync();
        var item = await MediaWebhooks.OnlyItemAsync(harness);

        var onDisk = await File.ReadAllBytesAsync(Path.Combine(harness.App.Folder, "media", item.ConversationId.ToString("N"), $"{item.Id:N}.original"),
            TestContext.Current.CancellationToken);
        var readBack = await harness.App.Services.GetRequiredService<MediaStore>()
            .ReadAsync(item.ConversationId, item.Id, MediaCopy.Original, TestContext.Current.CancellationToken);

        Assert.Equal(-1, onDisk.AsSpan().IndexOf(photo.AsSpan(0, 64)));
        Assert.Equal(photo, readBack);
    }

    [Theory]
    [InlineData(2 * 65_536)]
    [InlineData(150_000)]
    public async Task A_file_of_several_chunks_reads_back_byte_for_byte(int length)
    {
        await using var harness = await TwilioHarness.StartAsync();
        var document = TestPhotos.Pdf(length);
        new Random(length).NextBytes(document.AsSpan(16));
        await MediaWebhooks.SendAsync(harness, document, "application/pdf");
        await harness.App.FetchMediaAsync();
        var item = await MediaWebhooks.OnlyItemAsync(harness);

        var readBack = await harness.App.Services.GetRequiredService<MediaStore>()
            .ReadAsync(item.ConversationId, item.Id, MediaCopy.Original, TestContext.Current.CancellationToken);

        Assert.Equal(document, readBack);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(document)), item.Sha256);
    }

    [Theory, DatabaseData]
    public async Task The_copy_to_show_has_no_metadata_and_is_turned_upright(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(width: 64, height: 48), "image/jpeg");
        await harness.App.FetchMediaAsync();
        var item = await MediaWebhooks.OnlyItemAsync(harness);

        var view = (await harness.App.Services.GetRequiredService<MediaStore>()
            .ReadAsync(item.ConversationId, item.Id, MediaCopy.View, TestContext.Current.CancellationToken))!;

        Assert.Equal((48, 64), StrippedPhoto.Size(view));
        Assert.Empty(StrippedPhoto.MetadataBlocks(view));
    }

    [Theory, DatabaseData]
    public async Task A_second_pass_finds_nothing_left_to_do(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg");
        await harness.App.FetchMediaAsync();

        Assert.Equal(0, await harness.App.FetchMediaAsync());
        Assert.Single(harness.Twilio.MediaRequests);
    }
}
