namespace Hotline.Benchmarks;

/// <summary>Summary of one series of timings, in milliseconds.</summary>
internal readonly record struct LatencyStats(double P50, double P99, double Mean, double Max)
{
    public static LatencyStats From(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new(Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Average(), sorted[^1]);
    }

    // Nearest rank: every reported figure is a latency that was actually observed.
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
