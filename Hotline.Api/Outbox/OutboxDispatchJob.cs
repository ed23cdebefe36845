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
            if (await guard.RunAsync(async token => dispatched = await DispatchDueAsync(token), stoppingToken) && dispatched == 0)
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(_options.PollMilliseconds), stoppingToken);
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

        // Read outside the writer: the claim already holds the rows, and a read takes no lock.
        var attempts = new List<(OutboxItem Item, Message Message, Conversation Conversation)>();
        var unreadable = new List<(OutboxItem Item, Exception Cause)>();
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            foreach (var item in claimed)
            {
                try
                {
                    attempts.Add((item, (await messages.FindByIdAsync(reader, item.MessageId, cancellationToken))!,
                        (await conversations.FindByIdAsync(reader, item.ConversationId, cancellationToken))!));
                }
                catch (Exception ex) when (UnreadableRow.Reason(ex) is not null)
                {
                    unreadable.Add((item, ex));
                }
            }
        }

        // A row that cannot be decrypted or decoded is set aside and failed: it holds up only itself, and only once.
        foreach (var (item, cause) in unreadable)
        {
            var reason = UnreadableRow.Reason(cause)!;
            await quarantine.SetAsideAsync(QuarantineSources.Outbox, item.Id.ToString(), reason, cause, cancellationToken);
            await outcomes.SetAsideAsync(item, $"Not sent: the stored reply could not be read ({reason}) and was set aside.", cancellationToken);
        }

        // Different people's messages go out side by side, each person's in order: one slow send does not
        // hold up the batch, and the outcomes, recorded together, share the writer's commits.
        await Task.WhenAll(attempts.GroupBy(a => a.Item.ConversationId).Select(async person =>
        {
            foreach (var (item, message, conversation) in person)
            {
                await DispatchAsync(item, message, conversation, claimedAt, cancellationToken);
            }
        }));

        return claimed.Count;
    }

    /// <summary>
    /// One message's attempt. Whatever interrupts it (the database, the provider, a bug) leaves the message
    /// waiting with its outcome unknown, so the provider is asked before it is ever sent again, and the other
    /// messages of the batch go on.
    /// </summary>
    private async Task DispatchAsync(OutboxItem item, Message message, Conversation conversation, long claimedAt, CancellationToken cancellationToken)
    {
        var send = new OutboundSend(message.Id, conversation.Address, message.Body, message.Segments, message.CreatedAt, item.Reengagement);
        using var span = HotlineActivities.StartSend(item.TraceParent);
        span?.SetTag("hotline.channel", item.Channel.ToString());
        span?.SetTag("hotline.outbox.attempt", item.Attempts);
        try
        {
            await AttemptAsync(item, message, conversation, send, claimedAt, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = GuardedPass.IsExpected(ex) ? GuardedPass.Describe(ex) : ex.GetType().FullName!;
            logger.LogWarning("Outbox message {OutboxId} attempt {Attempt} was interrupted ({Error}).", item.Id, item.Attempts, error);
            await outcomes.RetryLaterAsync(item, message, NextAttempt(item.Attempts), outcomeUnknown: true, error, cancellationToken);
        }
    }

    private async Task AttemptAsync(OutboxItem item, Message message, Conversation conversation, OutboundSend send, long claimedAt,
        CancellationToken cancellationToken)
    {
        // Asked before cancelling: a reply that already reached the phone is recorded as sent even if the person has
        // gone quiet since, so that the console shows what the phone holds.
        var sender = senders.First(s => s.Handles(send.To.Channel));
        switch (item.OutcomeUnknown ? await sender.FindEarlierAttemptAsync(send, cancellationToken) : EarlierAttempt.None)
        {
            case EarlierAttempt.Found earlier:
                logger.LogInformation("Outbox message {OutboxId}: an earlier attempt had reached the provider; not sending again.", item.Id);
                await outcomes.SentAsync(item, message, earlier.ProviderMessageId, DeliveryStatuses.Queued, cancellationToken);
                return;
            case EarlierAttempt.CouldNotAsk couldNotAsk:
                logger.LogWarning("Outbox message {OutboxId}: whether an earlier attempt arrived is still unknown ({Error}); asking again later.",
                    item.Id, couldNotAsk.Error);
                await outcomes.RetryLaterAsync(item, message, NextAttempt(item.Attempts), outcomeUnknown: true, couldNotAsk.Error, cancellationToken);
                return;
        }

        if (!MaySend(conversation, item))
        {
            await outcomes.CancelledAsync(item, message, conversation.StatusReason ?? "The conversation does not accept messages now.", cancellationToken);
            return;
        }

        if (item.Attempts > _options.MaxAttempts)
        {
            await outcomes.FailedAsync(item, message, $"Not sent after {_options.MaxAttempts} attempts: {item.LastError}", cancellationToken);
            return;
        }

        // Written while the window was open, but still unsent after it closed (a backlog, an outage): free text would be refused.
        if (!item.Reengagement && WhatsAppWindow.IsClosed(conversation, time.GetUtcNow()))
        {
            await outcomes.HeldAsync(item, message, conversation, cancellationToken);
            return;
        }

        await sender.WaitForTurnAsync(send, cancellationToken);
        if (!await StillHeldAfterWaitingAsync(item, claimedAt, cancellationToken))
        {
            logger.LogWarning("Outbox message {OutboxId}: another dispatcher claimed it while this one waited for the send rate; left to that one.", item.Id);
            return;
        }

        var result = await sender.SendAsync(send, cancellationToken);
        var recorded = result switch
        {
            SendResult.Accepted accepted => await outcomes.SentAsync(item, message, accepted.ProviderMessageId, accepted.Status, cancellationToken),
            SendResult.Rejected rejected => await outcomes.FailedAsync(item, message, rejected.Error, cancellationToken),
            SendResult.WindowClosed => await outcomes.HeldAsync(item, message, conversation, cancellationToken),
            SendResult.NotAccepted notAccepted => await RetryOrFailAsync(item, message, outcomeUnknown: false, notAccepted.Error, cancellationToken),
            SendResult.Unknown unknown => await RetryOrFailAsync(item, message, outcomeUnknown: true, unknown.Error, cancellationToken),
            _ => throw new InvalidOperationException($"Unexpected send result {result}."),
        };
        if (!recorded)
        {
            logger.LogWarning("Outbox message {OutboxId}: the lease was lost before the outcome was recorded.", item.Id);
        }
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

    private TimeSpan Lease => TimeSpan.FromSeconds(_options.LeaseSeconds);

    /// <summary>
    /// Never text first: a quiet conversation gets only the last word of the turn that made it quiet, and only
    /// while it is still that quiet spell (the version that turn wrote); an opted-out one gets nothing.
    /// </summary>
    private static bool MaySend(Conversation conversation, OutboxItem item) => conversation.Status switch
    {
        ConversationStatus.Active => true,
        ConversationStatus.Quiet => item.SendWhileQuietAtVersion == conversation.Version,
        _ => false,
    };

    /// <summary>
    /// A last attempt that might have reached the provider is not failed at once: it stays unknown, and
    /// the next pass asks the provider before it decides.
    /// </summary>
    private Task<bool> RetryOrFailAsync(OutboxItem item, Message message, bool outcomeUnknown, string error, CancellationToken cancellationToken) =>
        item.Attempts >= _options.MaxAttempts && !outcomeUnknown
            ? outcomes.FailedAsync(item, message, $"Not sent after {item.Attempts} attempts: {error}", cancellationToken)
            : outcomes.RetryLaterAsync(item, message, NextAttempt(item.Attempts), outcomeUnknown, error, cancellationToken);

    /// <summary>Exponential backoff with jitter, so that instances retrying together spread out.</summary>
    private DateTimeOffset NextAttempt(int attempts)
    {
        var ceiling = Math.Min(_options.RetryMaxSeconds * 1000.0, _options.RetryBaseMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        var delay = ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2;
        return time.GetUtcNow() + TimeSpan.FromMilliseconds(delay);
    }
}
