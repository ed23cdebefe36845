namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// The write-ahead log of a SQLite database file, copied into the file by <see cref="WriteAheadLogCheckpointJob"/>
/// (one call at a time): without waiting for anyone on a connection of its own, and now and then under the
/// single writer to start the log again from its beginning. After an erasure, <see cref="TruncateAsync"/>
/// empties it.
/// </summary>
/// <remarks>
/// SQLite syncs the database file only when a copy reaches the log's end, and under load only the restart does: it would
/// then write to disk everything copied since the last restart while every write waits. <see cref="SyncDatabaseFile"/>
/// does that beforehand, beside the writer; <see cref="StartWritingDatabaseFile"/>, after each copy, leaves it little to write.
/// </remarks>
internal sealed class WriteAheadLog(string connectionString, string databaseFile, SqliteWriter writer) : IDisposable
{
    private const int RestartWaitsForReadersMilliseconds = 10;
    private const int TruncateAttempts = 20;
    private const int TruncateRetryMilliseconds = 50;

    private SqliteConnection? _connection;

    /// <summary>
    /// Copies what it can of the log into the database file and syncs that file, on a connection of its
    /// own and without waiting for anyone: the writer goes on writing meanwhile.
    /// </summary>
    public WriteAheadLogProgress CopyWithoutWaiting()
    {
        if (_connection is null)
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            SqliteConnections.ConfigureSession(connection, writer: false, logSyncedAfterCommit: false);
            _connection = connection;
        }

        var progress = Checkpoint(_connection, "PASSIVE");
        if (progress.LogFrames < 0)
        {
            // A connection opened before the file was put in WAL mode never sees the log: open a new one next time.
            _connection.Dispose();
            _connection = null;
        }

        return progress;
    }

    /// <summary>
    /// Puts on disk the pages the copies have written into the database file, without holding the writer: thousands of
    /// pages two seconds into a restart's cycle under load, which SQLite's own sync in <see cref="RestartAsync"/> would
    /// otherwise write while every write waited (21 to 34 ms at 2,000 webhooks a second on the development machine).
    /// </summary>
    public void SyncDatabaseFile() => FileSync.ToDisk(databaseFile);

    /// <summary>
    /// Has the system start writing the pages the copies have put in the database file, without waiting for them. Left to
    /// <see cref="SyncDatabaseFile"/> alone, the pages of a whole restart's cycle (some 40,000 copies under load) went to
    /// the disk in one sync of 20 to 80 ms, and the writer's syncs of the log queued behind it: every webhook answered in
    /// that moment waited, once per cycle. Written a copy at a time, they share the disk with the log's syncs instead.
    /// Null when the system took the hint (or has none to take); otherwise the error number it answered with.
    /// </summary>
    public int? StartWritingDatabaseFile() => FileSync.StartWriting(databaseFile);

    /// <summary>
    /// Copies the rest of the log under the single writer, so that the next write starts the log again
    /// from its beginning. Done when little is left to copy, it holds the writer only briefly; a reader
    /// still on an older snapshot is waited for only a few milliseconds (the next pass tries again), so
    /// a long report never holds up the writes behind it.
    /// </summary>
    public Task<WriteAheadLogProgress> RestartAsync(CancellationToken cancellationToken) =>
        writer.RunBetweenWritesAsync(connection =>
        {
            SetBusyTimeout(connection, RestartWaitsForReadersMilliseconds);
            try
            {
                return Checkpoint(connection, "RESTART");
            }
            finally
            {
                SetBusyTimeout(connection, SqliteConnections.BusyTimeoutMilliseconds);
            }
        }, cancellationToken);

    /// <summary>
    /// Copies the whole log under the single writer and truncates the file to nothing, so the frames that still
    /// hold erased data are gone from the file, not merely marked for reuse. A reader on an older snapshot, or
    /// the passive copy running at that moment, keeps it from finishing: it tries again, between writes, for
    /// about a second. False when it never finished.
    /// </summary>
    public async Task<bool> TruncateAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < TruncateAttempts; attempt++)
        {
            if (await writer.RunBetweenWritesAsync(Truncated, cancellationToken))
            {
                return true;
            }

            await Task.Delay(TruncateRetryMilliseconds, cancellationToken);
        }

        return false;
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
    }

    private static void SetBusyTimeout(SqliteConnection connection, int milliseconds)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds};";
        command.ExecuteNonQuery();
    }

    private static bool Truncated(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        // The first column is 1 when something kept the checkpoint from finishing.
        return reader.GetInt32(0) == 0;
    }

    private static WriteAheadLogProgress Checkpoint(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var reader = command.ExecuteReader();
        reader.Read();
        // The first column says whether something kept the checkpoint from finishing; the counts say how far it got.
        return new WriteAheadLogProgress(reader.GetInt32(1), reader.GetInt32(2));
    }
}
