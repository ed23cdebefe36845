namespace Hotline.Bot.Intake.Engine;

internal enum IntakeStatus
{
    /// <summary>Waiting for the answer to <see cref="IntakeState.Step"/>.</summary>
    Active,

    /// <summary>Silent until the person writes again; then <see cref="IntakeState.Step"/> (the resume question) is asked.</summary>
    Quiet,

    /// <summary>A person owns the conversation; the engine answers only the global words.</summary>
    HandedOff,
}

/// <summary>
/// Everything the engine remembers of a conversation, stored by the host as compact JSON (encrypted at rest).
/// Short keys keep the row small; <see cref="Version"/> lets a future engine recognise and recover old states.
/// </summary>
internal sealed class IntakeState
{
    public const int CurrentVersion = 1;

    [JsonPropertyName("v")]
    public int Version { get; set; } = CurrentVersion;

    [JsonPropertyName("st")]
    public string StatusCode { get; set; } = "a";

    [JsonPropertyName("s")]
    public string Step { get; set; } = "";

    /// <summary>The current question was already asked again once; the next miss moves on with "unknown".</summary>
    [JsonPropertyName("r")]
    public bool Reasked { get; set; }

    /// <summary>Where to go after the resume question is answered, when going quiet interrupted the intake.</summary>
    [JsonPropertyName("rs")]
    public string? ReturnStep { get; set; }

    /// <summary>The person asked to change language: the next message is a choice from the menu.</summary>
    [JsonPropertyName("lm")]
    public bool MenuOpen { get; set; }

    /// <summary>A handoff was requested for the open case; it is not requested twice.</summary>
    [JsonPropertyName("ho")]
    public bool HandoffRequested { get; set; }

    /// <summary>A case was open for this intake: when the host says none is open now, it has been closed since.</summary>
    [JsonPropertyName("c")]
    public bool CaseOpened { get; set; }

    /// <summary>Step id to answer code.</summary>
    [JsonPropertyName("a")]
    public Dictionary<string, string>? Answers { get; set; }

    /// <summary>Step id to the free text given (where they are): only ever here, never in an event.</summary>
    [JsonPropertyName("x")]
    public Dictionary<string, string>? Texts { get; set; }

    /// <summary>Unix seconds of the last message, for a host that does not pass LastInboundAt to Tick.</summary>
    [JsonPropertyName("t")]
    public long LastInbound { get; set; }

    /// <summary>Messages answering a question since the language was known: the case is queued by the third.</summary>
    [JsonPropertyName("n")]
    public int Exchanges { get; set; }

    /// <summary>The script's urgent word that made the case Critical; it stays part of the triage, and the number is told once.</summary>
    [JsonPropertyName("u")]
    public string? UrgentWord { get; set; }

    /// <summary>A distress word asked for a person: the case is Critical from then on, whatever was answered, as after an urgent word.</summary>
    [JsonPropertyName("sos")]
    public bool Distressed { get; set; }

    /// <summary>
    /// The intake ended because the person asked for a person: the case's reasons say so from then on, so a caseworker reads
    /// why it is in the queue (and that the intake's questions were cut short), whatever is re-triaged later.
    /// </summary>
    [JsonPropertyName("ap")]
    public bool AskedForPerson { get; set; }

    /// <summary>
    /// The case was opened out of sight by a message written while it was not safe to answer (after the discreet word or "not
    /// safe"), with no urgent or distress word to say why: the case's reasons say so from then on.
    /// </summary>
    [JsonPropertyName("wn")]
    public bool WroteWhileNotSafe { get; set; }

    /// <summary>
    /// The case was opened out of sight by a message written after the person opted out (STOP), with no urgent or distress word
    /// to say why: the case's reasons say so from then on.
    /// </summary>
    [JsonPropertyName("wo")]
    public bool WroteWhileOptedOut { get; set; }

    /// <summary>
    /// The intake's safety question got a message of more than three words that answered neither yes nor no, and its simpler
    /// re-ask: if the answer to the re-ask begins the wait until it is safe, that story says more than the answer, and opens
    /// the case out of sight. Cleared by the next answer to the safety question, whatever it is.
    /// </summary>
    [JsonPropertyName("sr")]
    public bool SaidMoreBeforeReask { get; set; }

    /// <summary>
    /// The discreet word was used: someone else may hold the phone, so an urgent or distress word is acted on only out of
    /// sight (nothing but the safety question reaches the phone) until the person says again that it is safe to write.
    /// </summary>
    [JsonPropertyName("d")]
    public bool Decoy { get; set; }

