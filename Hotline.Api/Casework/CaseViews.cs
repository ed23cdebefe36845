namespace Hotline.Api.Casework;

/// <summary>A case as a queue shows it. No address and no message text: safe to send to every caseworker of the language.</summary>
/// <param name="EarlierCases">The person's closed cases before this one: more than none marks a returning person.</param>
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
    int EarlierCases = 0);

/// <param name="Sequence">
/// The message's place in its conversation (a case has one): the order the console shows. <see cref="At"/> cannot say it: a
/// message and the replies it causes share a millisecond, and instances' clocks may differ by more.
/// </param>
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
    IReadOnlyList<Media.AttachmentView>? Attachments = null);

public sealed record NoteView(Guid Id, Guid AuthorUserId, string Body, DateTimeOffset At);

/// <summary>An intake answer: a code, and for a free-text answer what the person wrote.</summary>
public sealed record AnswerView(string StepId, string AnswerCode, string? Text, DateTimeOffset At);

/// <summary>
/// Everything a caseworker needs to work a case. <see cref="LeaseToken"/> is filled only for the assignee.
/// <see cref="Unanswered"/>: the intake questions (step ids) the person consented to but has not answered, for the
/// caseworker to ask in their own words; <see cref="UrgentWords"/>: the script's words that made the case Critical;
/// <see cref="WhatsAppWindow"/>: for a WhatsApp case, whether a free-text reply can reach the person now (null otherwise).
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
    WhatsApp.WhatsAppWindowView? WhatsAppWindow = null);

/// <summary>A change to a case, pushed to the consoles that may see it, with its case-event sequence number.</summary>
public sealed record CaseChange(long Sequence, string Type, CaseSummary Case);

/// <param name="WhatsAppWindow">On a WhatsApp message from the person: the window it opened (null otherwise).</param>
public sealed record MessageNotice(long Sequence, Guid CaseId, MessageView Message, WhatsApp.WhatsAppWindowView? WhatsAppWindow = null);

/// <summary>
/// That a message was added to a case, without the message: what the case's assignee hears on consoles that do not have the
/// case open (its body reaches only those that opened it, each opening audited).
/// </summary>
public sealed record MessageHeardNotice(long Sequence, Guid CaseId, string Direction);

public sealed record MessageStatusNotice(long Sequence, Guid CaseId, Guid MessageId, string Status, string? Error);

public sealed record QueueStatistics(long Sequence, int Queued, int Claimed, IReadOnlyDictionary<string, int> QueuedByPriority, double OldestWaitingSeconds);

public sealed record QueueView(long LastSequence, IReadOnlyList<CaseSummary> Cases);

/// <summary>The hub's answer to a console's action, the wire form of an <see cref="Hotline.Api.Outcomes.Outcome{T}"/> (made by <c>OutcomeMappings.ToAnswer</c>): the value, or a clear refusal it shows as it is.</summary>
public sealed record ActionAnswer<T>(bool Ok, string? Refusal, T? Value)
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

    public CaseSummary ToView() => new(Id, Status, Priority.ToString(), TriageScore,
        JsonSerializer.Deserialize<List<string>>(TriageReasons) ?? [], Language, Channel, QueuedAt, AssigneeId, AssigneeName,
        ConversationStatus, ConversationStatusReason, Version, IntakeQuestion, IntakeQuestions, EarlierCases);
}
