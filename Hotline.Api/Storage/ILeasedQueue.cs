namespace Hotline.Api.Storage;

/// <summary>
/// Rows that background work takes one at a time under a lease (the outbox, media to fetch, messages to delete at
/// Twilio), so several instances can work one database. A row is found due with a read, which takes no lock, and
/// taken with a claim that checks again that it is due; every later change is filtered by the lease's token.
/// </summary>
public interface ILeasedQueue<TDue, TClaimed>
    where TClaimed : class
{
    /// <summary>Up to <paramref name="take"/> rows due at <paramref name="now"/> (the database's clock).</summary>
    Task<IReadOnlyList<TDue>> ReadDueAsync(DbSession session, DateTimeOffset now, int take, CancellationToken cancellationToken);

    /// <summary>Takes one row for one attempt; null when another instance got there first.</summary>
    Task<TClaimed?> ClaimAsync(DbSession session, TDue due, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the rows of one pass, each for one attempt, leaving out those another instance got first. One claim
    /// per row unless the queue claims a batch in one statement (the outbox: its claim is a pass's turn at the writer).
    /// </summary>
    async Task<IReadOnlyList<TClaimed>> ClaimAllAsync(DbSession session, IReadOnlyList<TDue> due, DateTimeOffset now, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        var claimed = new List<TClaimed>();
        foreach (var row in due)
        {
            if (await ClaimAsync(session, row, now, lease, cancellationToken) is { } held)
            {
                claimed.Add(held);
            }
        }

        return claimed;
    }
}
