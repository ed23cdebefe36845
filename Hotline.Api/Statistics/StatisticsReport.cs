using Hotline.Api.Partners;

namespace Hotline.Api.Statistics;

/// <summary>
/// Builds the published statistics for a range of months from the pre-aggregated counters: brings the
/// counters up to date (a few batches at most, so a backlog never stalls a page), reads a few hundred rows,
/// lays them out as tables and suppresses them month by month (<see cref="ConsistentSuppression"/>). A page asks
/// for the same report once for its tables and again for each chart, so a report is kept for a few seconds while
/// nothing new was counted.
/// </summary>
public sealed class StatisticsReport(
    Database database, StatisticsProjection projection, PartnerRepository partners, StatisticsLanguages languages, IndicatorMap indicators,
    TimeProvider time, IOptions<StatisticsOptions> options)
{
    /// <summary>Batches the endpoint counts before answering; the background loop does the rest.</summary>
    public const int CatchUpBatches = 5;

    /// <summary>How long a report is reused for the same months and the same counted events; a renamed partner shows after this.</summary>
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(10);

    private const int MaxKept = 16;

    private readonly ConcurrentDictionary<string, (DateTimeOffset BuiltAt, StatisticsView View)> _recent = new(StringComparer.Ordinal);

    public async Task<StatisticsView> BuildAsync(MonthRange range, CancellationToken cancellationToken)
    {
        var progress = await projection.CatchUpAsync(CatchUpBatches, cancellationToken);
        var key = $"{range.FromKey}/{range.ToKey}/{progress.CountedThrough}";
        var now = time.GetUtcNow();
        if (_recent.TryGetValue(key, out var kept) && now - kept.BuiltAt < Reuse)
        {
            return kept.View with { Progress = progress };
        }

        var view = await BuildAsync(range, progress, cancellationToken);
        if (_recent.Count >= MaxKept)
        {
            _recent.Clear();
        }

        _recent[key] = (now, view);
        return view;
    }

    private async Task<StatisticsView> BuildAsync(MonthRange range, StatisticsProgress progress, CancellationToken cancellationToken)
    {
        List<CounterRow> rows;
        DatedRows languageRows, partnerRows;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            rows = (await session.QueryAsync<CounterRow>("StatisticsCounts_ReadRange", new { From = range.FromKey, To = range.ToKey }, cancellationToken)).AsList();
            IEnumerable<string> Counted(string dimension) => rows.Where(r => r.Dimension == dimension).Select(r => r.Value);
            languageRows = StatisticsRows.Languages(await languages.ReadAsync(session, cancellationToken), Counted(StatisticsKeys.CaseLanguage));
            partnerRows = StatisticsRows.Partners(await partners.ReadAllAsync(session, cancellationToken), Counted(StatisticsKeys.ReferralPartner));
        }

        var counts = rows.ToDictionary(r => (r.Month, r.Dimension, r.Value), r => r.Count);
        var finalAfter = options.Value.FinalAfter;
        var tables = Tables(range.Months, counts, languageRows, partnerRows, indicators, MonthHeadings.FinalWhen(finalAfter));
        var marks = ConsistentSuppression.Apply(tables);
        var headings = new MonthHeadings(time.GetUtcNow(), finalAfter);
        var views = tables.Select((t, i) => StatisticsViews.ToView(t, marks[i], headings)).ToList();
        CellMark[,] MarksOf(string id) => marks[tables.FindIndex(t => t.Id == id)];
        var timings = new[]
        {
            StatisticsViews.Timing("time-to-first-response", "Time from queueing to a caseworker's first reply",
                tables.Single(t => t.Id == "cases-by-first-response"), MarksOf("cases-by-first-response"), Totals(rows, StatisticsKeys.CaseFirstResponseTime), headings),
            StatisticsViews.Timing("time-to-referral", "Time from opening a case to sending a referral",
                tables.Single(t => t.Id == "referrals-by-time"), MarksOf("referrals-by-time"), Totals(rows, StatisticsKeys.ReferralTimeTotal), headings),
        };
        return new StatisticsView(range.FromKey, range.ToKey, views, timings, progress, StatisticsViews.SuppressionRule(finalAfter));
    }

    /// <remarks>
    /// A month's rows are the same whatever the range, and whenever it is read: fixed lists, or languages and partners each
    /// counted from the month it came to exist (<see cref="StatisticsRows"/>). What a case or referral became after its month
    /// was final is no part of that month (<see cref="StatisticsKeys.Final"/>): the tables whose rows a case moves between say
    /// so, and when (<paramref name="finalWhen"/>).
    /// </remarks>
    private static List<CountTable> Tables(
        IReadOnlyList<string> months, Dictionary<(string, string, string), long> counts, DatedRows languageRows, DatedRows partnerRows,
        IndicatorMap indicators, string finalWhen)
    {
        var casesNote = UntilFinal("case", "opened", finalWhen);
        var referralsNote = UntilFinal("referral", "proposed", finalWhen);
        List<(string, string)> Bands(string notYet) =>
            [.. StatisticsKeys.TimeBands.Select(b => (b.Code, StatisticsLabels.TimeBand(b.Code, notYet))), (StatisticsKeys.NotYet, notYet)];

        return
        [
            CountTable.Build("cases-by-language", "Cases by language", "Language", "cases", StatisticsKeys.CaseLanguage,
                languageRows.Rows, months, counts, countedFrom: languageRows.CountedFrom,
                note: "A language is counted from the month the intake began to speak it; the months before are blank."),
            CountTable.Build("cases-by-channel", "Cases by channel", "Channel", "cases", StatisticsKeys.CaseChannel,
                new[] { "Sms", "WhatsApp", "Chat" }.Select(c => (c, StatisticsLabels.Channel(c))).ToList(), months, counts),
            CountTable.Build("cases-by-indicator", "Cases by ILO indicator of forced labour", "Indicator", "cases", StatisticsKeys.CaseIndicator,
                // Twins are counted under each code alike; the row reads the first's count.
                indicators.PublishedRows.Select(twins => (twins[0], string.Join(" / ", twins.Select(StatisticsLabels.Indicator))))
                    .Append((StatisticsKeys.NoIndicator, StatisticsLabels.Indicator(StatisticsKeys.NoIndicator))).ToList(),
                months, counts, columnTotals: false, noneRow: StatisticsKeys.NoIndicator,
                note: "A case can show several indicators, so a month's rows do not add up to its cases; no column totals are given."),
            CountTable.Build("cases-by-priority", "Cases by priority band", "Priority", "cases", StatisticsKeys.CasePriority,
                StatisticsLabels.Priorities.Select(p => (p, p)).ToList(), months, counts),
            CountTable.Build("cases-by-outcome", "Cases by outcome", "Outcome", "cases", StatisticsKeys.CaseOutcome,
                StatisticsKeys.CaseOutcomes.Select(o => (o, StatisticsLabels.CaseOutcome(o))).ToList(), months, counts, note: casesNote),
            CountTable.Build("cases-by-first-response", "Cases by time to a caseworker's first reply", "Waited", "cases",
                StatisticsKeys.CaseFirstResponse, Bands("No caseworker reply yet"), months, counts, note: casesNote),
            CountTable.Build("referrals-by-partner", "Referrals by partner", "Partner", "referrals", StatisticsKeys.ReferralPartner,
                partnerRows.Rows, months, counts, countedFrom: partnerRows.CountedFrom,
                note: "Partners are in the order they joined the directory, each counted from that month; the months before are blank."),
            CountTable.Build("referrals-by-outcome", "Referrals by outcome", "Outcome", "referrals", StatisticsKeys.ReferralOutcome,
                StatisticsLabels.ReferralOutcomes.Select(o => (o, StatisticsLabels.ReferralOutcome(o))).ToList(), months, counts,
                note: referralsNote),
            CountTable.Build("referrals-by-time", "Referrals by time from opening the case to sending", "Time", "referrals",
                StatisticsKeys.ReferralTime, Bands("Not sent yet"), months, counts, note: referralsNote),
        ];
    }

    /// <summary>How a table whose rows a case or referral moves between counts: "Each case is counted in the month it was opened, ...".</summary>
    private static string UntilFinal(string counted, string when, string finalWhen) =>
        $"Each {counted} is counted in the month it was {when}, as it stands until that month is final, {finalWhen}: "
        + $"a provisional month changes as its {counted}s move on, and what happens to a {counted} after that is counted nowhere.";

    private static Dictionary<string, (long Count, long Seconds)> Totals(List<CounterRow> rows, string dimension) =>
        rows.Where(r => r.Dimension == dimension).ToDictionary(r => r.Month, r => (r.Count, r.TotalSeconds));

    private sealed record CounterRow
    {
        public string Month { get; init; } = "";
        public string Dimension { get; init; } = "";
        public string Value { get; init; } = "";
        public long Count { get; init; }
        public long TotalSeconds { get; init; }
    }
}
