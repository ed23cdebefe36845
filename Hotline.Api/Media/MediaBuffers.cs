using Microsoft.IO;

namespace Hotline.Api.Media;

/// <summary>
/// The memory a file is held in between its download and the media store: pooled blocks of 64 KiB (below the
/// runtime's 85,000-byte threshold for the large-object heap), handed back when the stream is disposed. A photo of
/// 1 to 5 MB read into one array would be a large object, collected only with generation 2: at 10% photos in a
/// busy hour that made the collector run a full collection every second beside the webhooks (docs/performance.md).
/// </summary>
public sealed class MediaBuffers(IOptions<MediaOptions> options)
{
    private const int BlockSize = 64 * 1024;

    // The pool keeps, when idle, what the lane's items can hold at once: each an original and its stripped copy.
    private readonly RecyclableMemoryStreamManager _pool = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = BlockSize,
        MaximumSmallPoolFreeBytes = options.Value.ConcurrentItems * 2 * options.Value.MaxBytes,
    });

    /// <summary>An empty, seekable stream over pooled blocks; disposing it returns them.</summary>
    public Stream Rent(string purpose) => _pool.GetStream(purpose);
}
