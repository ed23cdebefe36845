using Hotline.Bot.Conversations;
using Hotline.Bot.Intake.Scripts;
using Hotline.Bot.Triage;

namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// The scripted intake: asks, in the person's language, whether it is safe to write, whether they are in
/// danger, for consent, then the questions of the ILO indicators and where they are, and hands the conversation
/// to a person with a triaged case. Deterministic, free of I/O, safe to share between threads, and it never
/// throws from <see cref="Handle"/> or <see cref="Tick"/>.
/// </summary>
public sealed class IntakeEngine : IConversationEngine
{
    private static readonly IReadOnlyList<EngineReply> NoReplies = [];
    private static readonly IReadOnlyList<EngineEvent> NoEvents = [];

    /// <summary>Checks that the script, the triage table and the options fit together; throws if they do not.</summary>
    public IntakeEngine(IntakeScript script, TriageRules triage, IntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(triage);
        ArgumentNullException.ThrowIfNull(options);
        Script = script;
        Triage = triage;
        Options = options;
        Lexicon = new Lexicon(script);
        Answers = new AnswerReader(script);
        EngineSetupCheck.Run(script, triage, options, Lexicon);
        DiscreetKeyword = TextNormalizer.Keyword(options.DiscreetWord)!;
        Replies = new ReplyBook(script, options);
        Codec = new StateCodec(script);
    }

    public IntakeScript Script { get; }

    public TriageRules Triage { get; }

    public IntakeOptions Options { get; }

    internal Lexicon Lexicon { get; }

    internal AnswerReader Answers { get; }

    internal ReplyBook Replies { get; }

    internal StateCodec Codec { get; }

    internal string DiscreetKeyword { get; }

    /// <summary>The engine on the script and triage table shipped inside Hotline.Bot.</summary>
    public static IntakeEngine CreateDefault(IntakeOptions? options = null) =>
        new(IntakeScript.LoadDefault(), TriageRules.LoadDefault(), options ?? new IntakeOptions());

    public EngineTurn Handle(ConversationSnapshot conversation, InboundMessage message)
    {
        try
        {
            return new IntakeConversation(this, conversation).Receive(message);
        }
        catch (Exception)
        {
            // Defence in depth: the tests feed every kind of input at every step and this is never reached. If it
            // ever is, a person still gets the conversation rather than the message vanishing.
            return SafetyNet(conversation);
        }
    }

    public EngineTurn Tick(ConversationSnapshot conversation, DateTimeOffset now)
    {
        try
        {
            return new IntakeConversation(this, conversation).Expire(now);
        }
        catch (Exception)
        {
            // A tick that cannot decide does nothing: the next message or tick tries again.
            return new EngineTurn(conversation?.State, conversation?.Language, NoReplies, NoEvents);
        }
    }

    internal static EngineTurn Unchanged(ConversationSnapshot conversation, string? language, IReadOnlyList<EngineEvent> events) =>
        new(conversation.State, language, NoReplies, events.Count == 0 ? NoEvents : events);

    private static EngineTurn SafetyNet(ConversationSnapshot? conversation)
    {
        const string reason = "engine_error";
        IReadOnlyList<EngineEvent> events = conversation?.HasOpenCase == true
            ? [new HandoffRequested(reason)]
            : [new CaseRequested(PriorityBand.Medium, 0, [reason]), new HandoffRequested(reason)];
        return new EngineTurn(conversation?.State, conversation?.Language, NoReplies, events);
    }
}
