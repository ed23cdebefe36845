namespace Hotline.Api.CaseStore;

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
