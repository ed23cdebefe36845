using System.Diagnostics;

namespace Hotline.Api.Outbox;

/// <summary>Outbox rows. Every change after the claim is filtered by the lease token: zero rows means another dispatcher took over.</summary>
public sealed class OutboxRepository(TimeProvider time) : ILeasedQueue<Guid, OutboxItem>
{
    public Task AddAsync(DbSession session, Guid messageId, Guid conversationId, Bot.Channels.Channel channel, int? sendWhileQuietAtVersion,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return session.ExecuteAsync("Outbox_Create", new
        {
            Id = RowIds.Version7(now),
            MessageId = messageId,
            ConversationId = conversationId,
            Channel = channel.ToString(),
            NextAttemptAt = now,
            SendWhileQuietAtVersion = sendWhileQuietAtVersion,
            CreatedAt = now,
            TraceParent = Activity.Current?.Id,
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> ReadDueAsync(DbSession session, DateTimeOffset now, int take, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Guid>("Outbox_ReadDueIds", new { Now = now, Take = take }, cancellationToken)).AsList();

    /// <summary>How many messages wait to be sent or are being sent, and since when the oldest of them waits.</summary>
    public Task<OutboxBacklog> ReadBacklogAsync(DbSession session, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<OutboxBacklog>("Outbox_ReadBacklog", null, cancellationToken);

    public async Task<OutboxItem?> ClaimAsync(DbSession session, Guid id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        (await ClaimAllAsync(session, [id], now, lease, cancellationToken)).SingleOrDefault();

    /// <summary>
    /// A pass's rows in one statement that returns what it claimed, under one lease token: the writer is held for one
    /// statement rather than a claim and a read per row.
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> ClaimAllAsync(DbSession session, IReadOnlyList<Guid> due, DateTimeOffset now, TimeSpan lease,
        CancellationToken cancellationToken) =>
        (await session.QueryAsync<OutboxItem>("Outbox_ClaimByIds",
            new { Ids = JsonSerializer.Serialize(due), LeaseToken = Guid.NewGuid(), LeaseExpiresAt = now + lease, Now = now }, cancellationToken)).AsList();

    /// <summary>
    /// The status of the message's outbox row, and whether an attempt may have reached the provider; null when it has none
    /// (never queued, or deleted once finished).
    /// </summary>
    public Task<OutboxRowState?> ReadStateByMessageIdAsync(DbSession session, Guid messageId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<OutboxRowState>("Outbox_ReadStatusByMessageId", new { MessageId = messageId }, cancellationToken);

    public Task<OutboxItem?> FindAsync(DbSession session, Guid id, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<OutboxItem>("Outbox_ReadById", new { Id = id }, cancellationToken);

    /// <summary>
    /// The fence before a send that waited: true when this attempt still holds the row, whose lease now runs
    /// from the database's clock again; false when another dispatcher has claimed it meanwhile.
    /// </summary>
    public async Task<bool> RenewLeaseAsync(DbSession session, OutboxItem item, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = await session.DatabaseNowAsync(cancellationToken);
        return await session.ExecuteAsync("Outbox_RenewLease",
            new { item.Id, item.LeaseToken, LeaseExpiresAt = now + lease }, cancellationToken) == 1;
    }

    /// <summary>
    /// Just before each send: whether the person may still be written to, or null when this attempt no longer holds the row
    /// (another dispatcher claimed it, or the person was erased with it). A read: it takes no turn at the writer.
    /// </summary>
    public Task<SendingState?> ReadSendingStateAsync(DbSession session, OutboxItem item, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<SendingState>("Outbox_ReadSendingState", new { item.Id, item.LeaseToken }, cancellationToken);

    public async Task<bool> MarkSentAsync(DbSession session, OutboxItem item, string providerMessageId, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("Outbox_MarkSent",
            new { item.Id, item.LeaseToken, ProviderMessageId = providerMessageId }, cancellationToken) == 1;

    public async Task<bool> RescheduleAsync(DbSession session, OutboxItem item, DateTimeOffset nextAttemptAt, bool outcomeUnknown, string error,
        CancellationToken cancellationToken) =>
        await session.ExecuteAsync("Outbox_Reschedule",
            new { item.Id, item.LeaseToken, NextAttemptAt = nextAttemptAt, OutcomeUnknown = outcomeUnknown, LastError = error }, cancellationToken) == 1;

    public async Task<bool> PutBackAsync(DbSession session, OutboxItem item, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("Outbox_PutBack", new { item.Id, item.LeaseToken }, cancellationToken) == 1;

    public async Task<bool> FinishAsync(DbSession session, OutboxItem item, OutboxStatus status, string error, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("Outbox_Finish",
            new { item.Id, item.LeaseToken, Status = status.ToString(), LastError = error }, cancellationToken) == 1;
}

public sealed record OutboxBacklog
{
    public long Messages { get; init; }
    public DateTimeOffset? OldestCreatedAt { get; init; }
}

/// <summary>What a conversation says now about sending to it: read again just before each send.</summary>
public sealed record SendingState
{
    public ConversationStatus Status { get; init; }
    public string? StatusReason { get; init; }
    public int Version { get; init; }
    public int? QuietSinceVersion { get; init; }

    /// <summary>The last message written before the person's latest silence began (<see cref="SendPermission.WrittenBeforeSilence"/>).</summary>
    public long? SilencedThroughSequence { get; init; }
}
