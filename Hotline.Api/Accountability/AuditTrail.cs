namespace Hotline.Api.Accountability;

/// <summary>
/// Appends to the audit trail. Features call <see cref="RecordAsync"/> once, at the end of the handler that
/// read or changed something. The row's time is the database clock's; its MAC chains it to the row before,
/// so the append takes the single writer (SQLite) or locks the end of the chain (SQL Server) for that moment.
/// </summary>
public sealed class AuditTrail(Database database, AuditChain chain)
{
    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        database.WriteAsync((session, token) => AppendAsync(session, entry, token), cancellationToken);

    /// <summary>Several rows of one read (a list, each of whose items was shown), in one write.</summary>
    public Task RecordAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        database.WriteAsync(async (session, token) =>
        {
            foreach (var entry in entries)
            {
                await AppendAsync(session, entry, token);
            }
        }, cancellationToken);

    /// <summary>Appends inside the caller's transaction, for a change whose audit row must commit with it (an erasure).</summary>
    public async Task AppendAsync(DbSession session, AuditEntry entry, CancellationToken cancellationToken)
    {
        var last = await session.QuerySingleOrDefaultAsync<AuditLink>("AuditEntries_ReadLast", null, cancellationToken);
        var sequence = (last?.Sequence ?? 0) + 1;
        var occurredAt = AuditChain.ToStoredPrecision(await session.DatabaseNowAsync(cancellationToken));
        var mac = chain.MacOf(last?.Mac ?? AuditChain.GenesisMac, sequence, occurredAt, entry.Actor, entry.Action, entry.Subject,
            entry.ClientAddress, entry.Outcome);
        await session.ExecuteAsync("AuditEntries_Create", new
        {
            Sequence = sequence, OccurredAt = occurredAt, entry.Actor, entry.Action, entry.Subject, entry.ClientAddress, entry.Outcome, Mac = mac,
        }, cancellationToken);
    }

    /// <summary>Audit rows, newest first, before a sequence number, filtered by whatever is given.</summary>
    /// <remarks>
    /// A subject or an actor is sought through its index, by a statement of its own: an "@X IS NULL OR X = @X" filter
    /// cannot use one, so finding who read one case would read the trail back to its first row.
    /// </remarks>
    public async Task<IReadOnlyList<AuditListing>> SearchAsync(DbSession session, string? actor, string? action, string? subject,
        DateTimeOffset? since, DateTimeOffset? before, long beforeSequence, int take, CancellationToken cancellationToken) =>
        (await session.QueryAsync<AuditListing>(subject is not null ? "AuditEntries_SearchBySubject"
            : actor is not null ? "AuditEntries_SearchByActor"
            : "AuditEntries_Search", new
        {
            Actor = actor, Action = action, Subject = subject, Since = since, Before = before, BeforeSequence = beforeSequence, Take = take,
        }, cancellationToken)).ToList();
}
