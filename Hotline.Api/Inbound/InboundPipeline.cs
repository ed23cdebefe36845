using System.Diagnostics;
using Hotline.Api.Availability;
using Hotline.Api.IntakeHost;
using Hotline.Api.Media;
using Hotline.Api.SimCards;
using Hotline.Api.Tracing;
using Hotline.Api.TwilioDeletion;

namespace Hotline.Api.Inbound;

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
    MediaItemRepository media,
    CaseQueue queue,
    CaseEventLog events,
    IntakeEngines engines,
    EngineTurnApplier applier,
    SimRegistry sims,
    TwilioDeletions twilioDeletions,
    ServiceAvailabilitySource availability,
    WhatsAppHolds whatsAppHolds,
    HotlineMetrics metrics)
{
    private const int Attempts = 3;

    public async Task<IngestOutcome> IngestAsync(InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await TryIngestAsync(envelope, readAhead: attempt < Attempts, cancellationToken);
                metrics.MessageReceived(envelope.From.Channel, repeat: outcome.Kind == IngestResult.Duplicate);
                return outcome;
            }
            catch (Exception ex) when (attempt < Attempts && IsRace(ex))
            {
                // A concurrent request for the same message or person committed first, or the conversation
                // read ahead was stale; the next attempt sees the other's work.
            }
        }
    }

    /// <summary>
    /// Reads and decides what it can before joining the single writer: a read takes no lock in WAL mode,
    /// so the writer's time goes to writing. The engine's turn is taken on what was read ahead. In the
    /// transaction, the turn stands only if the open case is still the one it saw (else the engine runs
    /// again there), and the conversation is checked by its version when it is saved; the last attempt
    /// reads everything inside the transaction, where nothing can be stale.
    /// </summary>
    private async Task<IngestOutcome> TryIngestAsync(InboundEnvelope envelope, bool readAhead, CancellationToken cancellationToken)
    {
        ReadAhead? ahead = null;
        var teams = await availability.AtAsync(envelope.ReceivedAt, cancellationToken);
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            // A repeat is recognised without waiting for the writer; with a read ahead, in the same statement as the rest.
            var lookup = readAhead
                ? await conversations.ReadForInboundAsync(session, envelope.From, envelope.ChannelMessageId, cancellationToken)
                : new InboundLookup(await RepeatedAsync(session, envelope, cancellationToken), null, null);
            if (lookup.Repeat is { } repeat)
            {
                return new IngestOutcome(IngestResult.Duplicate, repeat.ConversationId, repeat.CaseId);
            }

            if (readAhead)
            {
                var (conversation, openCase) = (lookup.Conversation, lookup.OpenCase);
                var registered = await RegisteredLanguageAsync(session, envelope, conversation, cancellationToken);
                var chosen = conversation is null ? null : await engines.ForConversationAsync(session, conversation, cancellationToken);
                ahead = new ReadAhead(conversation, registered, openCase,
                    chosen is null ? null : TakeTurn(chosen.Engine, envelope, teams, conversation!, openCase, registered), chosen?.TranslationVersion ?? 0);
            }
        }

        using var span = HotlineActivities.Source.StartActivity(HotlineActivities.Store);
        span?.SetTag("hotline.channel", envelope.From.Channel.ToString());
        var outcome = await database.WriteAsync((session, token) => StoreAsync(session, envelope, teams, ahead, span, token), cancellationToken);
        span?.SetTag("hotline.result", outcome.Kind.ToString());
        return outcome;
    }

    private async Task<IngestOutcome> StoreAsync(DbSession session, InboundEnvelope envelope, ServiceAvailability teams, ReadAhead? ahead, Activity? span,
        CancellationToken cancellationToken)
    {
        // Grouped writes may run on another caller's flow: the replies written here record this message's trace.
        if (span is not null)
        {
            Activity.Current = span;
        }

        var channel = envelope.From.Channel;
        // With a read ahead, a repeat that got past the first check is refused by the unique index on the
        // message id and the retry finds the original; the last attempt checks here, so it cannot fail that way.
        if (ahead is null && await RepeatedAsync(session, envelope, cancellationToken) is { } known)
        {
            return new IngestOutcome(IngestResult.Duplicate, known.ConversationId, known.CaseId);
        }

        var found = ahead is null ? await conversations.FindByAddressAsync(session, envelope.From, cancellationToken) : ahead.Conversation;
        var conversation = found ?? await conversations.CreateAsync(session, envelope.From, null, cancellationToken);
        var openCase = await queue.FindOpenForIntakeAsync(session, conversation.Id, cancellationToken);
        EngineTurn turn;
        long translationVersion;
        if (ahead?.Turn is { } decided && ahead.OpenCase == openCase)
        {
            (turn, translationVersion) = (decided, ahead.TranslationVersion);
        }
        else
        {
            var chosen = await engines.ForConversationAsync(session, conversation, cancellationToken);
            turn = TakeTurn(chosen.Engine, envelope, teams, conversation, openCase,
                ahead is null ? await RegisteredLanguageAsync(session, envelope, conversation, cancellationToken) : ahead.RegisteredLanguage);
            translationVersion = chosen.TranslationVersion;
        }

        // Writing again ends a quiet spell: the person has chosen to talk.
        var awake = conversation with
        {
            Status = conversation.Status == ConversationStatus.Quiet ? ConversationStatus.Active : conversation.Status,
            StatusReason = conversation.Status == ConversationStatus.Quiet ? null : conversation.StatusReason,
            LastInboundAt = envelope.ReceivedAt,
            TranslationVersion = translationVersion,
        };
        var applied = await applier.ApplyAsync(session, awake, openCase?.Id, turn, cancellationToken);

        var message = new Message(Guid.CreateVersion7(envelope.ReceivedAt), conversation.Id, applied.CaseId, MessageDirection.Inbound, channel,
            envelope.ChannelMessageId, envelope.Text, envelope.Media.Count == 0 ? null : JsonSerializer.Serialize(envelope.Media),
            0, null, DeliveryStatuses.Received, envelope.ReceivedAt);
        await messages.AddAsync(session, message, cancellationToken);
        await media.AddAsync(session, message.Id, conversation.Id, channel,
            envelope.Media.Select(m => new MediaSource(m.Url, m.ContentType, m.ServiceUrl)).ToList(), cancellationToken);
        if (envelope.Media.Count == 0)
        {
            // Stored here, so the provider's copy (text, number) has served its purpose. A message with photos is
            // left to the media job, which deletes each photo at Twilio once it is kept: deleting the message
            // now would take the photos with it before they were fetched.
            await twilioDeletions.EnqueueAsync(session, channel, envelope.ChannelMessageId, cancellationToken);
        }
        if (channel == Channel.WhatsApp)
        {
            // The person wrote: WhatsApp's window is open again, and what waited for it goes before any reply to this message.
            await whatsAppHolds.ReleaseAsync(session, conversation.Id, cancellationToken);
        }

        if (applied.CaseId is { } caseId)
        {
            await events.AppendAsync(session, caseId, CaseEventTypes.MessageReceived,
                new { MessageId = message.Id, Channel = channel.ToString(), MediaCount = envelope.Media.Count }, null, cancellationToken);
        }

        await applier.QueueRepliesAsync(session, applied.Conversation, applied.CaseId, turn, cancellationToken);
        return new IngestOutcome(IngestResult.Stored, conversation.Id, applied.CaseId);
    }

    private async Task<RepeatedMessage?> RepeatedAsync(DbSession session, InboundEnvelope envelope, CancellationToken cancellationToken) =>
        await messages.FindByChannelMessageIdAsync(session, envelope.From.Channel, envelope.ChannelMessageId, cancellationToken) is { } stored
            ? new RepeatedMessage(stored.ConversationId, stored.CaseId)
            : null;

    private static EngineTurn TakeTurn(IConversationEngine engine, InboundEnvelope envelope, ServiceAvailability teams, Conversation conversation,
        OpenCase? openCase, string? registeredLanguage) =>
        engine.Handle(EngineSnapshots.Of(conversation, openCase, registeredLanguage),
            new InboundMessage(envelope.Text, envelope.Media.Count, envelope.Locale, envelope.ReceivedAt, teams));

    /// <summary>Only a conversation whose language is not yet known needs the SIM registry.</summary>
    private Task<string?> RegisteredLanguageAsync(DbSession session, InboundEnvelope envelope, Conversation? conversation,
        CancellationToken cancellationToken) =>
        conversation?.Language is null ? sims.FindLanguageAsync(session, envelope.From, cancellationToken) : Task.FromResult<string?>(null);

    private static bool IsRace(Exception ex) =>
        ex is ConcurrencyConflictException || (ex is DbException db && DbErrors.IsUniqueViolation(db));

    /// <summary>What was read, and the turn taken on it (in the translations of <paramref name="TranslationVersion"/>), before the
    /// message joined the writer; no turn for a new conversation.</summary>
    private sealed record ReadAhead(Conversation? Conversation, string? RegisteredLanguage, OpenCase? OpenCase, EngineTurn? Turn, long TranslationVersion);
}
