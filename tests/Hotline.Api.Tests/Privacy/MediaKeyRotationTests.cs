using Hotline.Api.Tests.Media;

namespace Hotline.Api.Tests.Privacy;

/// <summary>
/// <c>keys rotate</c> reaches the media: a photo kept under key k1 (its row's link and evidence, its two files) is sealed
/// again under k2, and with k1 gone from the configuration it still decrypts to the very bytes the person sent.
/// </summary>
public sealed class MediaKeyRotationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hotline-media-keys-").FullName;
    private readonly Dictionary<string, string> _keys = new() { ["k1"] = TestKeys.NewKey(), ["k2"] = TestKeys.NewKey() };
    private readonly byte[] _photo = TestPhotos.WithGps(640, 480);

    [Fact]
    public async Task A_photo_kept_under_an_old_key_reads_byte_for_byte_after_rotation_with_the_old_key_removed()
    {
        var (conversationId, mediaId) = await KeepPhotoUnderK1Async();
        await using (var rotating = await HotlineApp.StartPartsAsync(settings: Keys("k2", "k1", "k2")))
        {
            var report = await rotating.Get<KeyRotation>().RotateAsync(1, _ => Task.CompletedTask, Ct);

            Assert.Equal(
                ["MediaItems.Source: 1/0/0", "MediaItems.Evidence: 1/0/0", "MediaStore.File: 2/0/0"],
                report.Columns.Where(c => c.Column.StartsWith("Media", StringComparison.Ordinal))
                    .Select(c => $"{c.Column}: {c.Rewritten}/{c.ChangedMeanwhile}/{c.Unreadable}"));
        }

        await using var after = await HotlineApp.StartPartsAsync(settings: Keys("k2", "k2"));
        var original = await after.Get<MediaStore>().ReadAsync(conversationId, mediaId, MediaCopy.Original, Ct);
        var shown = await after.Get<MediaStore>().ReadAsync(conversationId, mediaId, MediaCopy.View, Ct);
        await using var session = await after.Database.OpenAsync(Ct);
        var item = (await after.Get<MediaItemRepository>().FindAsync(session, mediaId, Ct))!;

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_photo)), Convert.ToHexStringLower(SHA256.HashData(original!)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_photo)), item.Sha256);
        Assert.NotEmpty(shown!);
        Assert.Equal(52.520094, item.Evidence.Latitude!.Value, 5);
        Assert.Equal("image/jpeg", item.Source.DeclaredType);
        Assert.Empty(Directory.GetFiles(MediaFolder, "*.rotating", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_rotation_interrupted_after_one_file_leaves_both_files_readable_and_a_second_run_finishes()
    {
        var (conversationId, mediaId) = await KeepPhotoUnderK1Async();
        await using var rotating = await HotlineApp.StartPartsAsync(settings: Keys("k2", "k1", "k2"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // A run that died while writing a file leaves its half-written copy beside the real one.
        await File.WriteAllBytesAsync(Directory.GetFiles(MediaFolder, "*.view", SearchOption.AllDirectories).Single() + ".rotating", [1, 2, 3], Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rotating.Get<KeyRotation>().RotateAsync(1, batch =>
        {
            if (batch.Table == "MediaStore")
            {
                stop.Cancel();
            }

            return Task.CompletedTask;
        }, stop.Token));

        Assert.Equal(["k1", "k2"], KeyIdsOfFiles().Order());
        Assert.Equal(_photo, await rotating.Get<MediaStore>().ReadAsync(conversationId, mediaId, MediaCopy.Original, Ct));
        var second = await rotating.Get<KeyRotation>().RotateAsync(1, _ => Task.CompletedTask, Ct);
        Assert.Equal("MediaStore.File: 1/0/0", second.Columns.Where(c => c.Column == "MediaStore.File").Select(c => $"{c.Column}: {c.Rewritten}/{c.ChangedMeanwhile}/{c.Unreadable}").Single());
        Assert.Equal(["k2", "k2"], KeyIdsOfFiles());
        Assert.Equal(_photo, await rotating.Get<MediaStore>().ReadAsync(conversationId, mediaId, MediaCopy.Original, Ct));
        Assert.NotNull(await rotating.Get<MediaStore>().ReadAsync(conversationId, mediaId, MediaCopy.View, Ct));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string MediaFolder => Path.Combine(_folder, "media");

    private async Task<(Guid ConversationId, Guid MediaId)> KeepPhotoUnderK1Async()
    {
        await using var harness = await TwilioHarness.StartAsync(Keys("k1", "k1"));
        await harness.TextAsync(MediaWebhooks.Worker, "hello", "0");
        await MediaWebhooks.SendAsync(harness, _photo, "image/jpeg");
        Assert.Equal(1, await harness.App.FetchMediaAsync());
        await using var session = await harness.App.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var id = Guid.Parse((await session.Connection.ExecuteScalarAsync<string>("SELECT Id FROM MediaItems"))!);
        var item = (await harness.App.Services.GetRequiredService<MediaItemRepository>().FindAsync(session, id, Ct))!;
        Assert.Equal(MediaStatus.Kept, item.Status);
        return (item.ConversationId, item.Id);
    }

    /// <summary>The key id each media file names in its header ("HLM1", a length byte, the id).</summary>
    private IEnumerable<string> KeyIdsOfFiles() =>
        Directory.GetFiles(MediaFolder, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".original", StringComparison.Ordinal) || f.EndsWith(".view", StringComparison.Ordinal))
            .Select(File.ReadAllBytes).Select(bytes => Encoding.UTF8.GetString(bytes, 5, bytes[4]));

    private Dictionary<string, string?> Keys(string current, params string[] listed)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hotline:Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "hotline.db")}",
            ["Hotline:Media:Path"] = MediaFolder,
            ["Hotline:Privacy:CurrentKeyId"] = current,
        };
        foreach (var id in listed)
        {
            settings[$"Hotline:Privacy:Keys:{id}"] = _keys[id];
        }

        return settings;
    }
}
