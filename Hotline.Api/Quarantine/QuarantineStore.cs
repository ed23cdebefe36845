namespace Hotline.Api.Quarantine;

/// <summary>
/// Sets aside a row a background job cannot decode, decrypt or process, so the job goes on without it: one bad
/// row must never hold up the outbox, the consoles or the statistics, nor stop the host. Each row is set aside
/// once, whichever pass or instance met it first; a supervisor sees it in the console and an alert fires.
/// </summary>
public sealed class QuarantineStore(Database database, HotlineMetrics metrics, TimeProvider time, ILogger<QuarantineStore> logger)
{
    public const int MostShown = 200;

    /// <summary>Sets the row aside in a commit of its own; true when it was not set aside before.</summary>
    public async Task<bool> SetAsideAsync(string source, string rowId, string reason, Exception cause, CancellationToken cancellationToken)
    {
        var added = await database.WriteAsync((session, token) => session.ExecuteAsync("QuarantinedRows_Create",
            new { Source = source, RowId = rowId, Reason = reason, QuarantinedAt = time.GetUtcNow() }, token), cancellationToken) == 1;
        if (added)
        {
            metrics.RowQuarantined(source);
            // The exception's type only: its message may quote the data it choked on.
            logger.LogError("A {Source} row ({RowId}) was set aside: {Reason} ({ExceptionType}). The job goes on without it.",
                source, rowId, reason, cause.GetType().FullName);
        }

        return added;
    }

    /// <summary>The rows set aside most recently, newest first, at most <see cref="MostShown"/>.</summary>
    public async Task<IReadOnlyList<QuarantinedRow>> ReadRecentAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync<QuarantinedRow>("QuarantinedRows_ReadRecent", new { Take = MostShown }, cancellationToken)).ToList();

    /// <summary>How many rows each source has set aside, for the gauge.</summary>
    public async Task<IReadOnlyList<QuarantineCount>> CountBySourceAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync<QuarantineCount>("QuarantinedRows_CountBySource", null, cancellationToken)).ToList();
}

public sealed record QuarantineCount
{
    public string Source { get; init; } = "";

    public long Count { get; init; }
}
