using Hotline.Api.Tests.Chaos;

namespace Hotline.Benchmarks;

/// <summary>
/// The chaos run at full size (<see cref="ChaosPlan.Full"/>): 12,000 inbound messages over two minutes to three
/// API processes on one SQLite file behind a round-robin proxy, one process SIGKILLed and restarted every 10 s,
/// Redis down for 30 s, Twilio failing a share of calls, 20 consoles. The same code as the test suite's
/// <c>ChaosTests</c>, which runs it small. Prints what it read from the tables; a missed check exits 1.
/// </summary>
internal static class ChaosBenchmark
{
    public const string Name = "chaos";
    public const string Usage = "chaos [messages=12000] [seconds=120] [seed]";

    public static async Task<int> RunAsync(string[] args, BenchmarkTargets targets)
    {
        var full = ChaosPlan.Full(Environment.TickCount & int.MaxValue);
        if (!BenchmarkArguments.TryParse(args, 0, full.Messages, 1, 1_000_000, out var messages)
            || !BenchmarkArguments.TryParse(args, 1, (int)full.Duration.TotalSeconds, 5, 3_600, out var seconds)
            || !BenchmarkArguments.TryParse(args, 2, full.Seed, 0, int.MaxValue, out var seed))
        {
            return BenchmarkArguments.Refuse(Usage);
        }

        var plan = full with { Messages = messages, Duration = TimeSpan.FromSeconds(seconds), Seed = seed };
        Console.WriteLine($"Chaos: {plan.Messages:N0} messages over {plan.Duration.TotalSeconds:F0} s, seed {plan.Seed}; "
            + $"load average at start {LoadAverage()} on {Environment.ProcessorCount} cores");
        var report = await ChaosRun.RunAsync(plan, Console.Out, CancellationToken.None);
        report.WriteTo(Console.Out);
        Console.WriteLine($"load average at the end {LoadAverage()}");
        targets.Check(Name, "nothing lost, nothing sent twice, every case seen, statistics equal a recount",
            report.Misses.Count == 0, report.Misses.Count == 0 ? "every promise held" : $"{report.Misses.Count} missed");
        targets.Check(Name, $"ingest back to its rate within {ChaosReport.RecoveryTarget.TotalSeconds:F0} s of each kill",
            report.SlowRecoveries.Count == 0, report.SlowRecoveries.Count == 0 ? "every kill" : $"{report.SlowRecoveries.Count} slower");
        return BenchmarkTargets.Completed;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
