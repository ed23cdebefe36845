namespace Hotline.Benchmarks;

/// <summary>One target of one benchmark: what was promised, what was measured, and whether it held.</summary>
internal sealed record TargetOutcome(string Benchmark, string Target, string Measured, bool Holds);

/// <summary>
/// The targets a run checked. Every benchmark states its targets through <see cref="Check"/>, so a missed
/// target is both printed and turned into the process's exit code: a script or CI step that runs a
/// benchmark cannot mistake a miss for a pass.
/// </summary>
internal sealed class BenchmarkTargets
{
    /// <summary>A benchmark ran to its end; the process's exit code is then <see cref="ExitCode"/>.</summary>
    public const int Completed = 0;

    /// <summary>Every target held.</summary>
    public const int AllHold = 0;

    /// <summary>At least one target missed.</summary>
    public const int Missed = 1;

    /// <summary>The arguments were not understood; nothing ran.</summary>
    public const int UsageError = 2;

    /// <summary>The benchmark could not run here (no Release build of Hotline.Api, not Linux, no console connected).</summary>
    public const int CouldNotRun = 3;

    private readonly List<TargetOutcome> _outcomes = [];

    public IReadOnlyList<TargetOutcome> Outcomes => _outcomes;

    public int ExitCode => _outcomes.All(o => o.Holds) ? AllHold : Missed;

    public void Check(string benchmark, string target, bool holds, string measured)
    {
        _outcomes.Add(new TargetOutcome(benchmark, target, measured, holds));
        Console.WriteLine($"target {target}: {Verdict(holds)} ({measured})");
    }

    /// <summary>A benchmark that could not run counts as a miss of everything it would have checked.</summary>
    public void CouldNotRunBenchmark(string benchmark, int exitCode) =>
        _outcomes.Add(new TargetOutcome(benchmark, "runs to the end", $"exit code {exitCode}", false));

    public static string Verdict(bool holds) => holds ? "holds" : "MISSED";
}
