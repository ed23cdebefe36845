namespace Hotline.Api.Media;

/// <summary>
/// What a fetched file costs the CPU, all of it on the media lane (<see cref="MediaWorkers"/>, low priority): telling its
/// type, decoding and re-encoding the stripped copy, hashing, reading its metadata, and encrypting both copies into the
/// media store. Only the download before (the network) and the database write after stay on the thread pool, so a photo
/// takes no core the webhooks want.
/// </summary>
public sealed class MediaKeeper(MediaInspector inspector, MediaStore store, MediaBuffers buffers, MediaWorkers workers)
{
    /// <summary>
    /// Inspects the file and, when it is kept, stores it with its stripped copy; the inspection's verdict. The caller's
    /// <paramref name="file"/> stays the caller's: this returns only once the lane has finished with it (a stop asked
    /// for meanwhile ends the work between steps), so the caller may dispose it at once.
    /// </summary>
    public Task<MediaInspection> KeepAsync(Guid conversationId, Guid mediaId, string declaredType, Stream file, CancellationToken cancellationToken) =>
        workers.RunAsync(() => Keep(conversationId, mediaId, declaredType, file, cancellationToken), CancellationToken.None);

    private MediaInspection Keep(Guid conversationId, Guid mediaId, string declaredType, Stream file, CancellationToken cancellationToken)
    {
        using var view = buffers.Rent("media-view");
        var inspection = inspector.Inspect(file, declaredType, view);
        if (inspection is not MediaInspection.Keep keep)
        {
            return inspection;
        }

        cancellationToken.ThrowIfCancellationRequested();
        file.Position = 0;
        store.Write(conversationId, mediaId, MediaCopy.Original, file);
        if (keep.Media.HasView)
        {
            cancellationToken.ThrowIfCancellationRequested();
            view.Position = 0;
            store.Write(conversationId, mediaId, MediaCopy.View, view);
        }

        return keep;
    }
}
