namespace Hotline.Api.Cases;

/// <summary>
/// One change to a case. <see cref="Sequence"/> strictly increases in commit order, so a console that
/// remembers the last number it saw can fetch exactly what it missed. <see cref="Data"/> is JSON that
/// never holds an address or message text.
/// </summary>
public sealed record CaseEvent
{
    public long Sequence { get; init; }
    public Guid CaseId { get; init; }
    public string Type { get; init; } = "";
    public string Data { get; init; } = "{}";
    public Guid? ActorUserId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Event types, in the past tense: each names a change that has happened.</summary>
public static class CaseEventTypes
{
    public const string Queued = "CaseQueued";
    public const string Claimed = "CaseClaimed";
    public const string LeaseExtended = "LeaseExtended";
    public const string Released = "CaseReleased";
    public const string LeaseExpired = "LeaseExpired";
    public const string Closed = "CaseClosed";
}
