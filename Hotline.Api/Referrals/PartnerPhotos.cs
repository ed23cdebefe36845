using Hotline.Api.Media;

namespace Hotline.Api.Referrals;

/// <summary>A photo a partner is served: the stripped JPEG, and the media item it is a copy of (for the audit trail).</summary>
public sealed record PartnerPhoto(Guid MediaId, byte[] Jpeg);

/// <summary>
/// The photos of a referral whose consent covers 'photos', as its partner receives them: always the copy the console
/// shows (re-encoded from the pixels, upright, every metadata block gone), never the original. A photo is named by
/// the SHA-256 of its original, which the partner is given anyway, so no internal id (a version-7 id carries the time
/// it was made) leaves the hotline. Any photo the referral does not share is not found, whether it exists or not.
/// </summary>
public sealed class PartnerPhotos(Database database, ReferralRepository referrals, MediaStore store)
{
    private const string NoSuchPhoto = "This referral shares no such photo.";

    /// <summary>
    /// How a kept photo is described to the partner: its place, and the UTC offset of its capture time (which says roughly
    /// where the phone was set), only when the consent covers 'location' too.
    /// </summary>
    public static SharedPhoto Shared(Guid referralId, MediaItem item, bool withPlace) => new(
        item.Sha256!,
        $"/api/partner/referrals/{referralId}/photos/{item.Sha256}",
        item.Width,
        item.Height,
        withPlace ? item.Evidence.CapturedAt : EvidenceReader.WithoutOffset(item.Evidence.CapturedAt),
        withPlace && item.Evidence is { Latitude: { } latitude, Longitude: { } longitude }
            ? new SharedPlace(latitude, longitude, item.Evidence.Altitude)
            : null);

    public async Task<Outcome<PartnerPhoto>> ReadAsync(User user, Guid referralId, string sha256, CancellationToken cancellationToken)
    {
        if (PartnerInbox.Organisation(user) is not { } partnerId)
        {
            return PartnerInbox.NoOrganisation<PartnerPhoto>();
        }

        await using var session = await database.OpenAsync(cancellationToken);
        if (await referrals.FindInInboxAsync(session, partnerId, referralId, cancellationToken) is not { } row)
        {
            return Outcome<PartnerPhoto>.Refused(Refusal.Forbidden, PartnerInbox.NotYours);
        }

        var item = (await referrals.SharedPhotosAsync(session, row, cancellationToken))
            .FirstOrDefault(p => string.Equals(p.Sha256, sha256, StringComparison.OrdinalIgnoreCase));
        var jpeg = item is null ? null : await store.ReadAsync(item.ConversationId, item.Id, MediaCopy.View, cancellationToken);
        return jpeg is null
            ? Outcome<PartnerPhoto>.Refused(Refusal.NotFound, NoSuchPhoto)
            : Outcome<PartnerPhoto>.Done(new PartnerPhoto(item!.Id, jpeg));
    }
}
