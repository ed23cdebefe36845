using System.Diagnostics.Metrics;
using Hotline.Bot.Intake.Engine;

namespace Hotline.Api.IntakeHost;

/// <summary>
/// What the host does when the conversation engine throws, which it is built never to do. A bug must not
/// vanish, and neither may the person who wrote: the fault is logged (the exception's type and where it
/// was thrown, never its message, which may quote what the person wrote), counted, and the conversation is
/// handed to a caseworker with the reason. Nothing is sent to the person, and the engine's state is kept,
/// so a later message is decided from where the conversation was; a quiet conversation stays quiet. A message that is STOP
/// or the discreet word still opts the person out or makes the conversation quiet, recorded in the engine's state as its
/// own turn would (left active, the caseworker who took the hand-off wrote to the phone: WhatsApp and chat have no
/// carrier-side STOP; left out of the state, the person's next message woke the conversation without the safety question).
/// </summary>
public sealed class EngineFaultHandoff : IConversationEngine
{
    /// <summary>The service key of the engine this guards.</summary>
    public const string GuardedEngine = "guarded";

    public const string Reason = "engine_fault";

    /// <summary>The hand-off's reason when the message the engine failed on was STOP: the person is opted out all the same.</summary>
    public const string OptedOutReason = "engine_fault_opted_out";

    /// <summary>The hand-off's reason when the message the engine failed on was the discreet word: the conversation is quiet all the same.</summary>
    public const string DiscreetWordReason = "engine_fault_discreet_word";

    public const string MeterName = "Hotline.Intake";

    public const string FaultCounterName = "hotline.engine.faults";

    private readonly IConversationEngine _engine;
    private readonly ILogger<EngineFaultHandoff> _logger;
    private readonly Counter<long> _faults;
    private readonly DiscreetWord _discreetWord;

    public EngineFaultHandoff([FromKeyedServices(GuardedEngine)] IConversationEngine engine, ILogger<EngineFaultHandoff> logger, IMeterFactory meters,
        IOptions<IntakeHostOptions> options)
    {
        _engine = engine;
        _logger = logger;
        _faults = meters.Create(MeterName).CreateCounter<long>(FaultCounterName, description: "Engine turns and ticks that threw and were handed to a caseworker.");
        _discreetWord = new DiscreetWord(options.Value.DiscreetWord);
    }

    private EngineFaultHandoff(IConversationEngine engine, ILogger<EngineFaultHandoff> logger, Counter<long> faults, DiscreetWord discreetWord)
    {
        _engine = engine;
        _logger = logger;
        _faults = faults;
        _discreetWord = discreetWord;
    }

    /// <summary>
    /// A turn this guard gave in place of one the engine threw in: it says nothing of whether it is safe to write, so it must
    /// not end a quiet spell (after the discreet word the kept state still waits for the person's "yes").
    /// </summary>
    public static bool IsFaultTurn(EngineTurn turn) => turn.Events.Any(e => e is HandoffRequested { Reason: Reason or OptedOutReason or DiscreetWordReason });

    /// <summary>The same guard around another engine (one built on corrected translations), counting into the same meter.</summary>
    public EngineFaultHandoff Guarding(IConversationEngine engine) => new(engine, _logger, _faults, _discreetWord);

    public EngineTurn Handle(ConversationSnapshot conversation, InboundMessage message)
    {
        try
        {
            return _engine.Handle(conversation, message);
        }
        catch (Exception ex)
        {
            return HandOff(conversation, "turn", ex, Silencing(conversation, message));
        }
    }

    public EngineTurn Tick(ConversationSnapshot conversation, DateTimeOffset now)
    {
        try
        {
            return _engine.Tick(conversation, now);
        }
        catch (Exception ex)
        {
            return HandOff(conversation, "tick", ex, silencing: null);
        }
    }

    /// <summary>
    /// Not guarded: it is taken inside the caseworker's reply, and an engine that throws here fails that reply, so her question
    /// is never sent without the record that makes a "no" to it hold her next replies.
    /// </summary>
    public string? CaseworkerAskedIfSafe(ConversationSnapshot conversation) => _engine.CaseworkerAskedIfSafe(conversation);

    public EngineTurn? SilencedWithoutTurn(ConversationSnapshot conversation, InboundMessage message) => _engine.SilencedWithoutTurn(conversation, message);

    /// <summary>
    /// What the message asks of the hotline without a turn: STOP opts the person out, the discreet word makes the conversation
    /// quiet, as the engine's own turn would (its decoy aside: nothing is sent). The engine reads it and records it in its
    /// state (<see cref="IConversationEngine.SilencedWithoutTurn"/>), so the next message takes the path it takes after the
    /// engine's own turn; an engine that throws there too leaves what needs no engine (a carrier keyword, the configured
    /// discreet word) with its state kept. Null for anything else, which only the engine can read.
    /// </summary>
    private Silence? Silencing(ConversationSnapshot conversation, InboundMessage message)
    {
        try
        {
            if (_engine.SilencedWithoutTurn(conversation, message) is { Events: [var silenced, ..] } turn)
            {
                return new Silence(silenced, silenced is OptedOut ? OptedOutReason : DiscreetWordReason, turn.State, [.. turn.Events.Skip(1)]);
            }
        }
        catch (Exception ex)
        {
            _logger.LogError("The conversation engine threw {ExceptionType} reading what the message it failed on asks; read without it. At:{StackTrace}",
                ex.GetType().FullName, ex.StackTrace);
        }

        return OptOutKeywords.Classify(message.Text) is { Kind: KeywordKind.OptOut } stop && !conversation.OptedOut
            ? new Silence(new OptedOut(stop.Keyword), OptedOutReason, conversation.State, [])
            : _discreetWord.Matches(message.Text)
                ? new Silence(new WentQuiet(DiscreetWord.QuietCause), DiscreetWordReason, conversation.State, [])
                : null;
    }

    /// <summary>
    /// What the message the engine failed on silenced, the engine state that records it, and what else the silencing changed
    /// (the discreet word raises an open case's priority, as in the engine's own turn).
    /// </summary>
    private sealed record Silence(EngineEvent Event, string Reason, string? State, IReadOnlyList<EngineEvent> Alongside);

    private EngineTurn HandOff(ConversationSnapshot conversation, string operation, Exception fault, Silence? silencing)
    {
        _faults.Add(1, new KeyValuePair<string, object?>("operation", operation));
        _logger.LogError("The conversation engine threw {ExceptionType} in a {Operation}; the conversation goes to a caseworker. At:{StackTrace}",
            fault.GetType().FullName, operation, fault.StackTrace);
        var handoff = new HandoffRequested(silencing?.Reason ?? Reason);
        // High, not the triage's own band: nobody knows what the person said, and someone should read it soon.
        IReadOnlyList<EngineEvent> events = conversation.HasOpenCase
            ? [handoff]
            : [new CaseRequested(PriorityBand.High, 0, [Reason]), handoff];
        return new EngineTurn(silencing?.State ?? conversation.State, conversation.Language, [], silencing is { } silenced ? [silenced.Event, .. silenced.Alongside, .. events] : events);
    }
}
