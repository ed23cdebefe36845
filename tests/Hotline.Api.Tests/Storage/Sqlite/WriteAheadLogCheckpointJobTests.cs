namespace Hotline.Api.Tests.Storage.Sqlite;

public sealed class WriteAheadLogCheckpointJobTests
{
    private const int Rows = 30;

    private static readonly WriteAheadLogLimits SmallLimits = new(RestartAtFrames: 20, MostUncopiedForRestart: 5, MostCopiesBeforeRestart: 3);

    [Fact]
    public async Task The_log_is_copied_into_the_database_file_while_the_writer_is_busy()
    {
        await using var db = await TestDatabase.CreateAsync();
        await CommitRowsAsync(db, 5);
        await using var busyWriter = await db.Database.BeginWriteAsync(Ct);

        var progress = await Task.Run(db.Database.WriteAheadLog!.CopyWithoutWaiting, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(progress.LogFrames > 0, $"The log had {progress.LogFrames} pages.");
        Assert.Equal(progress.LogFrames, progress.CopiedFrames);
    }

    [Fact]
    public async Task After_a_restart_the_next_write_starts_the_log_from_its_beginning()
    {
        await using var db = await TestDatabase.CreateAsync();
        var before = await LeaveTheLogPartlyCopiedAsync(db);

        await db.Database.WriteAheadLog!.RestartAsync(Ct);
        await CommitRowsAsync(db, 1);

        Assert.InRange(db.Database.WriteAheadLog!.CopyWithoutWaiting().LogFrames, 1, before.LogFrames - 1);
    }

    [Fact]
    public async Task A_restart_keeps_every_committed_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        await LeaveTheLogPartlyCopiedAsync(db);

        await db.Database.WriteAheadLog!.RestartAsync(Ct);
        await CommitRowsAsync(db, 1);

        await using var fresh = new SqliteConnection($"Data Source={db.SqliteFile};Pooling=False");
        await fresh.OpenAsync(Ct);
        Assert.Equal(Rows + 2, await fresh.ExecuteScalarCountAsync("SELECT COUNT(*) FROM Filler"));
    }

    [Fact]
    public async Task A_pass_past_the_limit_puts_the_copies_on_disk_and_restarts_the_log_keeping_every_row()
    {
        await using var db = await TestDatabase.CreateAsync();
        await CommitRowsAsync(db, Rows);
        var before = db.Database.WriteAheadLog!.CopyWithoutWaiting();

        await Checkpointer(db, SmallLimits).CopyAndRestartAsync(Ct);
        await CommitRowsAsync(db, 1);

        Assert.InRange(db.Database.WriteAheadLog!.CopyWithoutWaiting().LogFrames, 1, before.LogFrames - 1);
        await using var fresh = new SqliteConnection($"Data Source={db.SqliteFile};Pooling=False");
        await fresh.OpenAsync(Ct);
        Assert.Equal(Rows + 1, await fresh.ExecuteScalarCountAsync("SELECT COUNT(*) FROM Filler"));
    }

    [Fact]
    public async Task A_reader_on_an_older_snapshot_delays_the_restart_without_holding_up_the_writer()
    {
        await using var db = await TestDatabase.CreateAsync();
        await CommitRowsAsync(db, Rows);
        await using var reader = await OpenSnapshotAsync(db);
        await CommitRowsAsync(db, 1);

        // The pass runs synchronously inside; on its own thread, the timeout below can still cut it short.
        await Task.Run(() => Checkpointer(db, SmallLimits).CopyAndRestartAsync(Ct), Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);

        await CommitRowsAsync(db, 1).WaitAsync(TimeSpan.FromSeconds(5), Ct);
    }

    /// <summary>
    /// Copies the log while a reader keeps the last commit from being copied, then lets the reader go:
    /// left alone, SQLite would keep appending to this log, since it was never copied to its end.
    /// </summary>
    private static async Task<WriteAheadLogProgress> LeaveTheLogPartlyCopiedAsync(TestDatabase db)
    {
        await CommitRowsAsync(db, Rows);
        WriteAheadLogProgress progress;
        await using (await OpenSnapshotAsync(db))
        {
            await CommitRowsAsync(db, 1);
            progress = db.Database.WriteAheadLog!.CopyWithoutWaiting();
        }

        Assert.True(progress.Uncopied > 0, "The reader should have kept the last commit from being copied.");
        return progress;
    }

    /// <summary>A connection in a read transaction: it keeps the snapshot it started on until it is closed.</summary>
    private static async Task<SqliteConnection> OpenSnapshotAsync(TestDatabase db)
    {
        var connection = new SqliteConnection($"Data Source={db.SqliteFile};Pooling=False");
        await connection.OpenAsync(Ct);
        await connection.ExecuteScalarCountAsync("BEGIN; SELECT COUNT(*) FROM Filler;");
        return connection;
    }

    private static WriteAheadLogCheckpointJob Checkpointer(TestDatabase db, WriteAheadLogLimits limits) =>
        new(db.Database, limits, TimeProvider.System, NullLogger<WriteAheadLogCheckpointJob>.Instance, TestLoopWatch.Create(db.Database));

    /// <summary>Each row in a commit of its own, so that each adds pages to the log.</summary>
    private static async Task CommitRowsAsync(TestDatabase db, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var session = await db.Database.BeginWriteAsync(Ct);
            await session.Connection.ExecuteScalarCountAsync(
                "CREATE TABLE IF NOT EXISTS Filler (Value BLOB NOT NULL); INSERT INTO Filler VALUES (randomblob(3000)); SELECT 0;");
            await session.CommitAsync(Ct);
        }
    }
}
