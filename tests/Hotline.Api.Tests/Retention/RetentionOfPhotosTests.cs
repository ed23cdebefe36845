using static Hotline.Api.Tests.Retention.RetentionSeeds;

namespace Hotline.Api.Tests.Retention;

/// <summary>
/// Photos and files are personal data like the messages that brought them: their rows (the provider's link, the hash, the
/// capture time, GPS position and device) and their encrypted files go with the closed case's content (those sent before
/// the intake opened the case included), or with the idle conversation when they came after it closed; a file whose row is gone by whatever way goes at the next pass. Retentions
/// here: closed case content 90 days, idle conversations 180 days.
/// </summary>
public sealed class RetentionOfPhotosTests
{
    [Theory, DatabaseData]
    public async Task A_closed_cases_photos_go_with_its_content_row_and_file(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        var file = await AddPhotoAsync(hotline, closed.ConversationId,
            await ScalarAsync<Guid>(hotline, "SELECT Id FROM Messages WHERE CaseId = @Id AND MediaCipher IS NOT NULL", new { Id = closed.CaseId }));
        hotline.Time.SetUtcNow(closed.ClosedAt.AddDays(90));

        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal((1, 0), (swept.Cases, swept.Conversations));
        Assert.Equal(0, await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM MediaItems"));
        Assert.False(File.Exists(file), "the photo's encrypted file is still in the media store");
    }

    [Theory, DatabaseData]
    public async Task A_photo_sent_before_the_intake_opened_the_case_goes_with_its_content(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        var file = await AddPhotoAsync(hotline, closed.ConversationId, await AddCaselessMessageAsync(hotline, closed.ConversationId, closed.ClosedAt.AddHours(-1)));
        hotline.Time.SetUtcNow(closed.ClosedAt.AddDays(90));

        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal((1, 0, 1), (swept.Cases, swept.Conversations, swept.Content.Media));
        Assert.Equal(0, await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM MediaItems"));
        Assert.False(File.Exists(file), "the photo's encrypted file is still in the media store");
    }

    [Theory, DatabaseData]
    public async Task A_photo_sent_after_the_case_closed_outside_any_case_goes_with_the_idle_conversations_identity(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var closed = await SeedClosedCaseAsync(hotline);
        var lastInbound = closed.ClosedAt.AddMinutes(1);
        await RawAsync(hotline, "UPDATE Conversations SET LastInboundAt = @At WHERE Id = @Id", new { At = lastInbound, Id = closed.ConversationId });
        var file = await AddPhotoAsync(hotline, closed.ConversationId, await AddCaselessMessageAsync(hotline, closed.ConversationId, lastInbound));
        var sweep = hotline.Get<RetentionSweep>();

        hotline.Time.SetUtcNow(lastInbound.AddDays(179));
        await sweep.SweepAsync(Ct);
        var keptTheDayBefore = (await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM MediaItems"), File.Exists(file));
        hotline.Time.SetUtcNow(lastInbound.AddDays(180));
        var onTheDay = await sweep.SweepAsync(Ct);

        Assert.Equal((1L, true), keptTheDayBefore);
        Assert.Equal(1, onTheDay.Conversations);
        Assert.Equal(0, await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM MediaItems"));
        Assert.False(File.Exists(file), "the photo's encrypted file is still in the media store");
    }

    [Theory, DatabaseData]
    public async Task Photo_files_left_by_an_erasure_that_stopped_after_its_commit_go_at_the_next_pass(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var waiting = await hotline.QueueCaseAsync("en", PriorityBand.High);
        var file = await AddPhotoAsync(hotline, waiting.ConversationId, await AddMessageAsync(hotline, waiting));
        // What an erasure's commit leaves when its process stops before it reaches the files: the rows gone, the files there.
        await RawAsync(hotline, "DELETE FROM MediaItems");

        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.False(File.Exists(file), "the photo's encrypted file is still in the media store");
        Assert.Contains("stranded media 1", swept.Describe());
    }

    [Theory, DatabaseData]
    public async Task A_photo_whose_row_is_there_keeps_its_file_however_long_its_open_case_waits(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var waiting = await hotline.QueueCaseAsync("en", PriorityBand.High);
        var file = await AddPhotoAsync(hotline, waiting.ConversationId, await AddMessageAsync(hotline, waiting));
        hotline.Time.Advance(TimeSpan.FromDays(1_000));

        await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal(1, await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM MediaItems"));
        Assert.True(File.Exists(file), "a photo of an open case was removed");
    }

    private static Task<HotlineApp> StartAsync(DatabaseProvider engine) =>
        HotlineApp.StartPartsAsync(engine, new Dictionary<string, string?>
        {
            [$"{RetentionOptions.Section}:ClosedCaseContentDays"] = "90",
            [$"{RetentionOptions.Section}:IdleConversationDays"] = "180",
        });

    /// <summary>
    /// A photo attached to <paramref name="messageId"/>, as the webhook records it and the media job keeps it: its row, and
    /// its original in the media store; the path of that file.
    /// </summary>
    private static async Task<string> AddPhotoAsync(HotlineApp hotline, Guid conversationId, Guid messageId)
    {
        await hotline.Database.WriteAsync((session, token) => hotline.Get<MediaItemRepository>().AddAsync(session, messageId, conversationId, Channel.Sms,
            [new MediaSource("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "image/jpeg", null)], token), Ct);
        var mediaId = await ScalarAsync<Guid>(hotline, "SELECT Id FROM MediaItems WHERE MessageId = @Id", new { Id = messageId });
        using (var photo = new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0]))
        {
            hotline.Get<MediaStore>().Write(conversationId, mediaId, MediaCopy.Original, photo);
        }

        var file = Path.Combine(hotline.Folder, "media", conversationId.ToString("N"), $"{mediaId:N}.original");
        Assert.True(File.Exists(file), "the test's photo is not where the media store keeps it");
        return file;
    }

    /// <summary>An inbound message of the open case, now.</summary>
    private static async Task<Guid> AddMessageAsync(HotlineApp hotline, CaseRecord ofCase)
    {
        var message = NewMessage(ofCase, MessageDirection.Inbound, "the gate", "[\"MM1\"]", null, hotline.Time.GetUtcNow());
        await hotline.Database.WriteAsync((session, token) => hotline.Get<MessageRepository>().AddAsync(session, message, token), Ct);
        return message.Id;
    }

    /// <summary>An inbound message outside any case (as after a case closed, before the intake opens another).</summary>
    private static async Task<Guid> AddCaselessMessageAsync(HotlineApp hotline, Guid conversationId, DateTimeOffset at)
    {
        var message = new Message(Guid.CreateVersion7(at), conversationId, null, MessageDirection.Inbound, Channel.Sms, null, "the gate", "[\"MM2\"]", 1,
            null, DeliveryStatuses.Received, at);
        await hotline.Database.WriteAsync((session, token) => hotline.Get<MessageRepository>().AddAsync(session, message, token), Ct);
        return message.Id;
    }
}
