namespace Hotline.Api.TwilioDeletion;

/// <summary>
/// The messages waiting to be deleted at Twilio. Rows are written in the transaction that stored the message
/// or its final status, so a deletion is never lost; the REST calls happen later, in
/// <see cref="TwilioDeletionJob"/>, never on a webhook's path. Every change after the claim is filtered by the
/// lease token: zero rows means another deleter took over.
/// </summary>
public sealed class TwilioDeletions(IOptions<TwilioOptions> options, TimeProvider time) : ILeasedQueue<DueDeletion, ClaimedDeletion>
{
    private readonly TwilioOptions _options = options.Value;

    /// <summary>Whether messages are deleted at Twilio at all (<c>Twilio:DeleteFromTwilio</c>, with an account to call).</summary>
    public bool Enabled => _options.DeletesAtTwilio;

    /// <summary>One message stored or finished: deleted at Twilio once it may be. Nothing for chat, or when deletion is off.</summary>
    public async Task EnqueueAsync(DbSession session, Channel channel, string messageSid, CancellationToken cancellationToken)
    {
        if (Enabled && channel is Channel.Sms or Channel.WhatsApp)
        {
            var now = time.GetUtcNow();
            await session.ExecuteAsync("TwilioDeletions_Create",
                new { MessageSid = messageSid, NextAttemptAt = now, CreatedAt = now }, cancellationToken);
        }
    }

    /// <summary>
    /// Every SMS and WhatsApp message of one conversation, in and out, that Twilio may still hold: for an
    /// erasure, in the erasure's transaction. The number of messages newly waiting; 0 when deletion is off.
    /// </summary>
    public Task<int> EnqueueForConversationAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken) =>
        EnqueueManyAsync(session, "TwilioDeletions_CreateForConversation",
            now => new { ConversationId = conversationId, NextAttemptAt = now, CreatedAt = now }, cancellationToken);

    /// <summary>
    /// Every SMS and WhatsApp message of a case, in the write that removes its content (retention, erasure). Most are queued
    /// already, but not a reply whose carrier never reported past <c>sent</c> (no delivery receipt), which Twilio would keep
    /// with the person's number and the words for good, nor a message whose photos' rows go now: once they are gone the media
    /// job can no longer delete Twilio's copy of a file it had not kept yet, so the message is deleted there, files and all.
    /// One already deleted answers 404, which counts as done. The number of messages newly waiting; 0 when deletion is off.
    /// </summary>
    /// <param name="closedAt">The case's close: the messages of the conversation before it that hold no case led to it (null: none taken).</param>
    public Task<int> EnqueueForCaseContentAsync(DbSession session, Guid caseId, Guid conversationId, DateTimeOffset? closedAt,
        CancellationToken cancellationToken) =>
        EnqueueManyAsync(session, "TwilioDeletions_CreateForCaseContent",
            now => new { CaseId = caseId, ConversationId = conversationId, ClosedAt = closedAt, NextAttemptAt = now, CreatedAt = now }, cancellationToken);

    /// <summary>
    /// As <see cref="EnqueueForCaseContentAsync"/>, for a conversation's messages (only those outside any case when
    /// <paramref name="caselessOnly"/>: the idle-conversation sweep).
    /// </summary>
    public Task<int> EnqueueForConversationContentAsync(DbSession session, Guid conversationId, bool caselessOnly, CancellationToken cancellationToken) =>
        EnqueueManyAsync(session, "TwilioDeletions_CreateForConversationContent",
            now => new { ConversationId = conversationId, CaselessOnly = caselessOnly ? 1 : 0, NextAttemptAt = now, CreatedAt = now }, cancellationToken);

    /// <summary>
    /// The message that brought photos or files, in the write that keeps one of them (<see cref="Media.MediaFetchJob"/>):
    /// queued once the last of them is kept (in the media store, Twilio's copy deleted), never while one still waits to be
    /// fetched, since deleting a message at Twilio takes its files with it, and never when one was not kept: Twilio's copy
    /// is then the only one, and stays until retention or an erasure. It is not queued when it is stored. 1 when it was
    /// queued now; 0 while items wait, when one was not kept, when it was already waiting, for chat, or when deletion is off.
    /// </summary>
    public Task<int> EnqueueWhenMediaKeptAsync(DbSession session, Guid messageId, CancellationToken cancellationToken) =>
        EnqueueManyAsync(session, "TwilioDeletions_CreateForKeptMedia",
            now => new { MessageId = messageId, NextAttemptAt = now, CreatedAt = now }, cancellationToken);

    /// <summary>Runs one of the statements that queue several messages at once, each due now; nothing when deletion is off.</summary>
    private async Task<int> EnqueueManyAsync(DbSession session, string statement, Func<DateTimeOffset, object> args, CancellationToken cancellationToken) =>
        Enabled ? await session.ExecuteAsync(statement, args(time.GetUtcNow()), cancellationToken) : 0;

    public async Task<IReadOnlyList<DueDeletion>> ReadDueAsync(DbSession session, DateTimeOffset now, int take, CancellationToken cancellationToken) =>
        (await session.QueryAsync<DueDeletion>("TwilioDeletions_ReadDue", new { Now = now, Take = take }, cancellationToken)).AsList();

    public async Task<ClaimedDeletion?> ClaimAsync(DbSession session, DueDeletion due, DateTimeOffset now, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var claimed = await session.ExecuteAsync("TwilioDeletions_Claim",
            new { due.MessageSid, LeaseToken = token, LeaseExpiresAt = now + lease, Now = now }, cancellationToken);
        return claimed == 1 ? new ClaimedDeletion(due.MessageSid, token, (int)due.Attempts + 1) : null;
    }

    public async Task<bool> CompleteAsync(DbSession session, ClaimedDeletion deletion, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("TwilioDeletions_Delete",
            new { deletion.MessageSid, deletion.LeaseToken }, cancellationToken) == 1;

    public async Task<bool> RescheduleAsync(DbSession session, ClaimedDeletion deletion, DateTimeOffset nextAttemptAt, string error,
        CancellationToken cancellationToken) =>
        await session.ExecuteAsync("TwilioDeletions_Reschedule",
            new { deletion.MessageSid, deletion.LeaseToken, NextAttemptAt = nextAttemptAt, LastError = error }, cancellationToken) == 1;
}

/// <summary>A deletion that is due. Attempts is Int64 because Dapper reads SQLite's integers as such.</summary>
public sealed record DueDeletion
{
    public string MessageSid { get; init; } = "";
    public long Attempts { get; init; }
}

/// <summary>A deletion held by one deleter for one attempt; <see cref="Attempt"/> counts from 1.</summary>
public sealed record ClaimedDeletion(string MessageSid, Guid LeaseToken, int Attempt);
