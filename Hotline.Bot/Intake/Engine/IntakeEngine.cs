namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// The scripted intake: asks, in the person's language, whether it is safe to write, whether they are in
/// danger, for consent, then the questions of the ILO indicators and where they are, and hands the conversation
/// to a person with a triaged case. Deterministic, free of I/O, safe to share between threads. It is built
/// never to throw from <see cref="Handle"/> or <see cref="Tick"/> (the property tests feed it any input at
/// any step), but it does not hide a bug if one slips through: the exception reaches the host, which logs
/// it, counts it and hands the conversation to a caseworker.
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
        Urgent = new WordsInMessage(script, words => words.Urgent);
        NotSafe = new WordsInMessage(script, words => words.NotSafe);
        Cries = new WordsInMessage(script, words => words.Distress);
        Answers = new AnswerReader(script);
        EngineSetupCheck.Run(script, triage, options, Lexicon);
        Discreet = new DiscreetWord(options.DiscreetWord);
        Replies = new ReplyBook(script, options);
        Codec = new StateCodec(script);
    }

    public IntakeScript Script { get; }

    public TriageRules Triage { get; }

    public IntakeOptions Options { get; }

    internal Lexicon Lexicon { get; }

    internal AnswerReader Answers { get; }

    internal WordsInMessage Urgent { get; }

    internal WordsInMessage NotSafe { get; }

    /// <summary>The distress words, found inside a message that says it is not safe (anywhere else they are read as the whole message).</summary>
    internal WordsInMessage Cries { get; }

    internal ReplyBook Replies { get; }

    internal StateCodec Codec { get; }

    internal DiscreetWord Discreet { get; }

    /// <summary>The engine on the script and triage table shipped inside Hotline.Bot.</summary>
    public static IntakeEngine CreateDefault(IntakeOptions? options = null) =>
        new(IntakeScript.LoadDefault(), TriageRules.LoadDefault(), options ?? new IntakeOptions());

    public EngineTurn Handle(ConversationSnapshot conversation, InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        return new IntakeConversation(this, conversation).Receive(message);
    }

    public EngineTurn Tick(ConversationSnapshot conversation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new IntakeConversation(this, conversation).Expire(now);
    }

    public string? CaseworkerAskedIfSafe(ConversationSnapshot conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new IntakeConversation(this, conversation).AskedByCaseworker();
    }

    public EngineTurn? SilencedWithoutTurn(ConversationSnapshot conversation, InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        return new IntakeConversation(this, conversation).SilenceOnly(message);
    }

    internal static EngineTurn Unchanged(ConversationSnapshot conversation, string? language, IReadOnlyList<EngineEvent> events) =>
        new(conversation.State, language, NoReplies, events.Count == 0 ? NoEvents : events);
}
