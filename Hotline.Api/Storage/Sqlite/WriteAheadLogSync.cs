namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// Makes SQLite commits durable outside the write lock. The writer's connection commits with
/// synchronous=NORMAL, which writes the transaction to the write-ahead log but does not sync it; this
/// syncs the log afterwards, and nothing is acknowledged before it has. So a commit is on disk before it
/// is acknowledged, as with synchronous=FULL, but the next write need not wait for the disk: the fsync
/// of one group overlaps the statements of the next.
/// </summary>
/// <remarks>
/// Safe because SQLite only ever appends committed frames to the log or copies them into the database
/// file at a checkpoint, which with synchronous=NORMAL syncs the log first and the file after; an fsync of
/// the log after a commit returned covers that commit's frames either way. The log is opened by name for
/// each sync, so a log that SQLite has replaced is never synced through a stale handle.
/// </remarks>
internal sealed class WriteAheadLogSync(string databaseFile)
{
    private readonly string _log = databaseFile + "-wal";

    public Task SyncAsync() => Task.Run(Sync);

    private void Sync()
    {
        using var handle = File.OpenHandle(_log, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.FlushToDisk(handle);
    }
}
