namespace Hotline.Benchmarks;

/// <summary>
/// What one load run amounted to. Throughput and latency count only the steady window: after the
/// warm-up (JIT, connection set-up, first pages of the database) and before the deadline. A closed loop's
/// window holds the answers that arrived in it (after the deadline, its senders only drain what is in
/// flight); an open loop's holds the posts whose intended start fell in it, however late they were
/// answered, so a backlog counts against the run that made it. Counts and the accepted MessageSids cover
/// the whole run.
/// </summary>
internal sealed record WebhookLoadSummary(
    int Requests,
    int Repeats,
    int WindowRequests,
    int WindowNotOk,
    double AcceptedPerSecond,
    double SlowestSecond,
    double FastestSecond,
    LatencyStats? Acknowledgement,
    IReadOnlyList<LatencyStats?> BySecond,
    IReadOnlyDictionary<int, int> NotOk,
    IReadOnlySet<string> AcceptedSids,
    IReadOnlyList<LoadSample> Steady)
{
    /// <summary>A closed loop's summary: the window holds the answers that arrived in it.</summary>
    public static WebhookLoadSummary ByAnswer(IReadOnlyList<LoadSample> samples, TimeSpan warmUp, TimeSpan duration) =>
        From(samples, warmUp, duration, s => s.AnsweredAt);

    /// <summary>An open loop's summary: the window holds the posts intended to start in it; latency runs from that intended start.</summary>
    public static WebhookLoadSummary ByIntendedStart(IReadOnlyList<LoadSample> samples, TimeSpan warmUp, TimeSpan duration) =>
        From(samples, warmUp, duration, s => s.SentAt);

    private static WebhookLoadSummary From(IReadOnlyList<LoadSample> samples, TimeSpan warmUp, TimeSpan duration, Func<LoadSample, TimeSpan> placedAt)
    {
        var inWindow = samples.Where(s => placedAt(s) >= warmUp && placedAt(s) < duration).ToList();
        var steady = inWindow.Where(s => s.Status == 200).ToList();
        var window = (duration - warmUp).TotalSeconds;
        var seconds = Enumerable.Range(0, (int)window)
            .Select(second => steady.Where(s => (int)(placedAt(s) - warmUp).TotalSeconds == second).ToList())
            .ToList();
        var perSecond = seconds.Select(second => second.Count).DefaultIfEmpty(0).ToList();
        return new WebhookLoadSummary(
            samples.Count,
            samples.Count(s => s.Repeat),
            inWindow.Count,
            inWindow.Count - steady.Count,
            steady.Count / window,
            perSecond.Min(),
            perSecond.Max(),
            Latency(steady),
            seconds.Select(Latency).ToList(),
            samples.Where(s => s.Status != 200).GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count()),
            samples.Where(s => s.Status == 200).Select(s => s.MessageSid).ToHashSet(StringComparer.Ordinal),
            steady);
    }

    public int NotOkCount => NotOk.Values.Sum();

    private static LatencyStats? Latency(IReadOnlyCollection<LoadSample> samples) =>
        samples.Count == 0 ? null : LatencyStats.From(samples.Select(s => (s.AnsweredAt - s.SentAt).TotalMilliseconds).ToList());

    /// <summary>
    /// The steady window's acknowledgements by the way each message went through the hotline: a repeat answered from the row
    /// stored before, a message that left its conversation with no case, and one stored in a case (open before, or opened
    /// by it), which writes the case's events and wakes what follows them. Read from the database after the run
    /// (<paramref name="withCase"/>), so a change of the traffic's mix shows apart from a change of any one path's cost.
    /// </summary>
    public void PrintByPath(string label, IReadOnlySet<string> withCase)
    {
        var paths = new (string Name, Func<LoadSample, bool> Takes)[]
        {
            ("repeats", s => s.Repeat),
            ("no case", s => !s.Repeat && !withCase.Contains(s.MessageSid)),
            ("in a case", s => !s.Repeat && withCase.Contains(s.MessageSid)),
        };
        Console.WriteLine($"{label} acknowledgement by path in the steady window: " + string.Join("; ", paths.Select(path =>
        {
            var taken = Steady.Where(path.Takes).ToList();
            return Latency(taken) is { } stats
                ? $"{path.Name} {taken.Count:N0} ({100.0 * taken.Count / Math.Max(1, Steady.Count):F0}%), p50 {stats.P50:F2} ms, p99 {stats.P99:F2} ms"
                : $"{path.Name} none";
        })));
    }

    public void Print(string label)
    {
        Console.WriteLine($"{label} {Requests:N0} posts ({Repeats:N0} repeats, {100.0 * Repeats / Math.Max(1, Requests):F1}%), "
            + $"{AcceptedSids.Count:N0} distinct MessageSids answered 200");
        Console.WriteLine($"{label} sustained: {AcceptedPerSecond:N0} accepted/s (slowest second {SlowestSecond:N0}, fastest {FastestSecond:N0})");
        Console.WriteLine(Acknowledgement is { } ack
            ? $"{label} acknowledgement: p50 {ack.P50:F2} ms, p99 {ack.P99:F2} ms, mean {ack.Mean:F2} ms, max {ack.Max:F2} ms"
            : $"{label} acknowledgement: no 200 in the steady window");
        var notOk = NotOk.Count == 0
            ? "none"
            : string.Join(", ", NotOk.OrderBy(n => n.Key).Select(n => $"{(n.Key == 0 ? "no answer" : n.Key.ToString())}: {n.Value:N0}"));
        Console.WriteLine($"{label} non-200 answers: {notOk}");
        // A tail made of a few stalled seconds (a pause, a checkpoint, a burst of background work) reads differently from one spread evenly.
        Console.WriteLine($"{label} p99 by second of the window (ms): "
            + string.Join(" ", BySecond.Select(second => second is { } stats ? stats.P99.ToString("F0") : "-")));
    }
}
