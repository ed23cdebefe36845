namespace Hotline.Benchmarks;

/// <summary>
/// The API's garbage collections and their pauses over the steady window, and how long its single SQLite writer was held,
/// from its own <c>/metrics</c> (served to loopback): a latency tail made of pauses shows in the first, one made of
/// queueing behind the writer in the second (docs/performance.md: the open loop's p99 grows once the writer is held
/// more than about 70% of the time).
/// </summary>
internal sealed record RuntimeProbe(double Collections, double Gen2Collections, double PauseSeconds, double ThreadPoolQueue, double AllocatedBytes,
    double WriterBusySeconds)
{
    private const string CollectionsMetric = "dotnet_gc_collections_total";
    private const string PauseMetric = "dotnet_gc_pause_time_seconds_total";
    private const string QueueMetric = "dotnet_thread_pool_queue_length";
    private const string AllocatedMetric = "dotnet_gc_heap_total_allocated_bytes_total";
    private const string WriterBusyMetric = "hotline_sqlite_writer_busy_seconds_total";

    public static async Task<RuntimeProbe?> ReadAsync(Uri api)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            var lines = (await client.GetStringAsync(new Uri(api, "/metrics"))).Split('\n');
            return new RuntimeProbe(Sum(lines, CollectionsMetric, null), Sum(lines, CollectionsMetric, "gen2"), Sum(lines, PauseMetric, null),
                Sum(lines, QueueMetric, null), Sum(lines, AllocatedMetric, null), Sum(lines, WriterBusyMetric, null));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The API too busy to answer within 5 s: the window is then reported without its GC figures.
            return null;
        }
    }

    /// <summary>What happened between two reads, as one line for the report.</summary>
    public static string Describe(RuntimeProbe? start, RuntimeProbe? end, TimeSpan window) =>
        start is null || end is null
            ? "not read (the API did not answer /metrics in time)"
            : $"{end.Collections - start.Collections:N0} collections ({end.Gen2Collections - start.Gen2Collections:N0} of generation 2), "
                + $"paused {(end.PauseSeconds - start.PauseSeconds) * 1000:N0} ms in all ({(end.PauseSeconds - start.PauseSeconds) / window.TotalSeconds:P1} of the window); "
                + $"allocated {(end.AllocatedBytes - start.AllocatedBytes) / 1e6:N0} MB ({(end.AllocatedBytes - start.AllocatedBytes) / 1e6 / window.TotalSeconds:N1} MB/s); "
                + $"thread-pool queue at the end {end.ThreadPoolQueue:N0}; the single writer held "
                + $"{end.WriterBusySeconds - start.WriterBusySeconds:N2} s ({(end.WriterBusySeconds - start.WriterBusySeconds) / window.TotalSeconds:P0} of the window)";

    private static double Sum(IEnumerable<string> lines, string metric, string? generation) =>
        lines.Where(line => line.StartsWith(metric, StringComparison.Ordinal) && (line.Length == metric.Length || line[metric.Length] is '{' or ' ')
                && (generation is null || line.Contains($"gc_heap_generation=\"{generation}\"", StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
