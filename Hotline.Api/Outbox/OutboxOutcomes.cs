namespace Hotline.Api.Outbox;

/// <summary>
/// Records what became of one attempt: the outbox row, the message's delivery status and the case
/// event change together. Each write is filtered by the attempt's lease; if another dispatcher took the
/// row over meanwhile, nothing is recorded and false comes back. Outcomes come as fast as messages, so
/// they share commits with them.
/// </summary>
public sealed class OutboxOutcomes(Database database, OutboxRepository outbox, DeliveryRecorder delivery, CaseEventLog events, WhatsAppHolds holds,
    TimeProvider time, HotlineMetrics metrics)
{
    public Task<bool> SentAsync(OutboxItem item, Message message, string providerMessageId, string status, CancellationToken cancellationToken) =>
        database.WriteAsync(async (session, token) =>
        {
            if (!await outbox.MarkSentAsync(session, item, providerMessageId, token))
            {
                return false;
            }

            await delivery.RecordSentAsync(session, message, providerMessageId, status, time.GetUtcNow(), token);
            metrics.OutboxSent(item.Channel);
            return true;
        }, cancellationToken);

    public async Task<bool> FailedAsync(OutboxItem item, Message message, string error, CancellationToken cancellationToken)
    {
        var failed = await FinishAsync(item, message, OutboxStatus.Failed, DeliveryStatuses.Failed, error, cancellationToken);
        if (failed)
        {
            metrics.OutboxFailed(item.Channel);
        }

        return failed;
    }

    /// <summary>Not sent as free text because WhatsApp's window is closed: it waits until the person writes (<see cref="WhatsAppHolds"/>).</summary>
    public Task<bool> HeldAsync(OutboxItem item, Message message, Conversation conversation, CancellationToken cancellationToken) =>
        database.WriteAsync((session, token) => holds.HoldClaimedAsync(session, item, message, conversation, token), cancellationToken);

    public Task<bool> CancelledAsync(OutboxItem item, Message message, string reason, CancellationToken cancellationToken) =>
        FinishAsync(item, message, OutboxStatus.Cancelled, DeliveryStatuses.Cancelled, reason, cancellationToken);

    /// <summary>
    /// Puts the attempt back for later. The message, when it could be read, carries why it waits, and its case
    /// hears of it, so the caseworker who wrote it sees a provider's outage rather than a reply that seems to hang.
    /// </summary>
    public Task<bool> RetryLaterAsync(OutboxItem item, Message? message, DateTimeOffset nextAttemptAt, bool outcomeUnknown, string error,
        CancellationToken cancellationToken) =>
        database.WriteAsync(async (session, token) =>
        {
            if (!await outbox.RescheduleAsync(session, item, nextAttemptAt, outcomeUnknown, error, token))
            {
                return false;
            }

            if (outcomeUnknown)
            {
                metrics.OutboxOutcomeUnknown(item.Channel);
            }

            if (message is not null)
            {
                var waiting = $"Not sent yet: {error} It is tried again shortly.";
                await session.ExecuteAsync("Messages_NoteWaitingToSend", new { message.Id, DeliveryError = waiting }, token);
                if (message.CaseId is { } caseId)
                {
                    await events.AppendAsync(session, caseId, CaseEventTypes.MessageStatusChanged,
                        new { MessageId = message.Id, Status = DeliveryStatuses.Pending, Error = waiting }, null, token);
                }
            }

            return true;
        }, cancellationToken);

    /// <summary>
    /// Fails a reply whose stored message could not be read, so that no dispatcher claims it again; the message
    /// row says why, by its id alone, since nothing else of it can be read.
    /// </summary>
    public Task<bool> SetAsideAsync(OutboxItem item, string error, CancellationToken cancellationToken) =>
        database.WriteAsync(async (session, token) =>
        {
            if (!await outbox.FinishAsync(session, item, OutboxStatus.Failed, error, token))
            {
                return false;
            }

            await MarkUndeliverableAsync(session, item.MessageId, DeliveryStatuses.Failed, error, token);
            metrics.OutboxFailed(item.Channel);
            return true;
        }, cancellationToken);

    private Task<bool> FinishAsync(OutboxItem item, Message message, OutboxStatus status, string deliveryStatus, string error,
        CancellationToken cancellationToken) =>
        database.WriteAsync(async (session, token) =>
        {
            if (!await outbox.FinishAsync(session, item, status, error, token))
            {
                return false;
            }

            await MarkUndeliverableAsync(session, message.Id, deliveryStatus, error, token);
            if (message.CaseId is { } caseId)
            {
                await events.AppendAsync(session, caseId, CaseEventTypes.MessageStatusChanged,
                    new { MessageId = message.Id, Status = deliveryStatus, Error = error }, null, token);
            }

            return true;
        }, cancellationToken);

    private static Task<int> MarkUndeliverableAsync(DbSession session, Guid messageId, string deliveryStatus, string error,
        CancellationToken cancellationToken) =>
        session.ExecuteAsync("Messages_MarkUndeliverable", new
        {
            Id = messageId,
            DeliveryStatus = deliveryStatus,
            DeliveryRank = DeliveryStatuses.Rank(deliveryStatus),
            DeliveryError = error,
        }, cancellationToken);
}
