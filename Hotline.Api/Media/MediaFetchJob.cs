using System.Diagnostics;
using Hotline.Api.TwilioDeletion;

namespace Hotline.Api.Media;

/// <summary>
/// Fetches the attachments the webhooks recorded, off the webhook's path: each item is held by a lease
/// while it is worked on, so several instances can run this against one database. A fetched file is
/// inspected, stored encrypted with its hash and metadata, and then Twilio's copy is deleted. A failure
/// that can pass (the network, a timeout, a 5xx) is tried again later, up to Hotline:Media:MaxAttempts; one
/// that cannot (the type, the size, a damaged image, a link to elsewhere) marks the item not kept at once,
/// with its reason. Nothing here touches the message or the case: a bad file costs only itself. Once every item of a
/// message is kept, the message itself is queued for deletion at Twilio (<see cref="TwilioDeletions"/>) in the write that
/// kept the last of them; one with an item not kept stays there until retention, its only copy.
/// Beside the webhooks, an item costs them one short claim at the writer and two single-row statements in their shared
/// commits (a third, on one message's row, when it is kept); its CPU work runs on the media lane (<see cref="MediaKeeper"/>) and no transaction is open while it does.
/// </summary>
public sealed class MediaFetchJob(
    Database database,
    MediaItemRepository items,
    MediaDownloader downloader,
    MediaKeeper keeper,
    StrandedMediaFiles strandedFiles,
    ProviderCopyDeleter deleter,
    TwilioDeletions twilioDeletions,
    IOptions<MediaOptions> options,
    IOptions<TwilioOptions> twilio,
    SimulatorMediaOrigin simulator,
    TimeProvider time,
    ReadCoreTimes readCores,
    ILogger<MediaFetchJob> logger,
    Health.LoopWatch loops) : PeriodicJob(time, logger, loops)
{
    /// <summary>A pass ends after this many items, so that a long backlog still reports each pass's outcome to the loop watch.</summary>
    private const int MostItemsPerPass = 100;
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly BusyMachineYield _yield =
        new(options.Value.YieldWhileCoresFreeBelow, TimeSpan.FromSeconds(options.Value.LongestYieldSeconds), time, readCores);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override string PassName => "Fetching media";

    protected override bool Enabled => options.Value.RunFetcher;

    protected override bool RunsAtStart => true;

    protected override async Task RunPassAsync(CancellationToken cancellationToken) => await FetchDueAsync(cancellationToken);

    /// <summary>
    /// One pass: claims Hotline:Media:ConcurrentItems items at a time (each claim one short write) and works on them
    /// together, until nothing more is due; the number worked on. Claimed items first wait for free cores
    /// (Hotline:Media:YieldWhileCoresFreeBelow), within their lease; while the webhooks keep the cores busy a pass works
    /// on one claim only. An item is worked on once a pass: one given another attempt is left for a later pass. Claiming
    /// only what is worked on now keeps the rest of a backlog unleased, so a slow item never holds others past their lease.
    /// </summary>
    public async Task<int> FetchDueAsync(CancellationToken cancellationToken)
    {
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var thisPass = new NotWorkedThisPass(items);
        while (thisPass.Worked < MostItemsPerPass)
        {
            var claimed = await database.ClaimDueAsync(thisPass, options.Value.ConcurrentItems, lease, cancellationToken);
            if (claimed.Count == 0)
            {
                break;
            }

            thisPass.Add(claimed);
            var coresFree = await _yield.WaitForFreeCoresAsync(cancellationToken);
            await Task.WhenAll(claimed.Select(item => WorkOnAsync(item, cancellationToken)));
            if (!coresFree)
            {
                // The webhooks keep the cores: one claim a pass, so that each pass still ends and reports.
                break;
            }
        }

        return thisPass.Worked;
    }

    private async Task WorkOnAsync(MediaItem item, CancellationToken cancellationToken)
    {
        if (MediaOrigin.Of(item.Source, twilio.Value, simulator.TwilioBaseUrl) is not { } origin)
        {
            await WriteAsync((session, token) => items.RefuseAsync(session, item, "the link is not the channel's own media host", token), cancellationToken);
            return;
        }

        if (item.Status == MediaStatus.Pending && !await FetchAsync(item, origin, cancellationToken))
        {
            return;
        }

        var deleteError = await deleter.DeleteAsync(origin, cancellationToken);
        await WriteAsync(deleteError is null
            ? Kept(item)
            : (session, token) => items.RescheduleAsync(session, item, NextAttempt(item.Status == MediaStatus.Pending ? 1 : item.Attempts), deleteError, token),
            cancellationToken);
    }

    /// <summary>True when the file is now in the media store (the provider's copy is to delete next).</summary>
    private async Task<bool> FetchAsync(MediaItem item, MediaOrigin origin, CancellationToken cancellationToken) =>
        await downloader.DownloadAsync(origin, cancellationToken) switch
        {
            MediaDownload.Fetched fetched => await KeepOrRefuseAsync(item, fetched, cancellationToken),
            MediaDownload.Failed { Retry: true } failed when item.Attempts < options.Value.MaxAttempts =>
                await RetryLaterAsync(item, failed.Reason, cancellationToken),
            MediaDownload.Failed { Retry: true } failed =>
                await NotKeptAsync(item, $"{failed.Reason}; gave up after {item.Attempts} {(item.Attempts == 1 ? "attempt" : "attempts")}", cancellationToken),
            MediaDownload.Failed failed => await NotKeptAsync(item, failed.Reason, cancellationToken),
            _ => throw new UnreachableException(),
        };

    /// <summary>The file's CPU work on the media lane, then one short write with what was found.</summary>
    private async Task<bool> KeepOrRefuseAsync(MediaItem item, MediaDownload.Fetched fetched, CancellationToken cancellationToken)
    {
        MediaInspection inspection;
        using (fetched)
        {
            inspection = await keeper.KeepAsync(item.ConversationId, item.Id, item.Source.DeclaredType, fetched.Body, cancellationToken);
        }

        return inspection switch
        {
            MediaInspection.Keep keep => await StoreAsync(item, keep.Media, cancellationToken),
            MediaInspection.Refuse refuse => await NotKeptAsync(item, refuse.Reason, cancellationToken),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>
    /// Records the file now in the store. The row is written after the file, so an erasure or retention that removed the
    /// row meanwhile has already removed the conversation's files and would leave this one: it goes at once. When another
    /// instance took the item over instead, its row is still there and the file is that instance's to keep.
    /// </summary>
    private async Task<bool> StoreAsync(MediaItem item, StoredMedia stored, CancellationToken cancellationToken)
    {
        if (await WriteAsync((session, token) => items.StoreAsync(session, item, stored, token), cancellationToken))
        {
            return true;
        }

        await strandedFiles.RemoveAsync(item.ConversationId, cancellationToken);
        return false;
    }

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

    /// <summary>
    /// Marks the item kept and then, in the same write, queues its message for deletion at Twilio if every other item of the
    /// message is kept too (the statements take the message's items in turns, so exactly one write queues it, however many
    /// are kept at once, on however many instances). A message with an item not kept stays at Twilio, whose copy is then the
    /// only one, until retention. Nothing is queued when the lease was lost: the item is another pass's to finish.
    /// </summary>
    private Func<DbSession, CancellationToken, Task<bool>> Kept(MediaItem item) =>
        async (session, token) =>
        {
            if (!await items.MarkKeptAsync(session, item, token))
            {
                return false;
            }

            await twilioDeletions.EnqueueWhenMediaKeptAsync(session, item.MessageId, token);
            return true;
        };

    private DateTimeOffset NextAttempt(int attempts)
    {
        var wait = TimeSpan.FromSeconds(options.Value.RetryBaseSeconds * Math.Pow(2, Math.Min(attempts - 1, 16)));
        return Time.GetUtcNow() + (wait < LongestWait ? wait : LongestWait);
    }

    /// <summary>
    /// One statement on the item's row, in the webhooks' shared commit (<see cref="Database.WriteAsync{T}"/>): it rides a
    /// group the writer commits anyway, so the job never takes a turn of its own at the writer for it, nor an fsync.
    /// </summary>
    private async Task<bool> WriteAsync(Func<DbSession, CancellationToken, Task<bool>> change, CancellationToken cancellationToken)
    {
        var held = await database.WriteAsync(change, cancellationToken);
        if (!held)
        {
            Logger.LogWarning("A media item's lease ran out while it was worked on; another pass takes it over.");
        }

        return held;
    }

    /// <summary>The media queue less the items this pass has already worked on.</summary>
    private sealed class NotWorkedThisPass(MediaItemRepository items) : ILeasedQueue<Guid, MediaItem>
    {
        private readonly HashSet<Guid> _worked = [];

        public int Worked => _worked.Count;

        public void Add(IEnumerable<MediaItem> claimed) => _worked.UnionWith(claimed.Select(item => item.Id));

        public async Task<IReadOnlyList<Guid>> ReadDueAsync(DbSession session, DateTimeOffset now, int take, CancellationToken cancellationToken) =>
            (await items.ReadDueAsync(session, now, take + _worked.Count, cancellationToken)).Where(id => !_worked.Contains(id)).Take(take).ToList();

        public Task<MediaItem?> ClaimAsync(DbSession session, Guid due, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
            items.ClaimAsync(session, due, now, lease, cancellationToken);
    }
}
