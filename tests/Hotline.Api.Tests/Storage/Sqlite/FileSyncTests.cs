namespace Hotline.Api.Tests.Storage.Sqlite;

public sealed class FileSyncTests
{
    private const int FileBytes = 32 * 1024 * 1024;
    private const int ErrorIllegalSeek = 29;

    [Fact]
    public async Task Starting_to_write_a_file_sends_its_changed_pages_to_the_disk_without_a_sync()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "sync_file_range is Linux's.");
        var folder = Directory.CreateTempSubdirectory("hotline-filesync-");
        try
        {
            var file = Path.Combine(folder.FullName, "pages");
            var before = DirtyBytes();
            await using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
            {
                await stream.WriteAsync(Pages(), Ct);
            }

            var written = DirtyBytes();
            Assert.SkipWhen(written - before < FileBytes / 2,
                $"{folder.FullName} left no changed pages for the kernel to write ({before:N0} then {written:N0} dirty bytes): a memory file system, or one that writes at once.");

            Assert.Null(FileSync.StartWriting(file));

            await Poll.UntilAsync(() => DirtyBytes() <= written - FileBytes / 2,
                $"the file's changed pages to be on their way to the disk (half its {FileBytes:N0} bytes gone from the {written:N0} dirty)", TimeSpan.FromSeconds(10));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_file_the_kernel_cannot_write_ahead_is_answered_with_its_error_number_not_an_exception()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "sync_file_range is Linux's.");

        Assert.Equal(ErrorIllegalSeek, FileSync.StartWriting("/dev/null"));
    }

    [Fact]
    public void A_missing_file_is_an_error_not_a_hint_taken()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"hotline-filesync-missing-{Guid.NewGuid():N}");

        Assert.ThrowsAny<IOException>(() => FileSync.StartWriting(missing));
        Assert.ThrowsAny<IOException>(() => FileSync.ToDisk(missing));
    }

    private static byte[] Pages()
    {
        var pages = new byte[FileBytes];
        new Random(7).NextBytes(pages);
        return pages;
    }

    /// <summary>The system's pages changed in memory and not yet being written (Dirty in /proc/meminfo).</summary>
    private static long DirtyBytes() =>
        File.ReadLines("/proc/meminfo").Where(line => line.StartsWith("Dirty:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).Single();
}
