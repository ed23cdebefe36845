namespace Hotline.Api.Media;

/// <summary>
/// Media item rows. Every change after the claim is filtered by the lease token: zero rows means another
/// instance took the item over, and this one's work on it does not count.
/// </summary>
public sealed class MediaItemRepository(FieldProtector protector, TimeProvider time) : ILeasedQueue<Guid, MediaItem>
{
    public async Task AddAsync(DbSession session, Guid messageId, Guid conversationId, Channel channel, IReadOnlyList<MediaSource> sources,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        for (var position = 0; position < sources.Count; position++)
        {
            var id = RowIds.Version7(now);
            await session.ExecuteAsync("MediaItems_Create", new
            {
                Id = id,
                MessageId = messageId,
                ConversationId = conversationId,
                Position = position,
                Channel = channel.ToString(),
                SourceCipher = protector.Protect(JsonSerializer.Serialize(sources[position]), ProtectedColumns.MediaItemSource.At(id)),
                NextAttemptAt = now,
                CreatedAt = now,
            }, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<Guid>> ReadDueAsync(DbSession session, DateTimeOffset now, int take, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Guid>("MediaItems_ReadDueIds", new { Now = now, Take = take }, cancellationToken)).AsList();

    public async Task<MediaItem?> ClaimAsync(DbSession session, Guid id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var claimed = await session.ExecuteAsync("MediaItems_Claim",
            new { Id = id, LeaseToken = Guid.NewGuid(), LeaseExpiresAt = now + lease, Now = now }, cancellationToken);
        return claimed == 1 ? await FindAsync(session, id, cancellationToken) : null;
    }

    public async Task<MediaItem?> FindAsync(DbSession session, Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<MediaItemRow>("MediaItems_ReadById", new { Id = id }, cancellationToken);
        return row is null ? null : Decrypt(row);
    }

    /// <summary>An item as <paramref name="caseId"/> serves it: null unless it is in the case's part of the conversation (see the statement).</summary>
    public async Task<MediaItem?> FindInCaseAsync(DbSession session, Guid caseId, Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<MediaItemRow>("MediaItems_ReadByIdInCase", new { CaseId = caseId, Id = id }, cancellationToken);
        return row is null ? null : Decrypt(row);
    }

    public async Task<IReadOnlyList<MediaItem>> ReadConversationAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<MediaItemRow>("MediaItems_ReadByConversation", new { ConversationId = conversationId }, cancellationToken))
            .Select(Decrypt).AsList();

    /// <summary>
    /// The photos a referral with consent to share photos may pass on: the case's kept photos that have a stripped copy,
    /// from messages received up to <paramref name="consentGivenAt"/>, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<MediaItem>> ReadShareablePhotosAsync(DbSession session, Guid caseId, DateTimeOffset consentGivenAt,
        CancellationToken cancellationToken) =>
        (await session.QueryAsync<MediaItemRow>("MediaItems_ReadShareablePhotosByCase", new { CaseId = caseId, GivenAt = consentGivenAt },
            cancellationToken)).Select(Decrypt).AsList();

    /// <summary>
    /// Whether a consent to share photos given at <paramref name="consentGivenAt"/> has one to share: a photo of
    /// <see cref="ReadShareablePhotosAsync"/>, or an attachment of the same messages still being fetched.
    /// </summary>
    public async Task<bool> HasPhotoToShareAsync(DbSession session, Guid caseId, DateTimeOffset consentGivenAt, CancellationToken cancellationToken) =>
        await CountPhotosToShareAsync(session, caseId, consentGivenAt, cancellationToken) > 0;

    /// <summary>
    /// How many files a consent to share photos given at <paramref name="consentGivenAt"/> would cover: the photos of
    /// <see cref="ReadShareablePhotosAsync"/> and the attachments of the same messages still being fetched.
    /// </summary>
    public async Task<int> CountPhotosToShareAsync(DbSession session, Guid caseId, DateTimeOffset consentGivenAt, CancellationToken cancellationToken) =>
        (int)await session.QuerySingleAsync<long>("MediaItems_CountPhotosToShareByCase", new { CaseId = caseId, GivenAt = consentGivenAt },
            cancellationToken);

    public async Task<bool> StoreAsync(DbSession session, MediaItem item, StoredMedia stored, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("MediaItems_Store", new
        {
            item.Id,
            item.LeaseToken,
            stored.ContentType,
            stored.SizeBytes,
            stored.Sha256,
            stored.Width,
            stored.Height,
            stored.HasView,
            EvidenceCipher = protector.Protect(JsonSerializer.Serialize(stored.Evidence), ProtectedColumns.MediaItemEvidence.At(item.Id)),
            StoredAt = time.GetUtcNow(),
        }, cancellationToken) == 1;

    public async Task<bool> MarkKeptAsync(DbSession session, MediaItem item, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("MediaItems_MarkKept", new { item.Id, item.LeaseToken }, cancellationToken) == 1;

    public async Task<bool> RefuseAsync(DbSession session, MediaItem item, string reason, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("MediaItems_Refuse", new { item.Id, item.LeaseToken, Reason = reason }, cancellationToken) == 1;

    public async Task<bool> RescheduleAsync(DbSession session, MediaItem item, DateTimeOffset nextAttemptAt, string reason,
        CancellationToken cancellationToken) =>
        await session.ExecuteAsync("MediaItems_Reschedule",
            new { item.Id, item.LeaseToken, NextAttemptAt = nextAttemptAt, Reason = reason }, cancellationToken) == 1;

    /// <summary>The items the media job has still to finish, for the metrics (<see cref="Metrics.OperationalSamplerJob"/>).</summary>
    public Task<MediaBacklog> ReadBacklogAsync(DbSession session, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<MediaBacklog>("MediaItems_ReadBacklog", null, cancellationToken);

    /// <summary>
    /// For retention and erasure: the rows of a case's media, those of the messages that led to it (the conversation's that hold
    /// no case, until <paramref name="closedAt"/>) included; the files go with <see cref="StrandedMediaFiles"/> after the commit.
    /// </summary>
    public Task<int> DeleteCaseAsync(DbSession session, Guid caseId, Guid conversationId, DateTimeOffset? closedAt, CancellationToken cancellationToken) =>
        session.ExecuteAsync("MediaItems_DeleteByCase", new { CaseId = caseId, ConversationId = conversationId, ClosedAt = closedAt }, cancellationToken);

    /// <summary>
    /// For retention and erasure: the rows of a conversation's media, only those outside any case when <paramref name="caselessOnly"/>
    /// (the files go with <see cref="StrandedMediaFiles"/> after the commit).
    /// </summary>
    public Task<int> DeleteConversationAsync(DbSession session, Guid conversationId, bool caselessOnly, CancellationToken cancellationToken) =>
        session.ExecuteAsync("MediaItems_DeleteByConversation", new { ConversationId = conversationId, CaselessOnly = caselessOnly ? 1 : 0 }, cancellationToken);

    /// <summary>The ids of a conversation's items that still have a row.</summary>
    public async Task<IReadOnlySet<Guid>> ReadIdsAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Guid>("MediaItems_ReadIdsByConversation", new { ConversationId = conversationId }, cancellationToken)).ToHashSet();

    /// <summary>The ids of every item that still has a row.</summary>
    public async Task<IReadOnlySet<Guid>> ReadAllIdsAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Guid>("MediaItems_ReadIds", null, cancellationToken)).ToHashSet();

    private MediaItem Decrypt(MediaItemRow row) => new(
        row.Id, row.MessageId, row.ConversationId, row.Position, row.Channel,
        JsonSerializer.Deserialize<MediaSource>(protector.Unprotect(row.SourceCipher, ProtectedColumns.MediaItemSource.At(row.Id)))!,
        row.Status, row.Attempts, row.LeaseToken, row.Reason, row.ContentType, row.SizeBytes, row.Sha256, row.Width, row.Height, row.HasView,
        row.EvidenceCipher is null ? MediaEvidence.None
            : JsonSerializer.Deserialize<MediaEvidence>(protector.Unprotect(row.EvidenceCipher, ProtectedColumns.MediaItemEvidence.At(row.Id)))!,
        row.StoredAt);
}

/// <summary>Media items still to fetch or still to delete at the provider, and when the oldest of them arrived.</summary>
public sealed record MediaBacklog
{
    public long Items { get; init; }
    public DateTimeOffset? OldestCreatedAt { get; init; }
}
