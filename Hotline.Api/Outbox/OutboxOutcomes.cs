namespace Hotline.Api.Outbox;

/// <summary>
/// Records what became of attempts: for each, the outbox row, the message's delivery status and the case
/// event change together. Each change is filtered by the attempt's lease; if another dispatcher took the
/// row over meanwhile, nothing of that attempt is recorded and false comes back for it. Outcomes come as
/// fast as messages, so the outcomes given together share one write, which shares commits with the messages.
/// </summary>
public sealed class OutboxOutcomes(Database database, OutboxRepository outbox, DeliveryRecorder delivery, CaseEventLog events, WhatsAppHolds holds,
    MessageRepository messages, FailedReplyCases failedReplyCases, TimeProvider time, HotlineMetrics metrics)
{
    /// <summary>
    /// Records <paramref name="outcomes"/> in one write, all or none; for each, whether it was recorded (false: its lease
    /// was lost). Counted in the metrics once durable.
    /// </summary>
    public async Task<IReadOnlyList<bool>> RecordAsync(IReadOnlyList<OutboxOutcome> outcomes, CancellationToken cancellationToken)
    {
        var recorded = await database.WriteAsync(async (session, token) =>
        {
            var results = new bool[outcomes.Count];
            for (var i = 0; i < outcomes.Count; i++)
            {
                results[i] = await RecordAsync(session, outcomes[i], token);
            }

            return results;
        }, cancellationToken);
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (recorded[i])
            {
                Count(outcomes[i]);
            }
        }

        return recorded;
    }

    private Task<bool> RecordAsync(DbSession session, OutboxOutcome outcome, CancellationToken cancellationToken) => outcome switch
    {
        OutboxOutcome.Sent sent => SentAsync(session, sent, cancellationToken),
        OutboxOutcome.Finished finished => FinishAsync(session, finished, cancellationToken),
        OutboxOutcome.Held held => holds.HoldClaimedAsync(session, held.Item, held.Message, held.Conversation, cancellationToken),
        OutboxOutcome.RetryLater retry => RetryLaterAsync(session, retry, cancellationToken),
        OutboxOutcome.SetAside setAside => SetAsideAsync(session, setAside, cancellationToken),
        OutboxOutcome.WaitsForEarlier waits => outbox.PutBackAsync(session, waits.Item, cancellationToken),
        _ => throw new InvalidOperationException($"Unexpected outbox outcome {outcome.GetType().Name}."),
    };

    private void Count(OutboxOutcome outcome)
    {
        switch (outcome)
        {
            case OutboxOutcome.Sent:
                metrics.OutboxSent(outcome.Item.Channel);
                break;
            case OutboxOutcome.Finished { Status: OutboxStatus.Failed } or OutboxOutcome.SetAside:
                metrics.OutboxFailed(outcome.Item.Channel);
                break;
            case OutboxOutcome.RetryLater { OutcomeUnknown: true }:
                metrics.OutboxOutcomeUnknown(outcome.Item.Channel);
                break;
        }
    }

    private async Task<bool> SentAsync(DbSession session, OutboxOutcome.Sent sent, CancellationToken cancellationToken)
    {
        if (!await outbox.MarkSentAsync(session, sent.Item, sent.ProviderMessageId, cancellationToken))
        {
            return false;
        }

        await delivery.RecordSentAsync(session, sent.Message, sent.ProviderMessageId, sent.Status, time.GetUtcNow(), cancellationToken);
        return true;
    }

    /// <summary>
    /// Puts the attempt back for later. The message, when it could be read, carries why it waits, and its case
    /// hears of it, so the caseworker who wrote it sees a provider's outage rather than a reply that seems to hang.
    /// </summary>
    private async Task<bool> RetryLaterAsync(DbSession session, OutboxOutcome.RetryLater retry, CancellationToken cancellationToken)
    {
        if (!await outbox.RescheduleAsync(session, retry.Item, retry.NextAttemptAt, retry.OutcomeUnknown, retry.Error, cancellationToken))
        {
            return false;
        }

        if (retry.Message is { } message)
        {
            var waiting = $"Not sent yet: {retry.Error} It is tried again shortly.";
            await session.ExecuteAsync("Messages_NoteWaitingToSend", new { message.Id, DeliveryError = waiting }, cancellationToken);
            if (message.CaseId is { } caseId)
            {
                await events.AppendAsync(session, caseId, CaseEventTypes.MessageStatusChanged,
                    new { MessageId = message.Id, Status = DeliveryStatuses.Pending, Error = waiting }, null, cancellationToken);
            }
        }

        return true;
    }

    /// <summary>The message row says why, by its id alone, since nothing else of it can be read.</summary>
    private async Task<bool> SetAsideAsync(DbSession session, OutboxOutcome.SetAside setAside, CancellationToken cancellationToken)
    {
        if (!await outbox.FinishAsync(session, setAside.Item, OutboxStatus.Failed, setAside.Error, cancellationToken))
        {
            return false;
        }

        await messages.MarkUndeliverableAsync(session, setAside.Item.MessageId, DeliveryStatuses.Failed, setAside.Error, cancellationToken);
        return true;
    }

    private async Task<bool> FinishAsync(DbSession session, OutboxOutcome.Finished finished, CancellationToken cancellationToken)
    {
        if (!await outbox.FinishAsync(session, finished.Item, finished.Status, finished.Error, cancellationToken))
        {
            return false;
        }

        var message = finished.Message;
        await messages.MarkUndeliverableAsync(session, message.Id, finished.DeliveryStatus, finished.Error, cancellationToken);
        if (message.CaseId is { } caseId)
        {
            await events.AppendAsync(session, caseId, CaseEventTypes.MessageStatusChanged,
                new { MessageId = message.Id, Status = finished.DeliveryStatus, Error = finished.Error }, null, cancellationToken);
        }
        else if (finished.Status == OutboxStatus.Failed)
        {
            await failedReplyCases.QueueIfNobodyKnowsAsync(session, message.ConversationId, cancellationToken);
        }

        return true;
    }

}
