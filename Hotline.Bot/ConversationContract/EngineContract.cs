using Hotline.Bot.Channels;

namespace Hotline.Bot.ConversationContract;

/// <summary>
/// What the engine knows of a conversation: no address and no history beyond its own state.
/// <paramref name="RegisteredLanguage"/> comes from the issued-SIM registry when the number is in it.
/// <paramref name="CaseworkerHasWritten"/> says a caseworker has written to the person on the open case:
/// from then on the conversation is theirs: the script stops asking, and reads no answer from the person's messages, which
/// may be to the caseworker.
/// <paramref name="Channel"/> is the conversation's channel: what a reply can look like to whoever reads the screen
/// depends on it (<see cref="ChannelTraits"/>).
/// <paramref name="CaseworkerQuestion"/> says where the caseworker's question whether it is safe to write
/// (<see cref="IConversationEngine.CaseworkerAskedIfSafe"/>) is: on the phone, on its way there, or never to reach it.
/// <paramref name="Quiet"/> says the host's record of the conversation is quiet: a state that cannot be used (erased, under a
/// key no longer configured, of another version) starts in the quiet state, not as a fresh intake, so the quiet is not lost.
/// <paramref name="EarlierCaseworkerQuestion"/> says, when her latest asking never left, where her earlier one is (she asked
/// again before it was known to have left): the question the person may be answering; never left either, there is none.
/// </summary>
public sealed record ConversationSnapshot(
    string? Language,
    string? State,
    bool OptedOut,
    bool HasOpenCase,
    string? RegisteredLanguage,
    DateTimeOffset? LastInboundAt,
    bool CaseworkerHasWritten = false,
    Channel Channel = Channel.Sms,
    CaseworkerQuestion CaseworkerQuestion = CaseworkerQuestion.Left,
    bool Quiet = false,
    CaseworkerQuestion EarlierCaseworkerQuestion = CaseworkerQuestion.Left);

/// <summary>
/// Where the caseworker's last question whether it is safe to write is, as the host's outbox tells
/// (<see cref="ConversationSnapshot.CaseworkerQuestion"/>): whether the person's message may answer it.
/// </summary>
public enum CaseworkerQuestion
{
    /// <summary>It has left for the phone (sent), or none is on its way: an open question is read against the message.</summary>
    Left,

    /// <summary>
    /// Not left yet: pending, being sent, or held until the person writes (WhatsApp's window). The message was written before
    /// the person could read it and answers it not; the question stays open for the next message.
    /// </summary>
    OnItsWay,

    /// <summary>
    /// Its send has no settled outcome: being sent (or left so by a process that died mid-send), sent into an answer that was
    /// lost, or given up unconfirmed ("May not have reached the phone"). It may be on the phone: a "no" or a not-safe phrase
    /// is the answer, as to a question that has left (a question the person answers reached them; read as crossing it, their
    /// "no" let her next reply through). Anything else leaves it open for the next message, as a message crossing it would.
    /// </summary>
    MayHaveLeft,

    /// <summary>
    /// It never left and never will: refused for good (Twilio's 21610, an unsubscribed recipient) or cancelled. The person
    /// never saw it: it is closed, and the message is read as if she had not asked.
    /// </summary>
    NeverLeft,
}

/// <summary>
/// One message from the person, channel-neutral. <paramref name="Locale"/> is a BCP-47 tag when the channel gives
/// one (chat does). <paramref name="Availability"/> is what the host knew of the teams when it arrived; without it
/// the hotline is always open and the wait is the configured one.
/// </summary>
public sealed record InboundMessage(string Text, int MediaCount, string? Locale, DateTimeOffset ReceivedAt, ServiceAvailability? Availability = null);

public sealed record EngineReply(string Text);

/// <summary>Facts the engine decided on. The host stores each in the same transaction as the message; only an answer carries free text.</summary>
public abstract record EngineEvent;

/// <summary>Open a case and put it in the caseworkers' queue.</summary>
public sealed record CaseRequested(PriorityBand Priority, int Score, IReadOnlyList<string> Reasons) : EngineEvent;

/// <summary>The triage of an open case changed (a new answer raised or lowered it).</summary>
public sealed record PriorityChanged(PriorityBand Priority, int Score, IReadOnlyList<string> Reasons) : EngineEvent;

/// <summary>
/// An intake answer, as a code (yes, no, an option id, or "text"), with what the person wrote for a "text" answer:
/// the host stores that encrypted, like message text. When the case opens, every consented answer so far is
/// recorded again after <see cref="CaseRequested"/>, since a host can only record answers against a case.
/// </summary>
public sealed record AnswerRecorded(string StepId, string AnswerCode, string? Text = null) : EngineEvent;

/// <summary>
/// The intake goes on while the case waits: it now asks question <paramref name="Question"/> of
/// <paramref name="Questions"/> (<paramref name="StepId"/>), and the case's triage stays provisional until
/// <see cref="IntakeEnded"/>.
/// </summary>
public sealed record IntakeProgressed(string StepId, int Question, int Questions) : EngineEvent;

