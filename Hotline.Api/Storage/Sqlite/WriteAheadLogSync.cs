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
/// the log after a commit returned covers that commit's frames either way (<see cref="FileSync"/>).
/// </remarks>
internal sealed class WriteAheadLogSync(string databaseFile)
{
    private readonly string _log = databaseFile + "-wal";

    /// <summary>The database file whose log this syncs.</summary>
    public string DatabaseFile => databaseFile;

    public Task SyncAsync() => Task.Run(() => FileSync.ToDisk(_log));
}
