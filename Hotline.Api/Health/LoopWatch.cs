namespace Hotline.Api.Health;

/// <summary>
/// How each background loop's last passes went, as <see cref="Hosting.GuardedPass"/> reports them: a loop
/// that keeps failing takes the instance out of readiness, and every failure is counted in the metrics.
/// </summary>
public sealed class LoopWatch(HotlineMetrics metrics)
{
    private readonly ConcurrentDictionary<string, int> _failuresInARow = new();

    /// <summary>
    /// A failed pass, counted in the metrics; <paramref name="failuresInARow"/> is what readiness counts (the failures in a
    /// row that were not a third party's outage).
    /// </summary>
    public void Failed(string loop, int failuresInARow)
    {
        _failuresInARow[loop] = failuresInARow;
        metrics.LoopFailed(loop);
    }

    public void Succeeded(string loop) => _failuresInARow[loop] = 0;

    /// <summary>The loops whose last <paramref name="failuresInARow"/> passes or more all failed.</summary>
    public IReadOnlyList<string> Stalled(int failuresInARow) =>
        _failuresInARow.Where(loop => loop.Value >= failuresInARow).Select(loop => loop.Key).Order(StringComparer.Ordinal).ToList();
}