/// <summary>
/// The intake of an open case asks nothing more (finished, handed to a person, or a caseworker has written):
/// the triage is no longer provisional. <paramref name="Unanswered"/> lists the recorded questions (step ids, in
/// script order) the person has not answered to the intake, for the caseworker to ask in their own words: those never
/// asked and, once a caseworker has written, the one on the phone (a reply then may be to her); empty without consent.
/// </summary>
public sealed record IntakeEnded(string Reason, IReadOnlyList<string> Unanswered) : EngineEvent
{
    /// <summary>
    /// The reason once a caseworker has written to the person. The host ends the intake with it at her first reply, and
    /// the engine, which learns of the reply at the person's next message, then ends it again.
    /// </summary>
    public const string CaseworkerWrote = "caseworker_wrote";

    /// <summary>The reason when the person stopped answering and the intake timer handed the case on (or ended its intake).</summary>
    public const string StoppedAnswering = "unanswered";
}

/// <summary>
/// A message held one of the script's urgent words: the case is Critical at once. <paramref name="Word"/> is the
/// script's word that matched (never the person's text), <paramref name="Language"/> the list it came from.
/// </summary>
public sealed record UrgentWordMatched(string Word, string Language) : EngineEvent;

/// <summary>A person is needed now: asked for, in danger, or the script was left unanswered.</summary>
public sealed record HandoffRequested(string Reason) : EngineEvent;

/// <summary>
/// Send nothing until the person writes again (not safe to text now; the discreet word). Also told of a conversation quiet
/// already, when the person writes again only that it is not safe: nothing was sent to them, and <paramref name="Reason"/>
/// says why the conversation stays quiet.
/// </summary>
public sealed record WentQuiet(string Reason) : EngineEvent;

/// <summary>
/// The person wrote again after going quiet and is asked first whether it is safe to write: the conversation stays quiet,
/// and nothing but the engine's question reaches the phone, until they say it is (a turn without this event).
/// <paramref name="Cause"/> is what began the wait, told on every turn so that the caseworker still sees it once STOP and
/// START have come between: a <see cref="WentQuiet"/> reason (<c>discreet_word</c>, <c>not_safe_now</c>,
/// <c>safety_unanswered</c>), <see cref="Returned"/>, or null for a conversation whose state predates the cause.
/// </summary>
public sealed record WaitsUntilSafe(string? Cause) : EngineEvent
{
    /// <summary>A closed case's person wrote again and is asked, as at a first message; they never went quiet.</summary>
    public const string Returned = "returned";
}

/// <summary>The person asked to receive nothing more (STOP and its synonyms).</summary>
public sealed record OptedOut(string Keyword) : EngineEvent;

/// <summary>The person asked to receive messages again (START and its synonyms).</summary>
public sealed record OptedIn(string Keyword) : EngineEvent;

/// <summary>The outcome of one turn: the state to store, the language if known, the replies and the events.</summary>
public sealed record EngineTurn(string? State, string? Language, IReadOnlyList<EngineReply> Replies, IReadOnlyList<EngineEvent> Events);

/// <summary>
/// Deterministic and free of I/O: the same snapshot and message always give the same turn, and no input
/// makes it throw. The host persists the state after every turn and sends the replies through the outbox.
/// </summary>
public interface IConversationEngine
{
    EngineTurn Handle(ConversationSnapshot conversation, InboundMessage message);

    /// <summary>
    /// Called by the host for a conversation that has been silent; it may hand off an unanswered intake.
    /// It never returns replies: the hotline never texts first.
    /// </summary>
    EngineTurn Tick(ConversationSnapshot conversation, DateTimeOffset now);

    /// <summary>
    /// Called by the host when a caseworker's reply on the open case asks whether it is safe to write (the host recognises the
    /// question's words): the state to store with her reply, in which that question is open as when the intake asks it, so
    /// that the person's "no" makes the conversation wait until they say it is safe. It sends and decides nothing else.
    /// The question is read against the person's first message that arrives once it has left for the phone: the host tells,
    /// with each message, whether it has left yet, and whether it never will (<see cref="ConversationSnapshot.CaseworkerQuestion"/>).
    /// </summary>
    string? CaseworkerAskedIfSafe(ConversationSnapshot conversation);

    /// <summary>
    /// Called by the host when <see cref="Handle"/> threw on this message: what the message asks without a turn, read as the
    /// engine reads it, and the state that records it, so that the person's next message takes the path it takes after the
    /// engine's own turn (after the discreet word: the safety question, the conversation waiting until they say it is safe).
    /// STOP and each language's stop words give <see cref="OptedOut"/> (unless opted out already), the discreet word
    /// <see cref="WentQuiet"/>. No replies (the decoy is not sent). Null when the message asks for
    /// nothing of the kind.
    /// </summary>
    EngineTurn? SilencedWithoutTurn(ConversationSnapshot conversation, InboundMessage message);
}
