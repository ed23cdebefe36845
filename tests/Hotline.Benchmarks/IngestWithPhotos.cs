namespace Hotline.Benchmarks;

/// <summary>
/// The ingest benchmark's photo phases (<c>--photos</c>): the open loop twice more, each against a fresh API
/// whose Twilio account is a local stand-in (<see cref="PhotoMessages"/>), first without photos and then with
/// 10% of the new messages MMS carrying a 1 to 3 MB JPEG. The same account, rate and traffic in both, so the
/// one difference is the photos: the webhook only records each one, and the media job fetches it (Basic auth,
/// through the stand-in's CDN redirect), inspects, hashes, strips and stores it while the load runs. If that
/// work sat on the webhook's path, or starved it, the second p99 would move away from the first.
/// </summary>
internal sealed class IngestWithPhotos
{
    private const string WithoutLabel = "[stand-in open]";
    private const string WithLabel = "[stand-in open, photos]";
    private const int PhotoSeed = 4_243;

    // Two runs of the same load differ by a little on a shared machine; a move beyond this is the photos'.
    private const double AllowedP99Rise = 0.20;
    private const double AllowedP99RiseMilliseconds = 2;

    private IngestWithPhotos(Phase without, Phase with)
    {
        Without = without;
        With = with;
    }

    private Phase Without { get; }

    private Phase With { get; }

    public static void Describe(int perSecond) =>
        Console.WriteLine($"With photos: the open loop at {perSecond:N0} posts/s twice more, each on a fresh API whose Twilio account is a local stand-in "
            + $"(replies, deletions and media fetches go to it): first no photos, then {PhotoMessages.Describe()}, served only with the account's "
            + "Basic credentials; the media job fetches them while the load runs.");

    public static async Task<IngestWithPhotos> MeasureAsync(bool signInFlood, int perSecond, TimeSpan warmUp, TimeSpan duration)
    {
        var without = await MeasureAsync(WithoutLabel, 0, signInFlood, perSecond, warmUp, duration);
        Console.WriteLine();
        var with = await MeasureAsync(WithLabel, PhotoMessages.PhotoShare, signInFlood, perSecond, warmUp, duration);
        Console.WriteLine();
        return new IngestWithPhotos(without, with);
    }

    public IEnumerable<(string Name, WebhookLoadSummary Load)> Rows(int perSecond) =>
    [
        ($"stand-in, open, {perSecond:N0}/s, no photos", Without.Load),
        ($"stand-in, open, {perSecond:N0}/s, {PhotoMessages.PhotoShare:P0} photos", With.Load),
    ];

    public void Check(int perSecond, BenchmarkTargets targets)
    {
        IngestBenchmark.CheckOpen($"open loop, Twilio stand-in, {PhotoMessages.PhotoShare:P0} photos", perSecond, With.Load, With.Audit, targets);
        var before = Without.Load.Acknowledgement?.P99 ?? double.PositiveInfinity;
        var after = With.Load.Acknowledgement?.P99 ?? double.PositiveInfinity;
        var allowed = Math.Max(before * (1 + AllowedP99Rise), before + AllowedP99RiseMilliseconds);
        targets.Check(IngestBenchmark.Name, $"photos off the webhook's path: p99 with photos at most {AllowedP99Rise:P0} (or {AllowedP99RiseMilliseconds} ms) above without",
            after <= allowed, $"{before:F2} ms without, {after:F2} ms with");
        var kept = With.Audit.MediaByStatus.GetValueOrDefault("Kept") + With.Audit.MediaByStatus.GetValueOrDefault("Stored");
        var refused = With.Audit.MediaByStatus.GetValueOrDefault("NotKept");
        targets.Check(IngestBenchmark.Name, "photos: the media job kept photos while the load ran, and refused none", kept > 0 && refused == 0,
            $"{kept:N0} kept, {refused:N0} not kept, of {With.Attached:N0} attached");
    }

    private static async Task<Phase> MeasureAsync(string label, double share, bool signInFlood, int perSecond, TimeSpan warmUp, TimeSpan duration)
    {
        await using var twilio = await PhotoMessages.StartAsync(share, PhotoSeed);
        var (load, audit, _) = await IngestBenchmark.MeasureProductAsync(label, signInFlood, warmUp, duration,
            IngestBenchmark.OpenLoop(label, perSecond, warmUp, duration), twilio);
        Console.WriteLine($"{label} Twilio stand-in: {twilio.Attached:N0} photos attached to webhooks, {twilio.Fetched:N0} fetched with the account's "
            + $"credentials, {twilio.Deleted:N0} deleted once kept");
        return new Phase(load, audit, twilio.Attached);
    }

    private sealed record Phase(WebhookLoadSummary Load, InboundMessageAudit Audit, int Attached);
}
