namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// Keeps SQLite's write-ahead log copied into the database file away from the single writer. Left to
/// itself, SQLite copies the log at the end of whichever commit fills 1,000 pages, inside the writer:
/// every webhook behind that commit waits while the scattered pages are written and the file is synced,
/// many times a second under load. Here the copying runs beside the writer, every 100 ms: each copy's pages
/// start for the disk at once, and a tenth of a second of them shares the disk with the writer's syncs of the
/// log without holding them up (a quarter of a second's did, at 2,000 webhooks a second). Only starting the
/// log again from its beginning needs the writer, and that waits until little is left to copy and the copies
/// are on disk.
/// </summary>
internal sealed class WriteAheadLogCheckpointJob(Database database, WriteAheadLogLimits limits, TimeProvider time,
    ILogger<WriteAheadLogCheckpointJob> logger, Health.LoopWatch loops) : PeriodicJob(time, logger, loops)
{
    private bool _writingAheadRefused;
    private int? _copiedWhenLastStarted;

    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(100);

    protected override string PassName => "Copying the write-ahead log into the database file";

    protected override bool Enabled => database.WriteAheadLog is not null;

    /// <summary>
    /// Copies the log without waiting for anyone and has the copies start on their way to the disk; once the
    /// log is past its limit, copies again until little is left (what the writer wrote meanwhile), puts the
    /// copies on disk, copies what the writer wrote during that, and lets the writer's next write start the
    /// log afresh.
    /// </summary>
    internal async Task CopyAndRestartAsync(CancellationToken cancellationToken)
    {
        var log = database.WriteAheadLog ?? throw new InvalidOperationException("Only a SQLite database file has a write-ahead log to copy.");
        var progress = log.CopyWithoutWaiting();
        StartWritingCopies(log, progress);
        if (progress.LogFrames < limits.RestartAtFrames)
        {
            return;
        }

        for (var copies = 1; progress.Uncopied > limits.MostUncopiedForRestart; copies++)
        {
            if (copies == limits.MostCopiesBeforeRestart)
            {
                // The writer is outrunning the copies: the next pass tries again.
                return;
            }

            progress = log.CopyWithoutWaiting();
        }

        log.SyncDatabaseFile();
        log.CopyWithoutWaiting();
        await log.RestartAsync(cancellationToken);
    }

    /// <summary>
    /// Only when the copy added pages: an idle line's log copies nothing new, and the file is not opened ten times a second
    /// for nothing. A file system that refuses the hint refuses it every time: said once, then the copies wait for the sync
    /// before a restart, as SQLite would leave them. Nothing is lost either way; only that sync takes longer.
    /// </summary>
    private void StartWritingCopies(WriteAheadLog log, WriteAheadLogProgress progress)
    {
        if (_writingAheadRefused || progress.CopiedFrames == _copiedWhenLastStarted)
        {
            return;
        }

        _copiedWhenLastStarted = progress.CopiedFrames;
        if (log.StartWritingDatabaseFile() is not { } error)
        {
            return;
        }

        _writingAheadRefused = true;
        logger.LogWarning("The file system refused to start writing the database file's copied pages ahead of its sync (error {Error}); "
            + "each restart of the write-ahead log will sync them all at once, and webhooks may wait while it does.", error);
    }

    protected override Task RunPassAsync(CancellationToken cancellationToken) => CopyAndRestartAsync(cancellationToken);
}
