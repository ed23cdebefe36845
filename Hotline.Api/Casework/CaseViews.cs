namespace Hotline.Api.Casework;

/// <summary>A case as a queue shows it. No address and no message text: safe to send to every caseworker of the language.</summary>
/// <param name="EarlierCases">The person's closed cases before this one: more than none marks a returning person.</param>
/// <param name="AnsweredAt">A caseworker's last reply to this case (queued to be sent, whatever became of it), or null: never answered.</param>
/// <param name="UnansweredSince">The person's first message after that reply, in transcript order: what waits for an answer. Null when never answered.</param>
/// <param name="Referral">The furthest a referral of the case got with a partner: sent, accepted, completed or declined (null: none sent).</param>
/// <param name="InDangerNow">
/// The person answered the danger question yes or wrote an urgent word (CaseStore/InDangerNow.cs): "Take next case" gives such a
/// Critical case before the other Critical cases of its step, and the console orders and marks it so.
/// </param>
/// <param name="RepliesRefusedFrom">
/// A WhatsApp case when no re-engagement template is configured: when the person's 24-hour window closes (or closed), from which a
/// reply is refused until they write again (<see cref="WhatsAppWindow.ClosedRefusal"/>). Null when a reply can always be sent or
/// held (SMS, chat, a template configured). "Your cases" marked such a case "Waiting for your reply" once the window closed,
/// though she could send nothing.
/// </param>
public sealed record CaseSummary(
    Guid Id,
    string Status,
    string Priority,
    int TriageScore,
    IReadOnlyList<string> Reasons,
    string Language,
    string Channel,
    DateTimeOffset QueuedAt,
    Guid? AssigneeId,
    string? AssigneeName,
    string ConversationStatus,
    string? ConversationStatusReason,
    int Version,
    int? IntakeQuestion = null,
    int? IntakeQuestions = null,
    int EarlierCases = 0,
    DateTimeOffset? AnsweredAt = null,
    DateTimeOffset? UnansweredSince = null,
    string? Referral = null,
    bool InDangerNow = false,
    DateTimeOffset? RepliesRefusedFrom = null);

/// <param name="Sequence">
/// The message's place in its conversation (a case has one): the order the console shows. <see cref="At"/> cannot say it: a
/// message and the replies it causes share a millisecond, and instances' clocks may differ by more.
/// </param>
/// <param name="ContentErased">Its body and attachments were removed by the retention or an erasure: not an empty message.</param>
public sealed record MessageView(
    Guid Id,
    string Direction,
    string Body,
    int Segments,
    string DeliveryStatus,
    string? DeliveryError,
    DateTimeOffset At,
    Guid? AuthorUserId,
    long Sequence,
    IReadOnlyList<Media.AttachmentView>? Attachments = null,
    bool ContentErased = false);

public sealed record NoteView(Guid Id, Guid AuthorUserId, string Body, DateTimeOffset At);

/// <summary>An intake answer: a code, and for a free-text answer what the person wrote.</summary>
public sealed record AnswerView(string StepId, string AnswerCode, string? Text, DateTimeOffset At);

/// <summary>
/// Everything a caseworker needs to work a case. <see cref="LeaseToken"/> is filled only for the assignee.
/// <see cref="Unanswered"/>: the intake questions (step ids) the person consented to but has not answered, for the
/// caseworker to ask in their own words; <see cref="UrgentWords"/>: the script's words that made the case Critical;
/// <see cref="WhatsAppWindow"/>: for a WhatsApp case, whether a free-text reply can reach the person now (null otherwise);
/// <see cref="AnswersDeclined"/>: the person did not agree to have their intake answers saved, which is why <see cref="Answers"/>
/// is empty (the caseworker asks in the conversation; the priority and its reasons stay);
/// <see cref="LeftOpen"/>: the intake's question still on the phone when a caseworker's first reply ended the intake;
/// <see cref="SaidSafeAt"/>: when the person, asked after a quiet spell, said it is safe to write now (while that is their latest
/// change of status);
/// <see cref="Viewing"/>: from the hub only, the page's viewing of the case, sealed when its opening was recorded and again
/// at each rejoin, for the page to hand back when it joins the case again after a reconnection (<see cref="CaseViewings"/>;
/// null elsewhere, and for a connection that names no page);
/// <see cref="StoppedAnswering"/>: the intake ended because the person stopped answering its questions (the timer's hand-off);
/// <see cref="HeldWaiting"/>: from "Take next case" only, the case is one the caller already holds, Critical, whose person waits
/// for her reply, given again instead of another case (<see cref="HeldCasesWaiting"/>);
/// <see cref="AlsoWaiting"/>: from "Take next case" only, with the next case from the queue, the other cases the caller holds whose
/// person waits for her reply and whom she can write to now (not quiet, not opted out, no WhatsApp window closed without the
/// re-engagement template): what the console names as "Also waiting for your reply" (null elsewhere);
/// <see cref="LeaseSeconds"/>: for the assignee, how long the claim lasts without renewal (<c>Hotline:Queue:LeaseSeconds</c>),
/// so the console can say when the case goes back to the queue if she closes it or loses the connection.
/// </summary>
public sealed record CaseDetail(
    CaseSummary Case,
    IReadOnlyList<MessageView> Transcript,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<AnswerView> Answers,
    Guid? LeaseToken,
    DateTimeOffset? LeaseExpiresAt,
    long LastSequence,
    IReadOnlyList<string>? Unanswered = null,
    IReadOnlyList<string>? UrgentWords = null,
    WhatsApp.WhatsAppWindowView? WhatsAppWindow = null,
    bool AnswersDeclined = false,
    IntakeQuestionLeftOpen? LeftOpen = null,
    DateTimeOffset? SaidSafeAt = null,
    string? Viewing = null,
    bool StoppedAnswering = false,
    bool HeldWaiting = false,
    IReadOnlyList<Guid>? AlsoWaiting = null,
    int? LeaseSeconds = null);

