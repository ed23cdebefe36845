namespace Hotline.Api.Storage;

/// <summary>The claim every <see cref="ILeasedQueue{TDue, TClaimed}"/> is worked through.</summary>
public static class LeasedQueueClaims
{
    /// <summary>
    /// Finds what is due with a read, then claims it all in one transaction (one turn at the writer for the whole
    /// batch, none when nothing is due); what this instance now holds, to work on outside any transaction.
    /// </summary>
    public static async Task<IReadOnlyList<TClaimed>> ClaimDueAsync<TDue, TClaimed>(this Database database,
        ILeasedQueue<TDue, TClaimed> queue, int take, TimeSpan lease, CancellationToken cancellationToken)
        where TClaimed : class
    {
        DateTimeOffset now;
        IReadOnlyList<TDue> due;
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            now = await reader.DatabaseNowAsync(cancellationToken);
            due = await queue.ReadDueAsync(reader, now, take, cancellationToken);
        }

        if (due.Count == 0)
        {
            return [];
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        var claimed = await queue.ClaimAllAsync(session, due, now, lease, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return claimed;
    }
}
