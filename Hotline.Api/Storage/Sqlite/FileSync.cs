namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// Puts on disk what has been written to a file, through a handle opened by name for the purpose: the writes may have
/// been made on any descriptor of the file (SQLite's own), and a file SQLite has replaced is never synced through a stale one.
/// </summary>
internal static class FileSync
{
    public static void ToDisk(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.FlushToDisk(handle);
    }
}
