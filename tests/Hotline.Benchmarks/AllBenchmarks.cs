namespace Hotline.Benchmarks;

/// <summary>One benchmark: its name on the command line, its usage and description, how to run it, and the arguments of a short run.</summary>
internal sealed record Benchmark(string Name, string Usage, string Description, Func<string[], BenchmarkTargets, Task<int>> RunAsync, string[] ShortRun);

/// <summary>
/// Every benchmark, and `all`, which runs each in turn and ends with one table of every target. With
/// `short`, each runs a smaller load for less time (the same targets, judged on less data): a check that
/// the benchmarks work, not figures to quote.
/// </summary>
internal static class AllBenchmarks
{
    public const string Name = "all";
    private const string ShortOption = "short";

    private static readonly Benchmark[] Benchmarks =
    [
        new(QueueBenchmark.Name, QueueBenchmark.Usage,
            "claim-next latency of the case queue with 1,000 / 100,000 / 1,000,000 queued cases (SQLite)",
            QueueBenchmark.RunAsync, ["100000", "1000"]),
        new(IngestBenchmark.Name, IngestBenchmark.Usage,
            "inbound SMS webhooks into Hotline.Api, closed loop against a bare-endpoint floor and open loop at a constant rate; lost and duplicated",
            IngestBenchmark.RunAsync, ["5", "32", "2000", "5"]),
        new(RetentionBenchmark.Name, RetentionBenchmark.Usage,
            "ingest (closed loop of signed SMS webhooks) while the retention sweep empties 1,000,000 expired messages; how far the sweep got",
            RetentionBenchmark.RunAsync, ["100000", "10", "16", "5"]),
        new(SimsBenchmark.Name, SimsBenchmark.Usage,
            "issued-SIM import of 100,000 rows, and intake engine turns per second on one thread",
            SimsBenchmark.RunAsync, ["20000", "100000"]),
        new(IntakeFlowBenchmark.Name, IntakeFlowBenchmark.Usage,
            "time to a human: 1,000 simulated people through the intake webhook; exchanges and seconds to queued, urgent word to Critical",
            IntakeFlowBenchmark.RunAsync, ["100"]),
        new(StatsBenchmark.Name, StatsBenchmark.Usage,
            "the statistics page (JSON, charts, CSV) over 1,000,000 cases in SQLite, end to end through Hotline.Api",
            StatsBenchmark.RunAsync, ["100000"]),
        new(MediaBenchmark.Name, MediaBenchmark.Usage,
            "the media job's work on a ~5 MB photo: fetch over HTTP, inspect, hash, strip, store encrypted (median of runs)",
            MediaBenchmark.RunAsync, ["2"]),
        new(ConsoleBenchmark.Name, ConsoleBenchmark.Usage,
            "SignalR consoles on one host while SMS webhooks arrive: 200 -> every console p50/p99, API memory",
            ConsoleBenchmark.RunAsync, ["500", "500", "5"]),
        new(ChaosBenchmark.Name, ChaosBenchmark.Usage,
            "three API processes on one SQLite file behind a proxy, one SIGKILLed every 10 s, Redis down 30 s, Twilio failing: nothing lost or sent twice, every case seen, ingest back within 5 s",
            ChaosBenchmark.RunAsync, ["600", "30"]),
    ];

    public static Benchmark? Find(string? name) => Benchmarks.FirstOrDefault(b => b.Name == name);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ([] or [ShortOption]))
        {
            return BenchmarkArguments.Refuse($"{Name} [{ShortOption}]");
        }

        var shortRun = args is [ShortOption];
        var targets = new BenchmarkTargets();
        var clock = Stopwatch.StartNew();
        foreach (var benchmark in Benchmarks)
        {
            var benchmarkArgs = shortRun ? benchmark.ShortRun : [];
            Console.WriteLine($"==== {benchmark.Name} {string.Join(' ', benchmarkArgs)}");
            var ran = await RunOneAsync(benchmark, benchmarkArgs, targets);
            if (ran != BenchmarkTargets.Completed)
            {
                targets.CouldNotRunBenchmark(benchmark.Name, ran);
            }

            Console.WriteLine();
        }

        PrintTable(targets, shortRun, clock.Elapsed);
        return targets.ExitCode;
    }

    public static int Usage()
    {
        Console.Error.WriteLine($"usage: {BenchmarkArguments.Command} <benchmark> [numbers...]");
        Console.Error.WriteLine($"       {BenchmarkArguments.Command} {Name} [{ShortOption}]   every benchmark in turn, then one table of every target");
        Console.Error.WriteLine();
        Console.Error.WriteLine("benchmarks:");
        foreach (var benchmark in Benchmarks)
        {
            Console.Error.WriteLine($"  {benchmark.Usage}");
            Console.Error.WriteLine($"          {benchmark.Description}; short run: {benchmark.Name} {string.Join(' ', benchmark.ShortRun)}");
        }

        Console.Error.WriteLine();
        Console.Error.WriteLine("exit code: 0 every target held, 1 a target missed, 2 arguments not understood, 3 could not run here");
        return BenchmarkTargets.UsageError;
    }

    /// <summary>
    /// A benchmark that throws (a bug, or a machine without what it needs) is reported in full and counted
    /// as a miss in the table, and the others still run.
    /// </summary>
    private static async Task<int> RunOneAsync(Benchmark benchmark, string[] args, BenchmarkTargets targets)
    {
        try
        {
            return await benchmark.RunAsync(args, targets);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"{benchmark.Name} failed: {ex}");
            return BenchmarkTargets.CouldNotRun;
        }
    }

    private static void PrintTable(BenchmarkTargets targets, bool shortRun, TimeSpan elapsed)
    {
        var targetWidth = targets.Outcomes.Select(o => o.Target.Length).DefaultIfEmpty(6).Max();
        Console.WriteLine($"==== every target ({(shortRun ? "short runs: the benchmarks work; figures are not comparable" : "full runs")}), "
            + $"{elapsed.TotalMinutes:F1} min, 1-minute load average now {LoadAverage()}");
        Console.WriteLine($"{"benchmark",-9} | {"target".PadRight(targetWidth)} | {"verdict",-7} | measured");
        foreach (var outcome in targets.Outcomes)
        {
            Console.WriteLine($"{outcome.Benchmark,-9} | {outcome.Target.PadRight(targetWidth)} | {BenchmarkTargets.Verdict(outcome.Holds),-7} | {outcome.Measured}");
        }

        var missed = targets.Outcomes.Count(o => !o.Holds);
        Console.WriteLine($"{targets.Outcomes.Count - missed} targets held, {missed} missed");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
