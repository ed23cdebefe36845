namespace Hotline.Api.CaseStore;

/// <summary>The append-only log of case changes. Appends join the caller's transaction, so a change and its event commit together or not at all.</summary>
public sealed class CaseEventLog(TimeProvider time, CaseEventSignal signal)
{
    public const int MaxPage = 1000;

    public Task AppendAsync(DbSession session, Guid caseId, string type, object data, Guid? actorUserId, CancellationToken cancellationToken)
    {
        session.AfterCommit(signal.Notify);
        return session.ExecuteAsync("CaseEvents_Append", new
        {
            CaseId = caseId,
            Type = type,
            Data = JsonSerializer.Serialize(data),
            ActorUserId = actorUserId,
            OccurredAt = time.GetUtcNow(),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<CaseEvent>> ReadAfterAsync(DbSession session, long afterSequence, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxPage);
        var events = await session.QueryAsync<CaseEvent>("CaseEvents_ReadAfter", new { After = afterSequence, Take = take }, cancellationToken);
        return events.AsList();
    }

    /// <summary>The sequence number of the latest event, 0 when there is none.</summary>
    public Task<long> ReadLastSequenceAsync(DbSession session, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<long>("CaseEvents_ReadLastSequence", null, cancellationToken);

    /// <summary>Whether the case has an event of <paramref name="type"/>.</summary>
    public async Task<bool> HasAsync(DbSession session, Guid caseId, string type, CancellationToken cancellationToken) =>
        await session.QuerySingleAsync<long>("CaseEvents_ReadAnyByCaseAndType", new { CaseId = caseId, Type = type }, cancellationToken) == 1;

    public async Task<IReadOnlyList<CaseEvent>> ReadByCaseAsync(DbSession session, Guid caseId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<CaseEvent>("CaseEvents_ReadByCase", new { CaseId = caseId }, cancellationToken)).AsList();
}
