using System.Diagnostics;
using Hotline.Api.Availability;
using Hotline.Api.Casework;
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
    SafetyQuestionReplies safetyQuestions,
    HotlineMetrics metrics)
{
    private const int Attempts = 3;

    public async Task<IngestOutcome> IngestAsync(InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await TryIngestAsync(envelope, cancellationToken);
                metrics.MessageReceived(envelope.From.Channel, repeat: outcome.Kind == IngestResult.Duplicate);
                return outcome;
            }
            catch (Exception ex) when (attempt < Attempts && IsRace(ex))
            {
                // On SQL Server another transaction (of this instance or another) committed first for the same message or
                // person: it stored the message, or created or changed the conversation; or the two deadlocked (a caseworker's
                // first reply takes the same rows) and this one was rolled back. The next attempt sees the other's work.
                // SQLite's single writer leaves no such race.
            }
        }
    }

    /// <summary>
    /// Reads, takes the engine's turn and writes in the one transaction. On SQLite that transaction is the single writer's,
    /// so nothing it decides on can be stale, and its connection keeps its pages cached across its own commits: the
    /// message's reads find them there, where a reading connection, whose cache every commit empties, would read each
    /// page from the file again. On SQL Server the conversation's version and the unique indexes refuse what a concurrent
    /// transaction changed first (retried above); its reads of the open case take no lock.
    /// </summary>
    private async Task<IngestOutcome> TryIngestAsync(InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        var teams = await availability.AtAsync(envelope.ReceivedAt, cancellationToken);
        using var span = HotlineActivities.Source.StartActivity(HotlineActivities.Store);
        span?.SetTag("hotline.channel", envelope.From.Channel.ToString());
        var outcome = await database.WriteAsync((session, token) => StoreAsync(session, envelope, teams, span, token), cancellationToken);
        span?.SetTag("hotline.result", outcome.Kind.ToString());
        return outcome;
    }

    private async Task<IngestOutcome> StoreAsync(DbSession session, InboundEnvelope envelope, ServiceAvailability teams, Activity? span,
        CancellationToken cancellationToken)
    {
        // Grouped writes may run on another caller's flow: the replies written here record this message's trace.
        if (span is not null)
        {
            Activity.Current = span;
        }

        var channel = envelope.From.Channel;
        if (await messages.FindRepeatAsync(session, channel, envelope.ChannelMessageId, cancellationToken) is { } known)
        {
            return new IngestOutcome(IngestResult.Duplicate, known.ConversationId, known.CaseId);
        }

        var found = await conversations.FindByAddressAsync(session, envelope.From, cancellationToken);
        var conversation = found ?? await conversations.CreateAsync(session, envelope.From, null, cancellationToken);
        var openCase = await queue.FindOpenForIntakeAsync(session, conversation.Id, cancellationToken);
        var chosen = await engines.ForConversationAsync(session, conversation, cancellationToken);
        // Read before this message releases what WhatsApp held: a question it releases has not reached the phone either.
        var question = await safetyQuestions.WhereIsAsync(session, conversation, cancellationToken);
        var earlier = await safetyQuestions.WhereIsEarlierAsync(session, conversation, question, cancellationToken);
        var turn = TakeTurn(chosen.Engine, envelope, teams, conversation, openCase,
            await RegisteredLanguageAsync(session, envelope, conversation, cancellationToken), question, earlier);

        // Writing again ends a quiet spell, the person having chosen to talk, unless the engine asks first whether it is safe, or
        // they asked for nothing more (STOP: opted out, not awake). A turn the engine failed to take decided nothing (its state
        // is kept, waiting as it was): the quiet spell stays.
        var wakes = conversation.Status == ConversationStatus.Quiet && !turn.Events.Any(e => e is WaitsUntilSafe or WentQuiet or OptedOut)
            && !EngineFaultHandoff.IsFaultTurn(turn);
        var awake = conversation with
        {
            Status = wakes ? ConversationStatus.Active : conversation.Status,
            StatusReason = wakes ? null : conversation.StatusReason,
            LastInboundAt = envelope.ReceivedAt,
            TranslationVersion = chosen.TranslationVersion,
            // Once seen to have left, the question stays on the phone; one that never left never will, and the engine closed it:
            // no later message needs to ask again. One on its way, or whose send's outcome is not settled, is asked about again.
            // A latest asking that never left gives way to the earlier one, followed from now on if it is still to settle.
            SafetyQuestionMessageId = SafetyQuestionReplies.StillToSettle(question) ? conversation.SafetyQuestionMessageId
                : question == CaseworkerQuestion.NeverLeft && SafetyQuestionReplies.StillToSettle(earlier) ? conversation.EarlierSafetyQuestionMessageId
                : null,
            EarlierSafetyQuestionMessageId = SafetyQuestionReplies.StillToSettle(question) ? conversation.EarlierSafetyQuestionMessageId : null,
        };
        var applied = await applier.ApplyAsync(session, awake, openCase?.Id, turn, cancellationToken, wokeUpFrom: wakes ? conversation : null);

        var message = new Message(RowIds.Version7(envelope.ReceivedAt), conversation.Id, applied.CaseId, MessageDirection.Inbound, channel,
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

    private static EngineTurn TakeTurn(IConversationEngine engine, InboundEnvelope envelope, ServiceAvailability teams, Conversation conversation,
        OpenCase? openCase, string? registeredLanguage, CaseworkerQuestion caseworkerQuestion, CaseworkerQuestion earlierCaseworkerQuestion) =>
        engine.Handle(EngineSnapshots.Of(conversation, openCase, registeredLanguage, caseworkerQuestion, earlierCaseworkerQuestion),
            new InboundMessage(envelope.Text, envelope.Media.Count, envelope.Locale, envelope.ReceivedAt, teams));

    /// <summary>Only a conversation whose language is not yet known needs the SIM registry.</summary>
    private Task<string?> RegisteredLanguageAsync(DbSession session, InboundEnvelope envelope, Conversation conversation,
        CancellationToken cancellationToken) =>
        conversation.Language is null ? sims.FindLanguageAsync(session, envelope.From, cancellationToken) : Task.FromResult<string?>(null);

    private static bool IsRace(Exception ex) =>
        ex is ConcurrencyConflictException || (ex is DbException db && (DbErrors.IsUniqueViolation(db) || DbErrors.IsDeadlockVictim(db)));
}
