using System.Diagnostics.Metrics;

namespace Hotline.Api.IntakeHost;

/// <summary>
/// What the host does when the conversation engine throws, which it is built never to do. A bug must not
/// vanish, and neither may the person who wrote: the fault is logged (the exception's type and where it
/// was thrown, never its message, which may quote what the person wrote), counted, and the conversation is
/// handed to a caseworker with the reason. Nothing is sent to the person, and the engine's state is kept,
/// so a later message is decided from where the conversation was; a quiet conversation stays quiet.
/// </summary>
public sealed class EngineFaultHandoff : IConversationEngine
{
    /// <summary>The service key of the engine this guards.</summary>
    public const string GuardedEngine = "guarded";

    public const string Reason = "engine_fault";

    public const string MeterName = "Hotline.Intake";

    public const string FaultCounterName = "hotline.engine.faults";

    private readonly IConversationEngine _engine;
    private readonly ILogger<EngineFaultHandoff> _logger;
    private readonly Counter<long> _faults;

    public EngineFaultHandoff([FromKeyedServices(GuardedEngine)] IConversationEngine engine, ILogger<EngineFaultHandoff> logger, IMeterFactory meters)
    {
        _engine = engine;
        _logger = logger;
        _faults = meters.Create(MeterName).CreateCounter<long>(FaultCounterName, description: "Engine turns and ticks that threw and were handed to a caseworker.");
    }

    private EngineFaultHandoff(IConversationEngine engine, ILogger<EngineFaultHandoff> logger, Counter<long> faults)
    {
        _engine = engine;
        _logger = logger;
        _faults = faults;
    }

    /// <summary>
    /// A turn this guard gave in place of one the engine threw in: it says nothing of whether it is safe to write, so it must
    /// not end a quiet spell (after the discreet word the kept state still waits for the person's "yes").
    /// </summary>
    public static bool IsFaultTurn(EngineTurn turn) => turn.Events.Any(e => e is HandoffRequested { Reason: Reason });

    /// <summary>The same guard around another engine (one built on corrected translations), counting into the same meter.</summary>
    public EngineFaultHandoff Guarding(IConversationEngine engine) => new(engine, _logger, _faults);

    public EngineTurn Handle(ConversationSnapshot conversation, InboundMessage message)
    {
        try
        {
            return _engine.Handle(conversation, message);
        }
        catch (Exception ex)
        {
            return HandOff(conversation, "turn", ex);
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
            return HandOff(conversation, "tick", ex);
        }
    }

    /// <summary>
    /// Not guarded: it is taken inside the caseworker's reply, and an engine that throws here fails that reply, so her question
    /// is never sent without the record that makes a "no" to it hold her next replies.
    /// </summary>
    public string? CaseworkerAskedIfSafe(ConversationSnapshot conversation) => _engine.CaseworkerAskedIfSafe(conversation);

    private EngineTurn HandOff(ConversationSnapshot conversation, string operation, Exception fault)
    {
        _faults.Add(1, new KeyValuePair<string, object?>("operation", operation));
        _logger.LogError("The conversation engine threw {ExceptionType} in a {Operation}; the conversation goes to a caseworker. At:{StackTrace}",
            fault.GetType().FullName, operation, fault.StackTrace);
        // High, not the triage's own band: nobody knows what the person said, and someone should read it soon.
        IReadOnlyList<EngineEvent> events = conversation.HasOpenCase
            ? [new HandoffRequested(Reason)]
            : [new CaseRequested(PriorityBand.High, 0, [Reason]), new HandoffRequested(Reason)];
        return new EngineTurn(conversation.State, conversation.Language, [], events);
    }
}
