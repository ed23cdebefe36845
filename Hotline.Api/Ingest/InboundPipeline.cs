using System.Data.Common;
using System.Text.Json;
using Hotline.Api.Cases;
using Hotline.Api.Conversations;
using Hotline.Api.Messages;
using Hotline.Api.Outbox;
using Hotline.Api.Sims;
using Hotline.Api.Storage;
using Hotline.Bot.Conversations;

namespace Hotline.Api.Ingest;

/// <summary>
/// The one way in for every channel: in a single transaction it stores the message, runs the
/// conversation engine, applies what it decided (case, status, replies in the outbox) and saves the
/// engine's state. Only after the commit does the webhook answer, so an acknowledged message is durable;
/// on SQLite, messages arriving together share that commit (<see cref="Database.WriteAsync{T}"/>).
/// A repeat of a channel message id changes nothing and gets the same answer.
/// </summary>
public sealed class InboundPipeline(
    Database database,
    ConversationRepository conversations,
    MessageRepository messages,
    CaseQueue queue,
    CaseEventLog events,
    IConversationEngine engine,
    EngineTurnApplier applier,
    SimRegistry sims)
{
    private const int Attempts = 3;

    public async Task<IngestOutcome> IngestAsync(InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryIngestAsync(envelope, readAhead: attempt < Attempts, cancellationToken);
            }
            catch (Exception ex) when (attempt < Attempts && IsRace(ex))
            {
                // A concurrent request for the same message or person committed first, or the conversation
                // read ahead was stale; the next attempt sees the other's work.
            }
        }
    }

    /// <summary>
    /// Reads what it can before joining the single writer: a read takes no lock in WAL mode, so the
    /// writer's time goes to writing. The conversation read ahead is checked by its version when it is
    /// saved; the last attempt reads it inside the transaction, where it cannot be stale.
    /// </summary>
    private async Task<IngestOutcome> TryIngestAsync(InboundEnvelope envelope, bool readAhead, CancellationToken cancellationToken)
    {
        ReadAhead? ahead = null;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            // A repeat is recognised without waiting for the writer.
            if (await messages.FindByChannelMessageIdAsync(session, envelope.From.Channel, envelope.ChannelMessageId, cancellationToken) is { } repeat)
            {
                return new IngestOutcome(IngestResult.Duplicate, repeat.ConversationId, repeat.CaseId);
            }

            if (readAhead)
            {
                var conversation = await conversations.FindByAddressAsync(session, envelope.From, cancellationToken);
                ahead = new ReadAhead(conversation, await RegisteredLanguageAsync(session, envelope, conversation, cancellationToken));
            }
        }

        return await database.WriteAsync((session, token) => StoreAsync(session, envelope, ahead, token), cancellationToken);
    }

    private async Task<IngestOutcome> StoreAsync(DbSession session, InboundEnvelope envelope, ReadAhead? ahead, CancellationToken cancellationToken)
    {
        var channel = envelope.From.Channel;
        // With a read ahead, a repeat that got past the first check is refused by the unique index on the
        // message id and the retry finds the original; the last attempt checks here, so it cannot fail that way.
        if (ahead is null && await messages.FindByChannelMessageIdAsync(session, channel, envelope.ChannelMessageId, cancellationToken) is { } known)
        {
            return new IngestOutcome(IngestResult.Duplicate, known.ConversationId, known.CaseId);
        }

        var found = ahead is null ? await conversations.FindByAddressAsync(session, envelope.From, cancellationToken) : ahead.Conversation;
        var conversation = found ?? await conversations.CreateAsync(session, envelope.From, null, cancellationToken);
        var openCase = await queue.FindOpenForIntakeAsync(session, conversation.Id, cancellationToken);
        var registered = ahead is null ? await RegisteredLanguageAsync(session, envelope, conversation, cancellationToken) : ahead.RegisteredLanguage;
        var snapshot = EngineSnapshots.Of(conversation, openCase, registered);
        var turn = engine.Handle(snapshot, new InboundMessage(envelope.Text, envelope.Media.Count, envelope.Locale, envelope.ReceivedAt));

        // Writing again ends a quiet spell: the person has chosen to talk.
        var awake = conversation with
        {
            Status = conversation.Status == ConversationStatus.Quiet ? ConversationStatus.Active : conversation.Status,
            StatusReason = conversation.Status == ConversationStatus.Quiet ? null : conversation.StatusReason,
            LastInboundAt = envelope.ReceivedAt,
        };
        var applied = await applier.ApplyAsync(session, awake, openCase?.Id, turn, cancellationToken);

        var message = new Message(Guid.CreateVersion7(envelope.ReceivedAt), conversation.Id, applied.CaseId, MessageDirection.Inbound, channel,
            envelope.ChannelMessageId, envelope.Text, envelope.Media.Count == 0 ? null : JsonSerializer.Serialize(envelope.Media),
            0, null, DeliveryStatuses.Received, envelope.ReceivedAt);
        await messages.AddAsync(session, message, cancellationToken);
        if (applied.CaseId is { } caseId)
        {
            await events.AppendAsync(session, caseId, CaseEventTypes.MessageReceived,
                new { MessageId = message.Id, Channel = channel.ToString(), MediaCount = envelope.Media.Count }, null, cancellationToken);
        }

        await applier.QueueRepliesAsync(session, applied.Conversation, applied.CaseId, turn, cancellationToken);
        return new IngestOutcome(IngestResult.Stored, conversation.Id, applied.CaseId);
    }

    /// <summary>Only a conversation whose language is not yet known needs the SIM registry.</summary>
    private Task<string?> RegisteredLanguageAsync(DbSession session, InboundEnvelope envelope, Conversation? conversation,
        CancellationToken cancellationToken) =>
        conversation?.Language is null ? sims.FindLanguageAsync(session, envelope.From, cancellationToken) : Task.FromResult<string?>(null);

    private static bool IsRace(Exception ex) =>
        ex is ConcurrencyConflictException || (ex is DbException db && DbErrors.IsUniqueViolation(db));

    private sealed record ReadAhead(Conversation? Conversation, string? RegisteredLanguage);
}
