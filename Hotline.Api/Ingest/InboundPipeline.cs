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
/// engine's state. Only after the commit does the webhook answer, so an acknowledged message is durable.
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
                return await TryIngestAsync(envelope, cancellationToken);
            }
            catch (Exception ex) when (attempt < Attempts && IsRace(ex))
            {
                // A concurrent request for the same message or person committed first; the next attempt sees its work.
            }
        }
    }

    private async Task<IngestOutcome> TryIngestAsync(InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        // A repeat is recognised without waiting for the writer (a read takes no lock in WAL mode); the
        // check is made again inside the transaction, where it is decisive.
        if (await FindKnownAsync(envelope, cancellationToken) is { } repeat)
        {
            return repeat;
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        var channel = envelope.From.Channel;
        if (await messages.FindByChannelMessageIdAsync(session, channel, envelope.ChannelMessageId, cancellationToken) is { } known)
        {
            return new IngestOutcome(IngestResult.Duplicate, known.ConversationId, known.CaseId);
        }

        var conversation = await conversations.FindByAddressAsync(session, envelope.From, cancellationToken)
            ?? await conversations.CreateAsync(session, envelope.From, null, cancellationToken);
        var openCase = await queue.FindOpenAsync(session, conversation.Id, cancellationToken);
        // Only a conversation whose language is not yet known needs the registry.
        var registered = conversation.Language is null ? await sims.FindLanguageAsync(session, envelope.From, cancellationToken) : null;
        var snapshot = EngineSnapshots.Of(conversation, openCase, registered);
        var turn = engine.Handle(snapshot, new InboundMessage(envelope.Text, envelope.Media.Count, envelope.Locale, envelope.ReceivedAt));

        // Writing again ends a quiet spell: the person has chosen to talk.
        var awake = conversation with
        {
            Status = conversation.Status == ConversationStatus.Quiet ? ConversationStatus.Active : conversation.Status,
            StatusReason = conversation.Status == ConversationStatus.Quiet ? null : conversation.StatusReason,
            LastInboundAt = envelope.ReceivedAt,
        };
        var applied = await applier.ApplyAsync(session, awake, openCase, turn, cancellationToken);

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
        await session.CommitAsync(cancellationToken);
        return new IngestOutcome(IngestResult.Stored, conversation.Id, applied.CaseId);
    }

    private async Task<IngestOutcome?> FindKnownAsync(InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        var known = await messages.FindByChannelMessageIdAsync(session, envelope.From.Channel, envelope.ChannelMessageId, cancellationToken);
        return known is null ? null : new IngestOutcome(IngestResult.Duplicate, known.ConversationId, known.CaseId);
    }

    private static bool IsRace(Exception ex) =>
        ex is ConcurrencyConflictException || (ex is DbException db && DbErrors.IsUniqueViolation(db));
}
