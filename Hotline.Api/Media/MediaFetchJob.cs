using System.Diagnostics;

namespace Hotline.Api.Media;

/// <summary>
/// Fetches the attachments the webhooks recorded, off the webhook's path: each item is held by a lease
/// while it is worked on, so several instances can run this against one database. A fetched file is
/// inspected, stored encrypted with its hash and metadata, and then Twilio's copy is deleted. A failure
/// that can pass (the network, a timeout, a 5xx) is tried again later, up to Hotline:Media:MaxAttempts; one
/// that cannot (the type, the size, a damaged image, a link to elsewhere) marks the item not kept at once,
/// with its reason. Nothing here touches the message or the case: a bad file costs only itself.
/// </summary>
public sealed class MediaFetchJob(
    Database database,
    MediaItemRepository items,
    MediaDownloader downloader,
    MediaInspector inspector,
    MediaStore store,
    ProviderCopyDeleter deleter,
    IOptions<MediaOptions> options,
    IOptions<TwilioOptions> twilio,
    TimeProvider time,
    ILogger<MediaFetchJob> logger,
    Health.LoopWatch loops) : PeriodicJob(time, logger, loops)
{
    private const int BatchSize = 10;
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override string PassName => "Fetching media";

    protected override bool Enabled => options.Value.RunFetcher;

    protected override bool RunsAtStart => true;

    protected override async Task RunPassAsync(CancellationToken cancellationToken) => await FetchDueAsync(cancellationToken);

    /// <summary>One pass: claims what is due in one write, then works on each item; the number claimed.</summary>
    public async Task<int> FetchDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await database.ClaimDueAsync(items, BatchSize, TimeSpan.FromSeconds(options.Value.LeaseSeconds), cancellationToken);

        foreach (var item in claimed)
        {
            await WorkOnAsync(item, cancellationToken);
        }

        return claimed.Count;
    }

    private async Task WorkOnAsync(MediaItem item, CancellationToken cancellationToken)
    {
        if (MediaOrigin.Of(item.Source, twilio.Value) is not { } origin)
        {
            await WriteAsync((session, token) => items.RefuseAsync(session, item, "the link is not the channel's own media host", token), cancellationToken);
            return;
        }

        if (item.Status == MediaStatus.Pending && !await FetchAsync(item, origin, cancellationToken))
        {
            return;
        }

        var deleteError = await deleter.DeleteAsync(origin, cancellationToken);
        await WriteAsync((session, token) => deleteError is null
            ? items.MarkKeptAsync(session, item, token)
            : items.RescheduleAsync(session, item, NextAttempt(item.Status == MediaStatus.Pending ? 1 : item.Attempts), deleteError, token),
            cancellationToken);
    }

    /// <summary>True when the file is now in the media store (the provider's copy is to delete next).</summary>
    private async Task<bool> FetchAsync(MediaItem item, MediaOrigin origin, CancellationToken cancellationToken) =>
        await downloader.DownloadAsync(origin, cancellationToken) switch
        {
            MediaDownload.Fetched fetched => inspector.Inspect(fetched.Bytes, item.Source.DeclaredType) switch
            {
                MediaInspection.Keep keep => await KeepAsync(item, keep, fetched.Bytes, cancellationToken),
                MediaInspection.Refuse refuse => await NotKeptAsync(item, refuse.Reason, cancellationToken),
                _ => throw new UnreachableException(),
            },
            MediaDownload.Failed { Retry: true } failed when item.Attempts < options.Value.MaxAttempts =>
                await RetryLaterAsync(item, failed.Reason, cancellationToken),
            MediaDownload.Failed { Retry: true } failed =>
                await NotKeptAsync(item, $"{failed.Reason}; gave up after {item.Attempts} {(item.Attempts == 1 ? "attempt" : "attempts")}", cancellationToken),
            MediaDownload.Failed failed => await NotKeptAsync(item, failed.Reason, cancellationToken),
            _ => throw new UnreachableException(),
        };

    /// <summary>Always false: the item is not in the media store yet.</summary>
    private async Task<bool> RetryLaterAsync(MediaItem item, string reason, CancellationToken cancellationToken)
    {
        await WriteAsync((session, token) => items.RescheduleAsync(session, item, NextAttempt(item.Attempts), reason, token), cancellationToken);
        return false;
    }

    /// <summary>Always false: the item is not in the media store.</summary>
    private async Task<bool> NotKeptAsync(MediaItem item, string reason, CancellationToken cancellationToken)
    {
        await WriteAsync((session, token) => items.RefuseAsync(session, item, reason, token), cancellationToken);
        return false;
    }

    private async Task<bool> KeepAsync(MediaItem item, MediaInspection.Keep keep, byte[] original, CancellationToken cancellationToken)
    {
        await store.WriteAsync(item.ConversationId, item.Id, MediaCopy.Original, original, cancellationToken);
        if (keep.View is { } view)
        {
            await store.WriteAsync(item.ConversationId, item.Id, MediaCopy.View, view, cancellationToken);
        }

        return await WriteAsync((session, token) => items.StoreAsync(session, item, keep.Media, token), cancellationToken);
    }

    private DateTimeOffset NextAttempt(int attempts)
    {
        var wait = TimeSpan.FromSeconds(options.Value.RetryBaseSeconds * Math.Pow(2, Math.Min(attempts - 1, 16)));
        return Time.GetUtcNow() + (wait < LongestWait ? wait : LongestWait);
    }

    private async Task<bool> WriteAsync(Func<DbSession, CancellationToken, Task<bool>> change, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var held = await change(session, cancellationToken);
        await session.CommitAsync(cancellationToken);
        if (!held)
        {
            Logger.LogWarning("A media item's lease ran out while it was worked on; another pass takes it over.");
        }

        return held;
    }
}
