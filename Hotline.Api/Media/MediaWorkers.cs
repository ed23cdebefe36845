namespace Hotline.Api.Media;

/// <summary>
/// Where a media item's CPU work (decode, hash, strip, re-encode) runs: a <see cref="LowPriorityLane"/> of
/// Hotline:Media:ConcurrentItems threads at the nice value Hotline:Media:WorkerNice, so that photos get the cores only
/// when the webhooks leave them idle, and together no more than Hotline:Media:WorkerCoreShare of one core, so that they do
/// not take every such moment either (each costs a webhook that wakes then a little of its latency). Photos that arrive faster than that wait as pending items in the database, under
/// their leases, not in memory. The lane starts with the first photo.
/// </summary>
public sealed class MediaWorkers : IDisposable
{
    /// <summary>The lane's name: its threads are "media-low-1" and so on, as Linux shows them in /proc/self/task/*/comm.</summary>
    private const string LaneName = "media";

    private readonly Lazy<LowPriorityLane> _lane;

    public MediaWorkers(IOptions<MediaOptions> options, ILogger<MediaWorkers> logger)
    {
        _lane = new(() =>
        {
            var media = options.Value;
            var lane = new LowPriorityLane(LaneName, media.ConcurrentItems, media.WorkerNice, media.WorkerCoreShare);
            if (!lane.Priority.Lowered)
            {
                logger.LogWarning("Media workers run at {How}: photos may then slow the webhooks under load.", lane.Priority.How);
            }

            return lane;
        });
    }

    /// <summary>Runs <paramref name="work"/> on a worker; its result or exception, once done.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken) => _lane.Value.RunAsync(work, cancellationToken);

    /// <summary>Lets the workers finish what they hold, then ends their threads.</summary>
    public void Dispose()
    {
        if (_lane.IsValueCreated)
        {
            _lane.Value.Dispose();
        }
    }
}