/// <summary>
/// The intake's question the person had not answered when a caseworker first wrote (its step and its base-language prompt):
/// from then on their messages are hers, so a short "1" after it may answer the intake's question ("Are you in danger right
/// now?"), not hers; the console says so.
/// </summary>
public sealed record IntakeQuestionLeftOpen(string StepId, string Prompt);

/// <summary>A claim its holder keeps renewed: <see cref="CaseHub.HoldCase"/>'s answer, with nothing of the case's content.</summary>
/// <param name="PersonWroteAt">When the person last wrote (null: never): the case's card shows it, to tell the cases one holds apart.</param>
/// <param name="LeaseSeconds">How long the claim lasts without renewal (<c>Hotline:Queue:LeaseSeconds</c>): the console renews it at a third of that.</param>
public sealed record HeldCase(Guid CaseId, Guid LeaseToken, DateTimeOffset LeaseExpiresAt, DateTimeOffset? PersonWroteAt, int? LeaseSeconds = null);

/// <summary>A change to a case, pushed to the consoles that may see it, with its case-event sequence number.</summary>
public sealed record CaseChange(long Sequence, string Type, CaseSummary Case);

/// <param name="WhatsAppWindow">On a WhatsApp message from the person: the window it opened (null otherwise).</param>
public sealed record MessageNotice(long Sequence, Guid CaseId, MessageView Message, WhatsApp.WhatsAppWindowView? WhatsAppWindow = null);

/// <summary>
/// That a message was added to a case, without the message: what the case's assignee hears on consoles that do not have the
/// case open (its body reaches only those that opened it, each opening audited).
/// </summary>
/// <param name="At">When the message was written: the card of a case put aside says when the person last wrote.</param>
public sealed record MessageHeardNotice(long Sequence, Guid CaseId, string Direction, DateTimeOffset At);

public sealed record MessageStatusNotice(long Sequence, Guid CaseId, Guid MessageId, string Status, string? Error);

/// <param name="Queued">
/// Cases in the queue whose person waits for a human reply: never answered, or written to since the last reply, and whose
/// conversation is active (not quiet, not opted out). A WhatsApp person whose 24-hour window closed is counted too, with or
/// without the re-engagement template: the statement reads no window.
/// </param>
/// <param name="OldestWaitingSeconds">The longest of those waits: from QueuedAt, or from the person's first message after the last reply.</param>
/// <param name="Answered">Cases back in the queue (released, a claim run out) that a caseworker answered, with nothing from the person since.</param>
/// <param name="Quiet">Cases in the queue whose person went quiet (not safe now, the discreet word, silent before saying it is safe): nothing can be sent until they say it is safe.</param>
/// <param name="OptedOut">Cases in the queue whose person sent STOP: nothing can be sent until they send START.</param>
/// <param name="CannotBeWrittenToByPriority">
/// The cases of <paramref name="Quiet"/> and <paramref name="OptedOut"/> by band (bands with none left out). A Critical one
/// is still Critical work (what the person wrote is read, a partner called): the consoles' "Critical waiting" adds it, and
/// says how many of its cases nobody can write to.
/// </param>
/// <param name="Claimed">Every case a caseworker or supervisor holds, whatever its person waits for.</param>
/// <param name="Taken">The cases of <paramref name="Claimed"/> by the same rules as the queue's: the supervisor view counts a person waiting whether their case is queued or taken.</param>
public sealed record QueueStatistics(long Sequence, int Queued, int Claimed, IReadOnlyDictionary<string, int> QueuedByPriority, double OldestWaitingSeconds,
    int Answered, int Quiet, int OptedOut, IReadOnlyDictionary<string, int> CannotBeWrittenToByPriority, TakenStatistics Taken);

