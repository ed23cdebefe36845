using Hotline.Api.Tests.Media;

namespace Hotline.Api.Tests.Privacy;

/// <summary>
/// <c>keys rotate</c> reaches the media: a photo kept under key k1 (its row's link and evidence, its two files) is sealed
/// again under k2, and with k1 gone from the configuration it still decrypts to the very bytes the person sent. The hosts
/// run one after another on one database and media folder (<see cref="HostDatabase"/>), on either engine.
/// </summary>
public sealed class MediaKeyRotationTests
{
    private readonly NamedKeys _keys = new("k1", "k2");
    private readonly byte[] _photo = TestPhotos.WithGps(640, 480);

    [Theory, DatabaseData]
    public async Task A_photo_kept_under_an_old_key_reads_byte_for_byte_after_rotation_with_the_old_key_removed(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        var (conversationId, mediaId) = await KeepPhotoUnderK1Async(database);
        await using (var rotating = await HotlineApp.StartPartsAsync(database, _keys.Settings("k2", "k1", "k2")))
        {
            var report = await rotating.Get<KeyRotation>().RotateAsync(1, _ => Task.CompletedTask, Ct);

            Assert.Equal(
                ["MediaItems.Source: 1/0/0", "MediaItems.Evidence: 1/0/0", "MediaStore.File: 2/0/0"],
                report.Columns.Where(c => c.Column.StartsWith("Media", StringComparison.Ordinal))
                    .Select(c => $"{c.Column}: {c.Rewritten}/{c.ChangedMeanwhile}/{c.Unreadable}"));
        }

        await using var after = await HotlineApp.StartPartsAsync(database, _keys.Settings("k2", "k2"));
        var original = await after.Get<MediaStore>().ReadAsync(conversationId, mediaId, MediaCopy.Original, Ct);
        var shown = await after.Get<MediaStore>().ReadAsync(conversationId, mediaId, MediaCopy.View, Ct);
        await using var session = await after.Database.OpenAsync(Ct);
        var item = (await after.Get<MediaItemRepository>().FindAsync(session, mediaId, Ct))!;

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_photo)), Convert.ToHexStringLower(SHA256.HashData(original!)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_photo)), item.Sha256);
        Assert.NotEmpty(shown!);
        Assert.Equal(52.520094, item.Evidence.Latitude!.Value, 5);
        Assert.Equal("image/jpeg", item.Source.DeclaredType);
        Assert.Empty(Directory.GetFiles(MediaFolder(database), "*.rotating", SearchOption.AllDirectories));
    }

    [Theory, DatabaseData]
    public async Task A_rotation_interrupted_after_one_file_leaves_both_files_readable_and_a_second_run_finishes(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        var (conversationId, mediaId) = await KeepPhotoUnderK1Async(database);
        await using var rotating = await HotlineApp.StartPartsAsync(database, _keys.Settings("k2", "k1", "k2"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // A run that died while writing a file leaves its half-written copy beside the real one.
        await File.WriteAllBytesAsync(Directory.GetFiles(MediaFolder(database), "*.view", SearchOption.AllDirectories).Single() + ".rotating", [1, 2, 3], Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rotating.Get<KeyRotation>().RotateAsync(1, batch =>
        {
            if (batch.Table == "MediaStore")
            {
                stop.Cancel();
            }

            return Task.CompletedTask;
        }, stop.Token));

        Assert.Equal(["k1", "k2"], KeyIdsOfFiles(database).Order());
        Assert.Equal(_photo, await rotating.Get<MediaStore>().ReadAsync(conversationId, mediaId, MediaCopy.Original, Ct));
        var second = await rotating.Get<KeyRotation>().RotateAsync(1, _ => Task.CompletedTask, Ct);
        Assert.Equal("MediaStore.File: 1/0/0", second.Columns.Where(c => c.Column == "MediaStore.File").Select(c => $"{c.Column}: {c.Rewritten}/{c.ChangedMeanwhile}/{c.Unreadable}").Single());
        Assert.Equal(["k2", "k2"], KeyIdsOfFiles(database));
        Assert.Equal(_photo, await rotating.Get<MediaStore>().ReadAsync(conversationId, mediaId, MediaCopy.Original, Ct));
        Assert.NotNull(await rotating.Get<MediaStore>().ReadAsync(conversationId, mediaId, MediaCopy.View, Ct));
    }

    private static string MediaFolder(HostDatabase database) => Path.Combine(database.Folder, "media");

    private async Task<(Guid ConversationId, Guid MediaId)> KeepPhotoUnderK1Async(HostDatabase database)
    {
        await using var harness = await TwilioHarness.StartAsync(database, _keys.Settings("k1", "k1"));
        await harness.TextAsync(MediaWebhooks.Worker, "hello", "0");
        await MediaWebhooks.SendAsync(harness, _photo, "image/jpeg");
        Assert.Equal(1, await harness.App.FetchMediaAsync());
        await using var session = await harness.App.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var id = await session.Connection.ExecuteScalarAsync<Guid>("SELECT Id FROM MediaItems");
        var item = (await harness.App.Services.GetRequiredService<MediaItemRepository>().FindAsync(session, id, Ct))!;
        Assert.Equal(MediaStatus.Kept, item.Status);
        return (item.ConversationId, item.Id);
    }

    /// <summary>The key id each media file names in its header ("HLM1", a length byte, the id).</summary>
    private static IEnumerable<string> KeyIdsOfFiles(HostDatabase database) =>
        Directory.GetFiles(MediaFolder(database), "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".original", StringComparison.Ordinal) || f.EndsWith(".view", StringComparison.Ordinal))
            .Select(File.ReadAllBytes).Select(bytes => Encoding.UTF8.GetString(bytes, 5, bytes[4]));
}
