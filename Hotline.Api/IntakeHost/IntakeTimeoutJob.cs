using System.Data.Common;
using Hotline.Api.BotConnector;
using Hotline.Api.Inbound;
using Hotline.Api.Quarantine;

namespace Hotline.Api.IntakeHost;

/// <summary>
/// Hands an intake left unanswered to a caseworker with the answers so far, or ends the intake of a case
/// queued early that still asks (its triage then stops being provisional). The engine decides; this only asks
/// it about conversations that have gone silent. The engine never replies to a tick: the hotline never texts first.
/// A conversation the person made quiet by closing the chat is silent too: the engine never heard of the closing (its
/// intake still asks), and a story left in a closed chat must reach a caseworker as one left unanswered by SMS does.
/// </summary>
public sealed class IntakeTimeoutJob(
    Database database,
    ConversationRepository conversations,
    CaseQueue queue,
    IntakeEngines engines,
    EngineTurnApplier applier,
    QuarantineStore quarantine,
    IOptions<IntakeHostOptions> options,
    TimeProvider time,
    ILogger<IntakeTimeoutJob> logger, Health.LoopWatch loops) : PeriodicJob(time, logger, loops)
{
    /// <summary>Conversations silent for longer than this past the hand-off time are not looked at again.</summary>
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(2);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.TickIntervalSeconds);

    protected override string PassName => "Checking silent intakes";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => TickSilentIntakesAsync(cancellationToken);

    /// <summary>One pass; the number of conversations whose turn changed something.</summary>
    public async Task<int> TickSilentIntakesAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var silentSince = now - TimeSpan.FromMinutes(options.Value.UnansweredHandoffMinutes);
        IReadOnlyList<Guid> silent;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            silent = (await session.QueryAsync<Guid>("Conversations_ReadSilentIntakes",
                new { SilentSince = silentSince, NotBefore = silentSince - LookBack, ChatClosedReason = ChatConversationEvents.ClosedReason },
                cancellationToken)).ToList();
        }

        var changed = 0;
        foreach (var id in silent)
        {
            try
            {
                changed += await TickAsync(id, now, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException || (ex is DbException db && DbErrors.IsDeadlockVictim(db)))
            {
                // The person wrote (or their chat closed) between this pass's read and its write: on SQL Server a message commits
                // beside the pass, not after it, or the two deadlock and this one is rolled back. Their message has moved the
                // conversation on, or the next pass sees it again.
                Logger.LogInformation("Silent intake {ConversationId} changed while its timeout was applied; left to the next pass.", id);
            }
            catch (Exception ex) when (UnreadableRow.Reason(ex) is { } reason)
            {
                // A conversation whose address or engine state cannot be read holds up only itself.
                await quarantine.SetAsideAsync(QuarantineSources.Conversation, id.ToString(), reason, ex, cancellationToken);
            }
        }

        return changed;
    }

    private async Task<bool> TickAsync(Guid conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var conversation = await conversations.FindByIdAsync(session, conversationId, cancellationToken);
        var chatClosed = conversation is { Status: ConversationStatus.Quiet, StatusReason: ChatConversationEvents.ClosedReason };
        if (conversation is null || (conversation.Status != ConversationStatus.Active && !chatClosed))
        {
            return false;
        }

        var openCase = await queue.FindOpenForIntakeAsync(session, conversationId, cancellationToken);
        var engine = (await engines.ForConversationAsync(session, conversation, cancellationToken)).Engine;
        var turn = engine.Tick(EngineSnapshots.Of(conversation, openCase, registeredLanguage: null), now);
        if (turn.Events.Count == 0 && turn.State == conversation.EngineState)
        {
            return false;
        }

        await applier.ApplyAsync(session, conversation, openCase?.Id, turn with { Replies = [], Events = chatClosed ? KeepingChatClosed(turn.Events) : turn.Events },
            cancellationToken);
        await session.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// A closed chat is quiet already, for a reason the caseworker needs: nothing reaches the person until they open it and
    /// write. The engine's own going quiet (nobody has said it is safe) would replace that reason with "went silent"; its state
    /// keeps the wait all the same, so their next message is asked whether it is safe to write.
    /// </summary>
    private static IReadOnlyList<EngineEvent> KeepingChatClosed(IReadOnlyList<EngineEvent> events) =>
        [.. events.Where(e => e is not WentQuiet and not WaitsUntilSafe)];
}