/// <summary>
/// The held cases, split by what their person waits for. Found by a newcomer: the supervisor view's table showed two taken
/// cases waiting 44 s and 5 min while "Waiting for a reply" read 0 and "Being answered" counted both.
/// </summary>
/// <param name="Waiting">
/// Taken cases whose person waits for a human reply, by the queue's rule (<see cref="QueueStatistics.Queued"/>): never answered,
/// or written to since the last reply, and whose conversation is active (not quiet, not opted out). A WhatsApp case whose
/// 24-hour window closed with no re-engagement template is counted here, though her reply is refused until the person
/// writes again; <see cref="CaseDetail.AlsoWaiting"/> and take next (<see cref="HeldCasesWaiting.WaitingAsync"/>) leave it out.
/// </param>
/// <param name="BeingAnswered">The other taken cases: answered with nothing new since, or their person went quiet or opted out. <paramref name="Waiting"/> and these add up to every taken case.</param>
/// <param name="WaitingByPriority">The cases of <paramref name="Waiting"/> by band (bands with none left out).</param>
/// <param name="OldestWaitingSeconds">The longest wait of <paramref name="Waiting"/>, timed as the queue's; 0 when nobody waits.</param>
/// <param name="CannotBeWrittenToByPriority">Taken cases whose person went quiet or opted out, by band (in <paramref name="BeingAnswered"/>).</param>
/// <param name="Quiet">Taken cases whose person went quiet (in <paramref name="BeingAnswered"/>).</param>
/// <param name="OptedOut">Taken cases whose person opted out (in <paramref name="BeingAnswered"/>).</param>
/// <remarks>
/// The console header's "Nothing can be sent to 3, queued or taken" counts the queue's <see cref="QueueStatistics.Quiet"/> and
/// <see cref="QueueStatistics.OptedOut"/> with these, as the supervisor view's "Critical, nothing can be sent to them now" counts
/// queued and taken: the header counted the queue only beside it.
/// </remarks>
public sealed record TakenStatistics(int Waiting, int BeingAnswered, IReadOnlyDictionary<string, int> WaitingByPriority, double OldestWaitingSeconds,
    IReadOnlyDictionary<string, int> CannotBeWrittenToByPriority, int Quiet, int OptedOut);

public sealed record QueueView(long LastSequence, IReadOnlyList<CaseSummary> Cases);

/// <summary>The hub's answer to a console's action, the wire form of an <see cref="Hotline.Api.Outcomes.Outcome{T}"/> (made by <c>OutcomeMappings.ToAnswer</c>): the value, or a clear refusal it shows as it is.</summary>
/// <param name="Waiting">
/// From "Take next case" only, refused because no case is in the queue for her: the cases she holds whose person waits for her
/// reply and whom she can write to now, the gravest first (<see cref="HeldCasesWaiting.WaitingAsync"/>), which the refusal
/// names, for the console to offer to open; null elsewhere, and when none waits.
/// </param>
public sealed record ActionAnswer<T>(bool Ok, string? Refusal, T? Value, IReadOnlyList<Guid>? Waiting = null)
{
    public static ActionAnswer<T> Done(T value) => new(true, null, value);

    public static ActionAnswer<T> Refused(string refusal) => new(false, refusal, default);
}

internal sealed record CaseSummaryRow
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public PriorityBand Priority { get; init; }
    public int TriageScore { get; init; }
    public string TriageReasons { get; init; } = "[]";
    public string Language { get; init; } = "";
    public DateTimeOffset QueuedAt { get; init; }
    public Guid? AssigneeId { get; init; }
    public string? AssigneeName { get; init; }
    public string Channel { get; init; } = "";
    public string ConversationStatus { get; init; } = "";
    public string? ConversationStatusReason { get; init; }
    public DateTimeOffset? LeaseExpiresAt { get; init; }
    public int Version { get; init; }
    public int? IntakeQuestion { get; init; }
    public int? IntakeQuestions { get; init; }
    public int EarlierCases { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? UnansweredSince { get; init; }
    public long? ReferralStage { get; init; }
    public bool InDangerNow { get; init; }
    public DateTimeOffset? PersonLastWroteAt { get; init; }

    /// <param name="sendsTemplate">Whether a WhatsApp reply outside the window is held behind the re-engagement template rather than refused.</param>
    public CaseSummary ToView(bool sendsTemplate) => new(Id, Status, Priority.ToString(), TriageScore,
        JsonSerializer.Deserialize<List<string>>(TriageReasons) ?? [], Language, Channel, QueuedAt, AssigneeId, AssigneeName,
        ConversationStatus, ConversationStatusReason, Version, IntakeQuestion, IntakeQuestions, EarlierCases, AnsweredAt, UnansweredSince,
        ReferralStage switch { 4 => "completed", 3 => "accepted", 2 => "sent", 1 => "declined", _ => null }, InDangerNow,
        sendsTemplate ? null : WhatsAppWindow.ClosesAt(Channel, PersonLastWroteAt));
}
