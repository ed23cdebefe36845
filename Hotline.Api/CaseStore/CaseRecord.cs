namespace Hotline.Api.CaseStore;

public enum CaseStatus
{
    Queued,
    Claimed,
    Closed,
}

/// <summary>A case as stored. <see cref="TriageReasons"/> is a JSON array of reason codes, never free text.</summary>
public sealed record CaseRecord
{
    public Guid Id { get; init; }
    public Guid ConversationId { get; init; }
    public CaseStatus Status { get; init; }
    public PriorityBand Priority { get; init; }
    public int TriageScore { get; init; }
    public string TriageReasons { get; init; } = "[]";
    public string Language { get; init; } = "";
    public Guid? AssigneeId { get; init; }
    public Guid? LeaseToken { get; init; }
    public DateTimeOffset? LeaseExpiresAt { get; init; }
    public DateTimeOffset QueuedAt { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? Outcome { get; init; }
    public int Version { get; init; }

    /// <summary>When the retention or an erasure removed the closed case's content (read only where a closed case is listed or read).</summary>
    public DateTimeOffset? ContentErasedAt { get; init; }
}

/// <summary>What the conversation engine decided when it handed a conversation to the caseworkers.</summary>
/// <param name="PersonStatus">The person's status as the case opens: an urgent word written while quiet or opted out opens a
/// case nobody can write to from its first moment, which no later change of status says (UntakenCriticalCases).</param>
public sealed record NewCase(Guid ConversationId, string Language, PriorityBand Priority, int TriageScore, IReadOnlyList<string> TriageReasons,
    ConversationStatus PersonStatus = ConversationStatus.Active)
{
    /// <summary>BCP-47 "undetermined": the person asked for help before their language was known. Every caseworker is offered such a case.</summary>
    public const string UnknownLanguage = "und";
}

/// <summary>A claim: only the holder of <see cref="LeaseToken"/> may extend, release or close the case.</summary>
public sealed record CaseLease(CaseRecord Case, Guid LeaseToken, DateTimeOffset ExpiresAt);
