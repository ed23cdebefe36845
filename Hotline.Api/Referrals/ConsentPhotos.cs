namespace Hotline.Api.Referrals;

/// <summary>
/// What a consent to 'photos' recorded now would share, for the consent form to show before the box is ticked: the photos,
/// oldest first, and how many attachments of the same messages are still being fetched (each goes too once kept, if it is
/// a photo; the partner's count says how many went).
/// </summary>
public sealed record ConsentPhotos(IReadOnlyList<ConsentPhoto> Photos, int StillBeingFetched);

/// <param name="SentAt">When the person's message with the photo came.</param>
/// <param name="Path">The case view's address of the copy without metadata, which authorises and audits each read itself.</param>
public sealed record ConsentPhoto(Guid MediaId, DateTimeOffset SentAt, string Path);
