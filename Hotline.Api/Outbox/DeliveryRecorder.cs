using System.Data.Common;
using Hotline.Api.TwilioDeletion;

namespace Hotline.Api.Outbox;

/// <summary>
/// Moves a sent message's delivery status forward only. A provider's callback can arrive before the
/// send that it reports on is recorded; it then waits in EarlyDeliveryStatuses and is applied when the
/// send is recorded, so no status is lost whatever the order.
/// A message that reaches a final status is deleted at the provider afterwards (<see cref="TwilioDeletions"/>).
/// </summary>
public sealed class DeliveryRecorder(Database database, CaseEventLog events, TwilioDeletions twilioDeletions, WhatsAppHolds holds, TimeProvider time)
{
    private const int CallbackAttempts = 3;

    /// <summary>How an early 63016 callback is kept (its error as the callback endpoint describes it), to be recognised once the send is recorded.</summary>
    private static readonly string WindowClosedError =
        TwilioErrors.DescribeCode(TwilioErrors.WhatsAppWindowClosed.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <param name="windowClosed">WhatsApp refused the message outside its 24-hour window (63016): it is held, not failed.</param>
    public async Task RecordCallbackAsync(Channel channel, string providerMessageId, string status, string? error, bool windowClosed,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await database.WriteAsync((session, token) => RecordCallbackAsync(session, channel, providerMessageId, status, error, windowClosed, token),
                    cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < CallbackAttempts)
            {
                // On SQL Server a message of the person's changed the conversation while a 63016 opened her question in it
                // again (WhatsAppHolds.HoldSentAsync); the next attempt reads it as that message left it. Twilio does not send
                // the callback again.
            }
            catch (DbException ex) when (DbErrors.IsDeadlockVictim(ex) && attempt < CallbackAttempts)
            {
                // On SQL Server holding her reply again appends a case event (the counter) and then opens her question in the
                // conversation; a message of the person's that appends no case event takes the conversation, then the counter.
                // Either may be chosen as the victim, its transaction rolled back whole: lost here, the hold would never be
                // released, since Twilio does not send the callback again.
            }
        }
    }

    private async Task RecordCallbackAsync(DbSession session, Channel channel, string providerMessageId, string status, string? error,
        bool windowClosed, CancellationToken cancellationToken)
    {
        var rank = DeliveryStatuses.Rank(status);
        var receivedAt = time.GetUtcNow();
        var message = await session.QuerySingleOrDefaultAsync<DeliveryTarget>("Messages_ReadByChannelMessageIdForDelivery",
            new { Channel = channel.ToString(), ChannelMessageId = providerMessageId }, cancellationToken);
        var args = new
        {
            Channel = channel.ToString(),
            ChannelMessageId = providerMessageId,
            DeliveryStatus = status.ToLowerInvariant(),
            DeliveryRank = rank,
            DeliveryError = error,
            Delivered = DeliveryStatuses.IsDelivered(status) ? 1 : 0,
            ReceivedAt = receivedAt,
        };
        if (message is not null && windowClosed)
        {
            // Nothing reached the phone: the reply waits for the person, and Twilio's refused copy is deleted like any final one.
            if (await holds.HoldSentAsync(session, message.Id, message.CaseId, cancellationToken))
            {
                await twilioDeletions.EnqueueAsync(session, channel, providerMessageId, cancellationToken);
            }
        }
        else if (message is null)
        {
            var waiting = await session.QuerySingleOrDefaultAsync<EarlyStatus>("EarlyDeliveryStatuses_ReadByChannelMessageId", args, cancellationToken);
            await session.ExecuteAsync(waiting is null ? "EarlyDeliveryStatuses_Create" : "EarlyDeliveryStatuses_Advance", args, cancellationToken);
        }
        else if (await session.ExecuteAsync("Messages_AdvanceDelivery", args, cancellationToken) == 1)
        {
            if (DeliveryStatuses.IsFinal(rank) && !DeliveryStatuses.IsFinal(message.DeliveryRank))
            {
                await twilioDeletions.EnqueueAsync(session, channel, providerMessageId, cancellationToken);
            }

            if (message.CaseId is { } caseId)
            {
                await events.AppendAsync(session, caseId, CaseEventTypes.MessageStatusChanged,
                    new { MessageId = message.Id, Status = args.DeliveryStatus, Error = error }, null, cancellationToken);
            }
        }
    }

    /// <summary>Records the provider's id on the message inside the caller's transaction, then any status that came early.</summary>
    public async Task RecordSentAsync(DbSession session, Message message, string providerMessageId, string status, DateTimeOffset sentAt,
        CancellationToken cancellationToken)
    {
        var key = new { Channel = message.Channel.ToString(), ChannelMessageId = providerMessageId };
        var rank = DeliveryStatuses.TryRank(status, out var known) ? known : DeliveryStatuses.Rank(DeliveryStatuses.Queued);
        await session.ExecuteAsync("Messages_MarkSent", new
        {
            message.Id,
            key.ChannelMessageId,
            DeliveryStatus = status.ToLowerInvariant(),
            DeliveryRank = rank,
            SentAt = sentAt,
        }, cancellationToken);
        var early = await session.QuerySingleOrDefaultAsync<EarlyStatus>("EarlyDeliveryStatuses_ReadByChannelMessageId", key, cancellationToken);
        if (early?.DeliveryError == WindowClosedError)
        {
            // WhatsApp's 63016 overtook the record of this send: the reply is held, as if the callback had come after it.
            await session.ExecuteAsync("EarlyDeliveryStatuses_Delete", key, cancellationToken);
            await twilioDeletions.EnqueueAsync(session, message.Channel, providerMessageId, cancellationToken);
            await holds.HoldSentAsync(session, message.Id, message.CaseId, cancellationToken);
            return;
        }

        var final = early is not null && early.DeliveryRank > rank ? early.DeliveryStatus : status.ToLowerInvariant();
        if (DeliveryStatuses.IsFinal(Math.Max(rank, early?.DeliveryRank ?? 0)))
        {
            await twilioDeletions.EnqueueAsync(session, message.Channel, providerMessageId, cancellationToken);
        }

        if (early is not null)
        {
            await session.ExecuteAsync("Messages_AdvanceDelivery", new
            {
                key.Channel,
                key.ChannelMessageId,
                early.DeliveryStatus,
                early.DeliveryRank,
                early.DeliveryError,
                Delivered = DeliveryStatuses.IsDelivered(early.DeliveryStatus) ? 1 : 0,
                early.ReceivedAt,
            }, cancellationToken);
            await session.ExecuteAsync("EarlyDeliveryStatuses_Delete", key, cancellationToken);
        }

        if (message.CaseId is { } caseId)
        {
            await events.AppendAsync(session, caseId, CaseEventTypes.MessageStatusChanged,
                new { MessageId = message.Id, Status = final, Error = (string?)null }, null, cancellationToken);
        }
    }

    private sealed record DeliveryTarget
    {
        public Guid Id { get; init; }
        public Guid? CaseId { get; init; }
        public int DeliveryRank { get; init; }
    }

    private sealed record EarlyStatus
    {
        public string DeliveryStatus { get; init; } = "";
        public int DeliveryRank { get; init; }
        public string? DeliveryError { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
    }
}
