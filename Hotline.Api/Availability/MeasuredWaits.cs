namespace Hotline.Api.Availability;

/// <summary>
/// The wait a person is told at hand-off, measured: per language and band, the median time from queued to first
/// claimed over the last two hours, rounded to 5 minutes and kept within 5..240; a language and band with fewer
/// than five claims has none (the engine then says the configured wait). Read at most once per
/// <see cref="OpeningHoursOptions.WaitCacheSeconds"/>, so a burst of hand-offs does not run the query each time.
/// </summary>
public sealed class MeasuredWaits(Database database, TimeProvider time, IOptions<OpeningHoursOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(2);

    public const int MinimumClaims = 5;

    public const int ShortestMinutes = 5;

    public const int LongestMinutes = 240;

    private readonly SemaphoreSlim _reading = new(1, 1);
    private (DateTimeOffset ReadAt, IReadOnlyDictionary<(string Language, PriorityBand Band), int> Waits)? _cached;

    public async Task<IReadOnlyDictionary<(string Language, PriorityBand Band), int>> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Fresh(now) is { } fresh)
        {
            return fresh;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(now) is { } readMeanwhile)
            {
                return readMeanwhile;
            }

            await using var session = await database.OpenAsync(cancellationToken);
            var waits = await ReadAsync(session, now, cancellationToken);
            _cached = (now, waits);
            return waits;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>The waits measured now, without the cache.</summary>
    public async Task<IReadOnlyDictionary<(string Language, PriorityBand Band), int>> ReadAsync(DbSession session, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var claims = await session.QueryAsync<ClaimWait>("Cases_ReadClaimWaits", new { Since = now - Window }, cancellationToken);
        return claims
            .GroupBy(c => (c.Language, c.Priority))
            .Where(g => g.Count() >= MinimumClaims)
            .ToDictionary(g => g.Key, g => Announced(Median(g.Select(c => c.FirstClaimedAt - c.QueuedAt).ToList())));
    }

    /// <summary>Rounded to the nearest 5 minutes, never under 5 (a person is not promised a reply at once) nor over 240.</summary>
    public static int Announced(TimeSpan median)
    {
        var rounded = (int)Math.Round(median.TotalMinutes / ShortestMinutes, MidpointRounding.AwayFromZero) * ShortestMinutes;
        return Math.Clamp(rounded, ShortestMinutes, LongestMinutes);
    }

    private static TimeSpan Median(List<TimeSpan> waits)
    {
        waits.Sort();
        var middle = waits.Count / 2;
        return waits.Count % 2 == 1 ? waits[middle] : (waits[middle - 1] + waits[middle]) / 2;
    }

    private IReadOnlyDictionary<(string Language, PriorityBand Band), int>? Fresh(DateTimeOffset now) =>
        _cached is { } cached && now - cached.ReadAt < TimeSpan.FromSeconds(options.Value.WaitCacheSeconds) && now >= cached.ReadAt
            ? cached.Waits
            : null;

    private sealed record ClaimWait
    {
        public string Language { get; init; } = "";

        public PriorityBand Priority { get; init; }

        public DateTimeOffset QueuedAt { get; init; }

        public DateTimeOffset FirstClaimedAt { get; init; }
    }
}
