namespace Hotline.Api.Media;

public enum MediaStatus
{
    /// <summary>To fetch.</summary>
    Pending,

    /// <summary>In the media store; the provider's copy is still to delete.</summary>
    Stored,

    /// <summary>In the media store, and nothing of it is left at the provider.</summary>
    Kept,

    /// <summary>Refused for good; <see cref="MediaItem.Reason"/> says why.</summary>
    NotKept,
}

/// <summary>Where an attachment is fetched from: the provider's link, the type the sender declared, and for chat the activity's service URL.</summary>
public sealed record MediaSource(string Url, string DeclaredType, string? ServiceUrl);

/// <summary>
/// What a file says about itself (EXIF and the like): when and where it was taken, on what device. Read from
/// the original, kept encrypted, never in the copy that is shown or sent to a partner.
/// </summary>
public sealed record MediaEvidence(string? CapturedAt, double? Latitude, double? Longitude, double? Altitude, string? Make, string? Model)
{
    public static readonly MediaEvidence None = new(null, null, null, null, null, null);
}

/// <summary>One attachment of an inbound message, in the clear.</summary>
public sealed record MediaItem(
    Guid Id,
    Guid MessageId,
    Guid ConversationId,
    int Position,
    Channel Channel,
    MediaSource Source,
    MediaStatus Status,
    int Attempts,
    Guid? LeaseToken,
    string? Reason,
    string? ContentType,
    long? SizeBytes,
    string? Sha256,
    int? Width,
    int? Height,
    bool HasView,
    MediaEvidence Evidence,
    DateTimeOffset? StoredAt)
{
    public bool IsKept => Status is MediaStatus.Stored or MediaStatus.Kept;
}

internal sealed record MediaItemRow
{
    public Guid Id { get; init; }
    public Guid MessageId { get; init; }
    public Guid ConversationId { get; init; }
    public int Position { get; init; }
    public Channel Channel { get; init; }
    public string SourceCipher { get; init; } = "";
    public MediaStatus Status { get; init; }
    public int Attempts { get; init; }
    public Guid? LeaseToken { get; init; }
    public string? Reason { get; init; }
    public string? ContentType { get; init; }
    public long? SizeBytes { get; init; }
    public string? Sha256 { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public bool HasView { get; init; }
    public string? EvidenceCipher { get; init; }
    public DateTimeOffset? StoredAt { get; init; }
}

/// <summary>What is known of a file once its bytes are in the media store.</summary>
public sealed record StoredMedia(string ContentType, long SizeBytes, string Sha256, int? Width, int? Height, bool HasView, MediaEvidence Evidence);
