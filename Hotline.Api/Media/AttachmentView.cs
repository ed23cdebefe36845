namespace Hotline.Api.Media;

/// <summary>
/// An attachment as the case view shows it: <see cref="Status"/> Pending (being fetched), Kept, or NotKept
/// with <see cref="Reason"/>; for a kept file its hash, size and type, whether there is a stripped copy to
/// show inline (<see cref="HasView"/>), and what the file said about itself.
/// </summary>
public sealed record AttachmentView(
    Guid Id,
    string Status,
    string? Reason,
    string? ContentType,
    long? SizeBytes,
    string? Sha256,
    bool HasView,
    MediaEvidence? Evidence)
{
    public static AttachmentView Of(MediaItem item) => new(
        item.Id,
        item.IsKept ? nameof(MediaStatus.Kept) : item.Status.ToString(),
        item.Status == MediaStatus.NotKept ? item.Reason : null,
        item.IsKept ? item.ContentType : null,
        item.IsKept ? item.SizeBytes : null,
        item.IsKept ? item.Sha256 : null,
        item.IsKept && item.HasView,
        item.IsKept ? item.Evidence : null);
}