    /// <summary>
    /// The discreet word was used in this intake (before its case opened or since), or its warning still stood when the last
    /// case was closed: the case's triage counts it from then on, a "yes" to the safety question included, since someone who
    /// reads or holds the person's phone is still near them.
    /// </summary>
    [JsonPropertyName("dw")]
    public bool UsedDiscreetWord { get; set; }

    /// <summary>
    /// They wrote again after going quiet and are asked whether it is safe to write: nothing else may reach the phone, a
    /// caseworker's reply included, until they say it is.
    /// </summary>
    [JsonPropertyName("ai")]
    public bool AskingIfSafe { get; set; }

    /// <summary>The discreet word came while a person had the conversation: once it is safe again, it is theirs again.</summary>
    [JsonPropertyName("rh")]
    public bool ResumesHandedOff { get; set; }

    /// <summary>
    /// A caseworker had the conversation when the intake asked again whether it is safe to write (a language chosen at the
    /// menu opened over the unanswered question): the person's next message is read against it, a "no" as not safe, and
    /// any other message closes it.
    /// </summary>
    [JsonPropertyName("su")]
    public bool SafetyUnanswered { get; set; }

    /// <summary>
    /// A caseworker asked the person herself whether it is safe to write (the canned reply, recognised by the host), and they
    /// have not written since it left for the phone: a "no" or a not-safe phrase in their next message is read as the answer
    /// to the intake's own question would be. A message that crossed it (written while it was still unsent) leaves it open.
    /// </summary>
    [JsonPropertyName("ca")]
    public bool CaseworkerAskedIfSafe { get; set; }

    /// <summary>
    /// She asked again while her question was still open (on the phone unanswered, or on its way): the host follows the
    /// latest asking, and until it has left the person's message may answer an earlier one, so a "no" is the answer and
    /// anything else keeps the question open.
    /// </summary>
    [JsonPropertyName("cb")]
    public bool CaseworkerAskedAgain { get; set; }

    /// <summary>
    /// The language was read from a message (a greeting such as "hello", a script), not chosen from the menu: a cry for help in
    /// another language then says more about the person, and is answered in it.
    /// </summary>
    [JsonPropertyName("lg")]
    public bool LanguageGuessed { get; set; }

    /// <summary>
    /// What began the wait until it is safe (the reason of the last <c>WentQuiet</c>, or the discreet word written while opted
    /// out), until the person says it is safe: STOP and START replace the conversation's status, not the reason it waits.
    /// </summary>
    [JsonPropertyName("qc")]
    public string? QuietCause { get; set; }

    /// <summary>
    /// A closed case's person wrote again and is asked whether it is safe to write: nobody may write to them before the answer,
    /// as at a first message (where no case exists until then), unless an urgent or distress word lets a caseworker write at
    /// once, as it does at a first message.
    /// </summary>
    [JsonPropertyName("ra")]
    public bool ReturnedUnanswered { get; set; }

    /// <summary>
    /// The emergency number was told since the case opened or the last quiet spell: it is not told again (a second
    /// "call 112" says nothing new). A quiet spell forgets it, since the person may have deleted the thread.
    /// </summary>
    [JsonPropertyName("nt")]
    public bool NumberTold { get; set; }

    /// <summary>
    /// A distress or urgent word came while the phone was not said to be safe: the number is told with the reply to their
    /// "yes", not before.
    /// </summary>
    [JsonPropertyName("no")]
    public bool NumberOwed { get; set; }

    /// <summary>
    /// The triage of the answers forgotten at a hand-off without consent: what the case already holds (band, score, reasons),
    /// never the answers. A later re-score (an urgent word) starts from it, so no reason the case was given drops.
    /// </summary>
    [JsonPropertyName("ft")]
    public ForgottenTriage? Forgotten { get; set; }

    [JsonIgnore]
    public IntakeStatus Status
    {
        get => StatusCode switch { "q" => IntakeStatus.Quiet, "h" => IntakeStatus.HandedOff, _ => IntakeStatus.Active };
        set => StatusCode = value switch { IntakeStatus.Quiet => "q", IntakeStatus.HandedOff => "h", _ => "a" };
    }

    [JsonIgnore]
    public Dictionary<string, string> AnswersOrEmpty => Answers ??= new(StringComparer.Ordinal);
}

/// <summary>The band, score and reasons a case was given on answers since forgotten.</summary>
internal sealed class ForgottenTriage
{
    [JsonPropertyName("b")]
    public PriorityBand Band { get; set; }

    [JsonPropertyName("p")]
    public int Score { get; set; }

    [JsonPropertyName("r")]
    public List<string> Reasons { get; set; } = [];

    public static ForgottenTriage Of(TriageResult triage) => new() { Band = triage.Band, Score = triage.Score, Reasons = [.. triage.Reasons] };

    public TriageResult ToTriage() => new(Band, Score, Reasons, []);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(IntakeState))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
