using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// Puts on disk what has been written to a file, through a handle opened by name for the purpose: the writes may have
/// been made on any descriptor of the file (SQLite's own), and a file SQLite has replaced is never synced through a stale one.
/// </summary>
internal static class FileSync
{
    private const uint SyncFileRangeWrite = 2;

    public static void ToDisk(string path)
    {
        using var handle = Open(path);
        RandomAccess.FlushToDisk(handle);
    }

    /// <summary>
    /// Asks Linux to start writing the file's changed pages now, without waiting for them and without flushing the disk's
    /// cache (<c>sync_file_range</c> with <c>SYNC_FILE_RANGE_WRITE</c>), so that a later <see cref="ToDisk"/> finds little left
    /// to write. Only a hint: nothing it starts counts as durable before <see cref="ToDisk"/>. Null when the kernel took it,
    /// and on systems without the call; otherwise the error number the kernel answered with.
    /// </summary>
    public static int? StartWriting(string path)
    {
        // Opened first on every system, so that a missing file is the same error everywhere.
        using var handle = Open(path);
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return sync_file_range(handle, 0, 0, SyncFileRangeWrite) == 0 ? null : Marshal.GetLastPInvokeError();
    }

    private static SafeFileHandle Open(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);

    [DllImport("libc", SetLastError = true)]
    private static extern int sync_file_range(SafeFileHandle fd, long offset, long nbytes, uint flags);
}
