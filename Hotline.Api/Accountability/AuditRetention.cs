namespace Hotline.Api.Accountability;

/// <summary>
/// Deletes audit rows past their retention from the start of the chain, in batches, each batch its own
/// short write with an anchor: the sequence and MAC of the last row it deleted, under a MAC of the audit key.
/// <see cref="AuditVerifier"/> starts from the latest anchor, so the chain still verifies, and a row deleted
/// from the middle, or an anchor made without the key, still shows. The last row is never deleted: the next
/// row chains onto it.
/// </summary>
public sealed class AuditRetention(Database database, AuditChain chain)
{
    public async Task<int> DeleteBeforeAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            var batch = await database.WriteAsync((session, token) => DeleteBatchAsync(session, before, batchSize, token), cancellationToken);
            deleted += batch;
            if (batch < batchSize)
            {
                return deleted;
            }
        }
    }

    private async Task<int> DeleteBatchAsync(DbSession session, DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        // One row more than the batch: when the oldest rows are all there is, the last of them stays.
        var oldest = (await session.QueryAsync<OldRow>("AuditEntries_ReadOldest", new { Take = batchSize + 1 }, cancellationToken)).ToList();
        var expired = oldest.Take(oldest.Count - 1).TakeWhile(row => row.OccurredAt <= before).ToList();
        if (expired.Count == 0)
        {
            return 0;
        }

        var last = expired[^1];
        await session.ExecuteAsync("AuditEntries_DeleteThrough", new { last.Sequence }, cancellationToken);
        await session.ExecuteAsync("AuditAnchors_Create", new
        {
            last.Sequence, last.Mac, AnchoredAt = await session.DatabaseNowAsync(cancellationToken), AnchorMac = chain.AnchorMacOf(last.Sequence, last.Mac),
        }, cancellationToken);
        await session.ExecuteAsync("AuditAnchors_DeleteBefore", new { last.Sequence }, cancellationToken);
        return expired.Count;
    }

    private sealed record OldRow(long Sequence, DateTimeOffset OccurredAt, string Mac);
}
