using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Hotline.Benchmarks;

/// <summary>
/// Inbound SMS throughput: signed Twilio webhooks posted to the real Hotline.Api on 127.0.0.1 for a
/// fixed time, then the database read back for lost and duplicated messages. The same load against a
/// bare endpoint that only inserts a row (the floor) gives the ratio that says how much the hotline's
/// own work costs on this machine, whatever its disk.
/// </summary>
internal static class IngestBenchmark
{
    public const string Usage = "ingest [seconds=30] [senders=32]";

    private const int DefaultSeconds = 30;
    private const int DefaultSenders = 32;
    private const int WarmUpSeconds = 15;
    private const int SenderNumbers = 5_000;
    private const int MaxRequestsPerSecond = 10_000;
    private const int TrafficSeed = 977;

    private const double MinAcceptedPerSecond = 2_000;
    private const double MaxP99Milliseconds = 50;
    private const double MinFloorRatio = 0.5;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, 0, DefaultSeconds, 6, 600, out var seconds) || !TryParse(args, 1, DefaultSenders, 1, 256, out var senders))
        {
            Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/Hotline.Benchmarks -- {Usage}");
            return 2;
        }

        // Untimed load first: for 10 to 20 s after start, the API's tier-1 JIT took about half of its CPU.
        var warmUp = TimeSpan.FromSeconds(WarmUpSeconds);
        var duration = warmUp + TimeSpan.FromSeconds(seconds);
        var maxRequests = (WarmUpSeconds + seconds) * MaxRequestsPerSecond;
        if (HotlineApiProcess.FindBuild() is not { } dll)
        {
            Console.Error.WriteLine("Hotline.Api is not built in Release: run `dotnet build -c Release Hotline.Api` from the repository root.");
            return 1;
        }

        var dispatcher = Environment.GetEnvironmentVariable("Hotline__Outbox__RunDispatcher") ?? "true (default)";

        Console.WriteLine("Inbound SMS: signed Twilio webhooks posted to Hotline.Api on 127.0.0.1, then its SQLite file read back.");
        Console.WriteLine($"Load: {senders} concurrent senders (closed loop, {WebhookLoad.MaxConnections} connections at most), "
            + $"{WebhookLoad.RepeatShare:P0} repeat an earlier MessageSid, {SenderNumbers:N0} distinct +97798 numbers, at most {maxRequests:N0} posts per phase.");
        Console.WriteLine($"Each phase: {WarmUpSeconds} s of untimed warm-up load, then the measured {seconds} s (the steady window); "
            + "posts in flight at the deadline are drained, not counted.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, shared with the load generator; 1-minute load average before the run {LoadAverage()}.");
        Console.WriteLine($"Product: {dll} (built {File.GetLastWriteTime(dll):yyyy-MM-dd HH:mm:ss}); outbox dispatcher: {dispatcher}.");
        Console.WriteLine();

        var floor = await MeasureFloorAsync(senders, duration, warmUp, maxRequests);
        Console.WriteLine();
        var (product, audit) = await MeasureProductAsync(dll, senders, duration, warmUp, maxRequests);
        Console.WriteLine();
        Report(senders, floor, product, audit);
        Console.WriteLine($"1-minute load average after the run: {LoadAverage()}");
        return 0;
    }

    private static async Task<WebhookLoadSummary> MeasureFloorAsync(int senders, TimeSpan duration, TimeSpan warmUp, int maxRequests)
    {
        const string label = "[floor]";
        var folder = Directory.CreateTempSubdirectory("hotline-bench-floor-").FullName;
        try
        {
            var sync = DiskSync.Measure(folder);
            Console.WriteLine($"{label} fsync of a 4 KB write on this disk: p50 {sync.P50:F3} ms, p99 {sync.P99:F3} ms "
                + $"(one commit's worth: at most about {1000 / sync.P50:N0} serial commits/s)");
            WebhookLoadSummary summary;
            await using (var server = await FloorServer.StartAsync(folder))
            {
                Console.WriteLine($"{label} bare endpoint (form read + one INSERT) in this process at {server.Target}");
                var webhooks = new SignedSmsWebhooks("floor-does-not-check", HotlineApiProcess.PublicBaseUrl, SenderNumbers, TrafficSeed);
                var load = WebhookLoad.RunAsync(server.Target, webhooks, senders, duration, maxRequests);
                var cpu = await CpuOverWindowAsync(warmUp, duration, OwnProcessorTime);
                summary = WebhookLoadSummary.From(await load, warmUp, duration);
                summary.Print(label);
                Console.WriteLine($"{label} CPU in the steady window, endpoint and load generator together: {PerAccepted(cpu[0], summary, duration - warmUp)}");
                Console.WriteLine($"{label} rows stored: {server.CountRows():N0} (one per post answered 200, repeats included: the floor does not deduplicate)");
            }

            return summary;
        }
        finally
        {
            // Pooled connections keep the file (and its WAL) open; close them before removing the folder.
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(WebhookLoadSummary Load, InboundMessageAudit Audit)> MeasureProductAsync(string dll, int senders,
        TimeSpan duration, TimeSpan warmUp, int maxRequests)
    {
        const string label = "[hotline]";
        await using var api = await HotlineApiProcess.StartAsync(dll);
        Console.WriteLine($"{label} Hotline.Api healthy at {api.BaseAddress} (database {api.DatabasePath})");
        var webhooks = new SignedSmsWebhooks(api.AuthToken, HotlineApiProcess.PublicBaseUrl, SenderNumbers, TrafficSeed);
        var target = new Uri(api.BaseAddress, SignedSmsWebhooks.Path);
        var load = WebhookLoad.RunAsync(target, webhooks, senders, duration, maxRequests);
        var cpu = await CpuOverWindowAsync(warmUp, duration, () => api.ProcessorTime, OwnProcessorTime);
        var summary = WebhookLoadSummary.From(await load, warmUp, duration);
        await api.StopAsync();
        summary.Print(label);
        Console.WriteLine($"{label} CPU in the steady window: Hotline.Api {PerAccepted(cpu[0], summary, duration - warmUp)}; "
            + $"load generator {PerAccepted(cpu[1], summary, duration - warmUp)}");

        var problems = api.Problems;
        Console.WriteLine($"{label} API log: {(problems.Count == 0 ? "no warnings or errors" : $"{problems.Values.Sum(p => p.Count):N0} warnings or errors")}");
        foreach (var (category, (count, example)) in problems.OrderByDescending(p => p.Value.Count))
        {
            Console.WriteLine($"{label}   {count:N0} x {category} e.g. \"{Truncate(example, 160)}\"");
        }

        var audit = InboundMessageAudit.Of(api.DatabasePath, summary.AcceptedSids);
        Console.WriteLine($"{label} read back: {audit.Rows:N0} inbound rows; lost {audit.Lost:N0}, duplicated {audit.Duplicated:N0}");
        Console.WriteLine($"{label} outbox when the API was stopped: "
            + string.Join(", ", audit.OutboxByStatus.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value:N0}")));
        SqliteConnection.ClearAllPools();
        return (summary, audit);
    }

    private static void Report(int senders, WebhookLoadSummary floor, WebhookLoadSummary product, InboundMessageAudit audit)
    {
        var ratio = product.AcceptedPerSecond / floor.AcceptedPerSecond;
        var p99 = product.Acknowledgement?.P99 ?? double.PositiveInfinity;
        Console.WriteLine($"senders {senders} |  accepted/s |   p50 ms |   p99 ms | non-200");
        foreach (var (name, run) in new[] { ("floor", floor), ("hotline", product) })
        {
            Console.WriteLine($"{name,-10} | {run.AcceptedPerSecond,11:N0} | {run.Acknowledgement?.P50,8:F2} | {run.Acknowledgement?.P99,8:F2} | {run.NotOkCount:N0}");
        }

        Console.WriteLine();
        Console.WriteLine($"ratio hotline / floor (accepted/s) = {ratio:F2}");
        Target($"at least {MinAcceptedPerSecond:N0} messages/s sustained", product.AcceptedPerSecond >= MinAcceptedPerSecond, $"{product.AcceptedPerSecond:N0}/s");
        Target($"p99 acknowledgement under {MaxP99Milliseconds} ms", p99 < MaxP99Milliseconds, $"{p99:F2} ms");
        Target("0 lost", audit.Lost == 0, $"{audit.Lost:N0}");
        Target("0 duplicated", audit.Duplicated == 0, $"{audit.Duplicated:N0}");
        Target($"at least {MinFloorRatio} of the floor", ratio >= MinFloorRatio, $"{ratio:F2}");
    }

    /// <summary>
    /// CPU used between the end of the warm-up and the deadline, read from each clock at both moments while
    /// the load runs. Two cores shared by server and load generator: CPU per message caps throughput too.
    /// </summary>
    private static async Task<TimeSpan[]> CpuOverWindowAsync(TimeSpan warmUp, TimeSpan duration, params Func<TimeSpan>[] clocks)
    {
        await Task.Delay(warmUp);
        var atStart = clocks.Select(clock => clock()).ToArray();
        await Task.Delay(duration - warmUp);
        return clocks.Select((clock, i) => clock() - atStart[i]).ToArray();
    }

    private static TimeSpan OwnProcessorTime() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string PerAccepted(TimeSpan cpu, WebhookLoadSummary summary, TimeSpan window) =>
        $"{cpu.TotalSeconds:F1} s of {Environment.ProcessorCount * window.TotalSeconds:F0} s "
        + $"({cpu.TotalMilliseconds / Math.Max(1, summary.AcceptedPerSecond * window.TotalSeconds):F2} ms per 200)";

    private static void Target(string name, bool holds, string actual) =>
        Console.WriteLine($"target {name}: {(holds ? "holds" : "misses")} ({actual})");

    private static bool TryParse(string[] args, int index, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return args.Length <= index
            || (int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    /// <summary>Others may be building on the same cores; the figures are only comparable between quiet machines.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "...";
}
