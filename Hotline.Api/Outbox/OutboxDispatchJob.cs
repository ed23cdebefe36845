using System.Diagnostics;
using Hotline.Api.Quarantine;
using Hotline.Api.Tracing;

namespace Hotline.Api.Outbox;

/// <summary>
/// Sends what the outbox holds, at least once and never blindly twice. Several API instances can run it
/// against one database: each attempt holds the row by a lease. An attempt whose outcome is unknown is
/// checked with the provider before the message is sent again.
/// </summary>
public sealed class OutboxDispatchJob(
    Database database,
    OutboxRepository outbox,
    MessageRepository messages,
    ConversationRepository conversations,
    OutboxOutcomes outcomes,
    QuarantineStore quarantine,
    IEnumerable<IChannelSender> senders,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatchJob> logger,
    Health.LoopWatch loops) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var guard = new GuardedPass("Sending the outbox", logger, time, loops);
        while (_options.RunDispatcher && !stoppingToken.IsCancellationRequested)
        {
            var dispatched = 0;
            if (await guard.RunAsync(async token => dispatched = await DispatchDueAsync(token), stoppingToken) && dispatched < _options.BatchSize
                && await signal.WaitAsync(TimeSpan.FromMilliseconds(_options.PollMilliseconds), stoppingToken) && _options.GatherMilliseconds > 0)
            {
                // Woken by a commit that queued a reply: the replies of the commits just behind it join the same pass, so that
                // a busy line costs a claim and a few outcome writes per batch, not per reply.
                await Task.Delay(TimeSpan.FromMilliseconds(_options.GatherMilliseconds), time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// One pass: finds what is due with a read, which takes no lock, then claims it all in a single
    /// transaction (one turn at the writer for the whole batch, not one per message; none when nothing
    /// is due), then attempts them; the number claimed. The claim checks again that each row is due.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        // Taken before the database's clock is read for the leases, so the lease is never thought longer than it is.
        var claimedAt = Stopwatch.GetTimestamp();
        var claimed = await database.ClaimDueAsync(outbox, _options.BatchSize, Lease, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        // Read outside the writer, the batch's messages in one statement and its people in another: the claim already holds
        // the rows, and a read takes no lock. Each row is decrypted apart, so one that cannot be read holds up only itself.
        IReadOnlyDictionary<Guid, Func<Message>> messagesById;
        IReadOnlyDictionary<Guid, Func<Conversation>> conversationsById;
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            messagesById = await messages.ReadByIdsAsync(reader, claimed.Select(item => item.MessageId), cancellationToken);
            conversationsById = await conversations.ReadForSendingByIdsAsync(reader, claimed.Select(item => item.ConversationId).Distinct(),
                cancellationToken);
        }

        var attempts = new List<(OutboxItem Item, Message Message, Conversation Conversation)>();
        var unreadable = new List<(OutboxItem Item, Exception Cause)>();
        foreach (var item in claimed)
        {
            try
            {
                attempts.Add((item, messagesById.GetValueOrDefault(item.MessageId)?.Invoke()!, conversationsById.GetValueOrDefault(item.ConversationId)?.Invoke()!));
            }
            catch (Exception ex) when (UnreadableRow.Reason(ex) is not null)
            {
                unreadable.Add((item, ex));
            }
        }

        var recorder = new OutcomeRecorder(outcomes, cancellationToken);
        var recorded = new List<Task>();

        // A row that cannot be decrypted or decoded is set aside and failed: it holds up only itself, and only once.
        foreach (var (item, cause) in unreadable)
        {
            var reason = UnreadableRow.Reason(cause)!;
            await quarantine.SetAsideAsync(QuarantineSources.Outbox, item.Id.ToString(), reason, cause, cancellationToken);
            recorded.Add(recorder.RecordAsync(new OutboxOutcome.SetAside(item, $"Not sent: the stored reply could not be read ({reason}) and was set aside.")));
        }

        // Different people's messages go out side by side, each person's in the order they were written: one slow send
        // does not hold up the batch, and the outcomes that come together are recorded in one write. The claim's order
        // cannot say which of one turn's replies comes first (they are due in the same millisecond); the sequence can.
        // A reply that did not go (it waits for a later attempt, or another dispatcher has it) keeps the person's later
        // replies back with it: sent now, they would reach the phone before it.
        recorded.AddRange(attempts.GroupBy(a => a.Item.ConversationId).Select(async person =>
        {
            var earlierWent = true;
            foreach (var (item, message, conversation) in person.OrderBy(a => a.Message.Sequence))
            {
                if (!earlierWent)
                {
                    await PutBackAsync(item, recorder);
                    continue;
                }

                earlierWent = await DispatchAsync(item, message, conversation, claimedAt, recorder, cancellationToken) is
                    OutboxOutcome.Sent or OutboxOutcome.Finished or OutboxOutcome.Held;
            }
        }));
        recorder.StartWriting();
        await Task.WhenAll(recorded);

        return claimed.Count;
    }

    /// <summary>
    /// One message's attempt, and what became of it (null when another dispatcher has taken it over). Whatever
    /// interrupts it (the database, the provider, a bug) leaves the message waiting with its outcome unknown, so the
    /// provider is asked before it is ever sent again, and the other people's messages of the batch go on.
    /// </summary>
    private async Task<OutboxOutcome?> DispatchAsync(OutboxItem item, Message message, Conversation conversation, long claimedAt,
        OutcomeRecorder recorder, CancellationToken cancellationToken)
    {
        var send = new OutboundSend(message.Id, conversation.Address, message.Body, message.Segments, message.CreatedAt, item.Reengagement);
        using var span = HotlineActivities.StartSend(item.TraceParent);
        span?.SetTag("hotline.channel", item.Channel.ToString());
        span?.SetTag("hotline.outbox.attempt", item.Attempts);
        OutboxOutcome? outcome;
        try
        {
            outcome = await AttemptAsync(item, message, conversation, send, claimedAt, cancellationToken);
            if (outcome is not null && !await recorder.RecordAsync(outcome))
            {
                logger.LogWarning("Outbox message {OutboxId}: the lease was lost before the outcome was recorded.", item.Id);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = GuardedPass.IsExpected(ex) ? GuardedPass.Describe(ex) : ex.GetType().FullName!;
            logger.LogWarning("Outbox message {OutboxId} attempt {Attempt} was interrupted ({Error}).", item.Id, item.Attempts, error);
            outcome = new OutboxOutcome.RetryLater(item, message, NextAttempt(item.Attempts), OutcomeUnknown: true, error);
            await recorder.RecordAsync(outcome);
        }

        return outcome;
    }

    /// <summary>
    /// A reply kept back behind one that did not go. If the write fails, the claim's lease runs out and the next claim asks the
    /// provider before sending (an attempt that never was, counted): the person's other replies are still recorded.
    /// </summary>
    private async Task PutBackAsync(OutboxItem item, OutcomeRecorder recorder)
    {
        try
        {
            await recorder.RecordAsync(new OutboxOutcome.WaitsForEarlier(item));
        }
        catch (Exception ex) when (GuardedPass.IsExpected(ex))
        {
            logger.LogWarning("Outbox message {OutboxId}: kept back behind an earlier reply, but could not be put back ({Error}); left to its lease.",
                item.Id, GuardedPass.Describe(ex));
        }
    }

    /// <summary>What became of the attempt, to be recorded; null when another dispatcher has taken the message over.</summary>
    private async Task<OutboxOutcome?> AttemptAsync(OutboxItem item, Message message, Conversation conversation, OutboundSend send, long claimedAt,
        CancellationToken cancellationToken)
    {
        // Asked before cancelling: a reply that already reached the phone is recorded as sent even if the person has
        // gone quiet since, so that the console shows what the phone holds.
        var sender = senders.First(s => s.Handles(send.To.Channel));
        switch (item.OutcomeUnknown ? await sender.FindEarlierAttemptAsync(send, cancellationToken) : EarlierAttempt.None)
        {
            case EarlierAttempt.Found earlier when await NotRecordedYetAsync(send.To.Channel, earlier.ProviderMessageIds, cancellationToken) is { } sent:
                logger.LogInformation("Outbox message {OutboxId}: an earlier attempt had reached the provider; not sending again.", item.Id);
                return new OutboxOutcome.Sent(item, message, sent, DeliveryStatuses.Queued);
            case EarlierAttempt.CouldNotAsk couldNotAsk when item.Attempts > _options.MaxAttempts:
                // Asked for good, it would hold the person's later replies back for good (a "call 112" among them) while the
                // provider keeps refusing to be asked (a key not allowed to list messages).
                logger.LogWarning("Outbox message {OutboxId}: whether an earlier attempt arrived could not be asked in {Attempts} attempts ({Error}); given up.",
                    item.Id, item.Attempts, couldNotAsk.Error);
                return Finished(item, message, OutboxStatus.Failed,
                    $"May not have reached the phone: whether it arrived could not be checked after {_options.MaxAttempts} attempts ({couldNotAsk.Error}).");
            case EarlierAttempt.CouldNotAsk couldNotAsk:
                logger.LogWarning("Outbox message {OutboxId}: whether an earlier attempt arrived is still unknown ({Error}); asking again later.",
                    item.Id, couldNotAsk.Error);
                return new OutboxOutcome.RetryLater(item, message, NextAttempt(item.Attempts), OutcomeUnknown: true, couldNotAsk.Error);
        }

        if (!MaySend(conversation, item))
        {
            return Finished(item, message, OutboxStatus.Cancelled, conversation.StatusReason ?? "The conversation does not accept messages now.");
        }

        if (item.Attempts > _options.MaxAttempts)
        {
            return Finished(item, message, OutboxStatus.Failed, $"Not sent after {_options.MaxAttempts} attempts: {item.LastError}");
        }

        // Written while the window was open, but still unsent after it closed (a backlog, an outage): free text would be refused.
        if (!item.Reengagement && WhatsAppWindow.IsClosed(conversation, time.GetUtcNow()))
        {
            return new OutboxOutcome.Held(item, message, conversation);
        }

        await sender.WaitForTurnAsync(send, cancellationToken);
        if (await sender.PrepareAsync(send, cancellationToken) is { } notReady)
        {
            return RetryOrFail(item, message, outcomeUnknown: false, notReady.Error);
        }

        // Before the last check: the renewal is a write, which may wait for the writer behind a burst of webhooks, and a STOP or
        // discreet word committed meanwhile must be seen. Renewed after the check, the reply went out after the person's STOP.
        if (!await StillHeldAfterWaitingAsync(item, claimedAt, cancellationToken))
        {
            logger.LogWarning("Outbox message {OutboxId}: another dispatcher claimed it while this one waited for the send rate; left to that one.", item.Id);
            return null;
        }

        // The last check, one read just before the provider call (after any write of this attempt), however soon after the claim:
        // the person's discreet word or STOP, or their erasure, may have landed since the claim read their conversation (a
        // batch's other sends, the send rate, a slow login service, the lease's renewal waiting for the writer).
        switch (await ReadSendingStateAsync(item, cancellationToken))
        {
            case null:
                logger.LogWarning("Outbox message {OutboxId}: no longer held at the send (claimed by another dispatcher, or erased); not sent.", item.Id);
                return null;
            case var now when !MaySend(conversation with { Status = now.Status, Version = now.Version, QuietSinceVersion = now.QuietSinceVersion }, item):
                return Finished(item, message, OutboxStatus.Cancelled, now.StatusReason ?? "The conversation does not accept messages now.");
            case var now when SendPermission.WrittenBeforeSilence(message.Sequence, now.SilencedThroughSequence):
                // Left to the dispatcher by the silence (being sent, or its outcome unknown and not found at the provider above):
                // the silence has ended since, but what was written before it must not reach the phone after it.
                return Finished(item, message, OutboxStatus.Cancelled, SendPermission.WrittenBeforeSilenceReason);
        }

        var result = await sender.SendAsync(send, cancellationToken);
        return result switch
        {
            SendResult.Accepted accepted => new OutboxOutcome.Sent(item, message, accepted.ProviderMessageId, accepted.Status),
            SendResult.Rejected rejected => Finished(item, message, OutboxStatus.Failed, rejected.Error),
            SendResult.WindowClosed => new OutboxOutcome.Held(item, message, conversation),
            SendResult.NotAccepted notAccepted => RetryOrFail(item, message, outcomeUnknown: false, notAccepted.Error),
            SendResult.Unknown unknown => RetryOrFail(item, message, outcomeUnknown: true, unknown.Error),
            _ => throw new InvalidOperationException($"Unexpected send result {result}."),
        };
    }

    private static OutboxOutcome.Finished Finished(OutboxItem item, Message message, OutboxStatus status, string error) =>
        new(item, message, status, status == OutboxStatus.Cancelled ? DeliveryStatuses.Cancelled : DeliveryStatuses.Failed, error);

    private async Task<SendingState?> ReadSendingStateAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        await using var reader = await database.OpenAsync(cancellationToken);
        return await outbox.ReadSendingStateAsync(reader, item, cancellationToken);
    }

    /// <summary>
    /// A send rate of one segment a second can keep a claimed message waiting longer than its lease, and
    /// another instance may then claim and send it. So a message that waited for more than half its lease
    /// renews it first, which fails if another dispatcher has claimed it; one that waited less still holds
    /// it for longer than a send can take, and costs no write.
    /// </summary>
    private async Task<bool> StillHeldAfterWaitingAsync(OutboxItem item, long claimedAt, CancellationToken cancellationToken) =>
        Stopwatch.GetElapsedTime(claimedAt) < Lease / 2
        || await database.WriteAsync((session, token) => outbox.RenewLeaseAsync(session, item, Lease, token), cancellationToken);

    /// <summary>
    /// The first of the provider's matches that no message of ours holds yet: the earlier attempt. When every match is
    /// another message's (the same words sent to the same person a moment before), the attempt did not arrive.
    /// </summary>
    private async Task<string?> NotRecordedYetAsync(Channel channel, IReadOnlyList<string> providerMessageIds, CancellationToken cancellationToken)
    {
        await using var reader = await database.OpenAsync(cancellationToken);
        foreach (var id in providerMessageIds)
        {
            if (await messages.FindRepeatAsync(reader, channel, id, cancellationToken) is null)
            {
                return id;
            }
        }

        return null;
    }

    private TimeSpan Lease => TimeSpan.FromSeconds(_options.LeaseSeconds);

    /// <summary>Whether the reply may go to the conversation as it is now (<see cref="SendPermission"/>).</summary>
    private static bool MaySend(Conversation conversation, OutboxItem item) => SendPermission.Allows(conversation, item.SendWhileQuietAtVersion);

    /// <summary>
    /// A last attempt that might have reached the provider is not failed at once: it stays unknown, and
    /// the next pass asks the provider before it decides.
    /// </summary>
    private OutboxOutcome RetryOrFail(OutboxItem item, Message message, bool outcomeUnknown, string error) =>
        item.Attempts >= _options.MaxAttempts && !outcomeUnknown
            ? Finished(item, message, OutboxStatus.Failed, $"Not sent after {item.Attempts} attempts: {error}")
            : new OutboxOutcome.RetryLater(item, message, NextAttempt(item.Attempts), outcomeUnknown, error);

    /// <summary>Exponential backoff with jitter, so that instances retrying together spread out.</summary>
    private DateTimeOffset NextAttempt(int attempts)
    {
        var ceiling = Math.Min(_options.RetryMaxSeconds * 1000.0, _options.RetryBaseMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        var delay = ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2;
        return time.GetUtcNow() + TimeSpan.FromMilliseconds(delay);
    }
}
