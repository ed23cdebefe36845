namespace Hotline.Benchmarks;

/// <summary>
/// The cost of one fsync on the disk under a folder. Every durable SQLite commit pays it (with
/// synchronous=FULL, or the product writer's own sync of the log after a commit), so
/// it is the floor under write latencies and the first thing to compare between two machines' figures.
/// </summary>
internal static class DiskSync
{
    public static LatencyStats Measure(string folder, int syncs = 300)
    {
        var path = Path.Combine(folder, "fsync-probe.bin");
        var page = new byte[4096];
        var samples = new double[syncs];
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            for (var i = 0; i < syncs; i++)
            {
                file.Write(page);
                var started = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        File.Delete(path);
        return LatencyStats.From(samples);
    }
}
