namespace Hotline.Api.Statistics;

/// <summary>
/// The languages the statistics count cases in, each from the month the intake began to speak it: the row of a language
/// added to the intake later is counted from that month on, not as a zero in the months already published
/// (<see cref="StatisticsRows"/>). The script says which languages the intake speaks, but not since when, so each start
/// records the ones it has not seen, before the host serves and so before a case can be counted in one.
/// </summary>
public sealed class StatisticsLanguages(Database database, TimeProvider time, ILogger<StatisticsLanguages> logger)
{
    /// <summary>
    /// Records each of <paramref name="spoken"/> not yet recorded, from this month. The first time (nothing recorded yet: a
    /// new install, or the first start of the version that records them), they and every language already counted are
    /// recorded from the first month there is: until then every one of them was a row of every month, and stays one.
    /// </summary>
    public async Task RegisterAsync(IReadOnlyCollection<string> spoken, CancellationToken cancellationToken)
    {
        List<string> languages;
        string from;
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            var registered = await ReadAsync(reader, cancellationToken);
            if (registered.Count == 0)
            {
                var counted = await reader.QueryAsync<string>("StatisticsCounts_ReadValues", new { Dimension = StatisticsKeys.CaseLanguage }, cancellationToken);
                (languages, from) = (spoken.Union(counted, StringComparer.Ordinal).ToList(), MonthRange.Key(MonthRange.Earliest));
            }
            else
            {
                (languages, from) = (spoken.Where(language => !registered.ContainsKey(language)).ToList(), StatisticsKeys.MonthOf(time.GetUtcNow()));
            }
        }

        if (languages.Count == 0)
        {
            return;
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        await session.ExecuteManyAsync("StatisticsLanguages_Add", languages.Select(language => new { Language = language, FromMonth = from }), cancellationToken);
        await session.CommitAsync(cancellationToken);
        logger.LogInformation("Statistics count cases in {Languages} from {Month} on.", string.Join(", ", languages), from);
    }

    /// <summary>Every recorded language and the first month (yyyy-MM) it is counted in.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Registered>("StatisticsLanguages_ReadAll", null, cancellationToken))
            .ToDictionary(r => r.Language, r => r.FromMonth, StringComparer.Ordinal);

    private sealed record Registered
    {
        public string Language { get; init; } = "";
        public string FromMonth { get; init; } = "";
    }
}
