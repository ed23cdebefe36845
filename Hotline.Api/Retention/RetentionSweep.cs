using Hotline.Api.Erasure;
using Hotline.Api.Media;

namespace Hotline.Api.Retention;

/// <summary>
/// One pass of retention by data class (<see cref="RetentionOptions"/>): protocol records, the content of
/// closed cases, the identity of idle conversations (with their numbers' rows in the issued-SIM registry), the registry's rows
/// past their retention, finished outbox rows and old audit rows. Everything
/// goes in batches of <see cref="RetentionOptions.BatchSize"/>, each its own short write, so the single
/// writer is never held long and incoming messages commit between batches. Last, the media store's files
/// whose rows are gone: those an erasure or a pass left when its process stopped between its commit and the files.
/// </summary>
public sealed class RetentionSweep(Database database, PersonalDataEraser eraser, AuditRetention auditRetention, StrandedMediaFiles mediaFiles,
    IOptions<RetentionOptions> options, TimeProvider time)
{
    /// <summary>
    /// What one pass removed: protocol records, emptied cases (and their contents), erased conversations, outbox and audit
    /// rows, and the media items whose files had been left behind.
    /// </summary>
    public sealed record Swept(int ChatActivities, int EarlyDeliveryStatuses, int Cases, int Conversations, int IssuedSims, int OutboxRows,
        int AuditEntries, ErasedCounts Content, int StrandedMedia)
    {
        /// <summary>Counts only, short enough for the audit row's subject.</summary>
        public string Describe() =>
            $"cases {Cases}, messages {Content.Messages}, media {Content.Media}, conversations {Conversations}, "
            + $"SIM registrations {IssuedSims + Content.SimRegistrations}, outbox {OutboxRows}, "
            + $"audit {AuditEntries}, protocol {ChatActivities + EarlyDeliveryStatuses}, stranded media {StrandedMedia}";
    }

    public async Task<Swept> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var protocolBefore = new { Before = now.AddHours(-settings.ProtocolRecordHours) };
        var (chatActivities, earlyStatuses) = await database.WriteAsync(async (session, token) => (
            await session.ExecuteAsync("ChatActivities_DeleteReceivedBefore", protocolBefore, token),
            await session.ExecuteAsync("EarlyDeliveryStatuses_DeleteReceivedBefore", protocolBefore, token)), cancellationToken);
        var (cases, content) = await EraseClosedCaseContentAsync(now.AddDays(-settings.ClosedCaseContentDays), settings.BatchSize, cancellationToken);
        var (conversations, identities) = await EraseIdleConversationsAsync(now.AddDays(-settings.IdleConversationDays), settings.BatchSize, cancellationToken);
        var issuedSims = await DeleteIssuedSimsAsync(DateOnly.FromDateTime(now.AddDays(-settings.IssuedSimDays).UtcDateTime), settings.BatchSize,
            cancellationToken);
        var outbox = await DeleteFinishedOutboxAsync(now.AddDays(-settings.FinishedOutboxDays), settings.BatchSize, cancellationToken);
        var audit = await auditRetention.DeleteBeforeAsync(now.AddDays(-settings.AuditEntryDays), settings.BatchSize, cancellationToken);
        var strandedMedia = await mediaFiles.RemoveEverywhereAsync(cancellationToken);
        return new Swept(chatActivities, earlyStatuses, cases, conversations, issuedSims, outbox, audit, content + identities, strandedMedia);
    }

    private async Task<(int Cases, ErasedCounts Content)> EraseClosedCaseContentAsync(DateTimeOffset before, int batchSize,
        CancellationToken cancellationToken)
    {
        var (cases, content) = (0, ErasedCounts.None);
        while (true)
        {
            IReadOnlyList<CaseToErase> due;
            await using (var session = await database.OpenAsync(cancellationToken))
            {
                due = (await session.QueryAsync<CaseToErase>("Cases_ReadContentToErase", new { Before = before, Take = batchSize }, cancellationToken)).ToList();
            }

            foreach (var closed in due)
            {
                content += await eraser.EraseCaseContentAsync(closed, batchSize, cancellationToken);
            }

            cases += due.Count;
            if (due.Count < batchSize)
            {
                return (cases, content);
            }
        }
    }

    private async Task<(int Conversations, ErasedCounts Identities)> EraseIdleConversationsAsync(DateTimeOffset before, int batchSize,
        CancellationToken cancellationToken)
    {
        var (conversations, removed) = (0, ErasedCounts.None);
        while (true)
        {
            IReadOnlyList<Guid> idle;
            await using (var session = await database.OpenAsync(cancellationToken))
            {
                idle = (await session.QueryAsync<Guid>("Conversations_ReadIdentityToErase", new { Before = before, Take = batchSize }, cancellationToken)).ToList();
            }

            foreach (var conversationId in idle)
            {
                if (await EraseIdleConversationAsync(conversationId, before, batchSize, cancellationToken) is { } erased)
                {
                    removed += erased;
                    conversations++;
                }
            }

            if (idle.Count < batchSize)
            {
                return (conversations, removed);
            }
        }
    }

    /// <summary>
    /// The write step for one conversation the read found idle on or before <paramref name="before"/>; null when it is no
    /// longer idle, and nothing of it was erased. The person may have written between the read and this write (their message
    /// stored, a reply waiting, a case opened): the write looks again under its lock (Conversations_LockIfStillIdle) before it
    /// erases anything. The identity goes first, in that write: after it nothing more is written to the conversation (the
    /// person's next message starts a new one), so the message contents after it are only those it had when it was let go.
    /// Before, the contents went first, with no look again: a returning person's new message was emptied, their address
    /// forgotten and the reply to them deleted unsent.
    /// </summary>
    public async Task<ErasedCounts?> EraseIdleConversationAsync(Guid conversationId, DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        var letGoAt = time.GetUtcNow();
        var identity = await database.WriteAsync(async (session, token) =>
        {
            if (await session.ExecuteAsync("Conversations_LockIfStillIdle", new { Id = conversationId, Before = before }, token) == 0)
            {
                return null;
            }

            // The registry's row is found by the conversation's lookup hash, which erasing the identity replaces: it goes first.
            return await eraser.EraseSimRegistrationOfAsync(session, conversationId, token)
                + await eraser.EraseIdentityAsync(session, conversationId, token)
                + await eraser.EraseMediaAsync(session, conversationId, caselessOnly: true, token);
        }, cancellationToken);
        if (identity is null)
        {
            return null;
        }

        await eraser.RemoveMediaFilesAsync(conversationId, cancellationToken);
        // Messages outside any case have no case to be swept with: they go with the conversation, those written before it was let go.
        return identity + new ErasedCounts(Messages: await eraser.EraseConversationMessagesAsync(conversationId, caselessOnly: true, letGoAt, batchSize,
            cancellationToken));
    }

    /// <summary>The registry's rows of SIMs issued on or before <paramref name="before"/>: their holders have long had their first greeting.</summary>
    private async Task<int> DeleteIssuedSimsAsync(DateOnly before, int batchSize, CancellationToken cancellationToken)
    {
        var args = new { Before = before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Take = batchSize };
        var deleted = 0;
        while (true)
        {
            var batch = await database.WriteAsync((session, token) => session.ExecuteAsync("IssuedSims_DeleteIssuedBefore", args, token), cancellationToken);
            deleted += batch;
            if (batch < batchSize)
            {
                return deleted;
            }
        }
    }

    private async Task<int> DeleteFinishedOutboxAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            var batch = await database.WriteAsync((session, token) =>
                session.ExecuteAsync("Outbox_DeleteFinishedBefore", new { Before = before, Take = batchSize }, token), cancellationToken);
            deleted += batch;
            if (batch < batchSize)
            {
                return deleted;
            }
        }
    }
}
