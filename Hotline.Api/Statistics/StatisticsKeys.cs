using Hotline.Api.Referrals;

namespace Hotline.Api.Statistics;

/// <summary>One counter a case adds 1 to (and <see cref="Seconds"/> to its running total, for times).</summary>
public readonly record struct StatisticsKey(string Month, string Dimension, string Value, long Seconds);

/// <summary>What the projection reads of a case: codes and times only.</summary>
public sealed record CaseFacts
{
    public Guid Id { get; init; }
    public PriorityBand Priority { get; init; }
    public string TriageReasons { get; init; } = "[]";
    public string Language { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Outcome { get; init; }
    public DateTimeOffset QueuedAt { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public string Channel { get; init; } = "";

    /// <summary>The case's earliest event among those being counted: the months final by then keep what they counted.</summary>
    public DateTimeOffset FirstEventAt { get; init; }
}

public sealed record ReferralFacts
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public Guid PartnerId { get; init; }
    public ReferralStatus Status { get; init; }
    public string? Outcome { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
}

/// <summary>
/// The counters a case contributes to: a pure function of its facts, so recounting a case always gives the
/// same keys. Months are UTC calendar months of when the case was opened (cases) or proposed (referrals). A month's
/// language, channel, priority and indicators are final when it ends; its outcomes, first replies and referrals
/// (<see cref="ArrivesLate"/>) are provisional until some weeks after it ends and final from then on (<see cref="Final"/>),
/// so they are those they had when the month became final.
/// </summary>
public static class StatisticsKeys
{
    public const string CaseLanguage = "case.language";
    public const string CaseChannel = "case.channel";
    public const string CasePriority = "case.priority";
    public const string CaseIndicator = "case.indicator";
    public const string CaseOutcome = "case.outcome";
    public const string CaseFirstResponse = "case.first_response";
    public const string CaseFirstResponseTime = "case.first_response_time";
    public const string ReferralPartner = "referral.partner";
    public const string ReferralOutcome = "referral.outcome";
    public const string ReferralTime = "referral.time_to_referral";
    public const string ReferralTimeTotal = "referral.time_to_referral_time";

    /// <summary>
    /// What a month counts that comes after the month ends: a case's outcome and first reply, a referral's steps. The
    /// rest of a case (language, channel, priority, indicators) is known in its month, and a re-triage after it would only
    /// move a saved table by one case.
    /// </summary>
    public static readonly IReadOnlySet<string> LateDimensions = new HashSet<string>(StringComparer.Ordinal)
    {
        CaseOutcome, CaseFirstResponse, CaseFirstResponseTime, ReferralPartner, ReferralOutcome, ReferralTime, ReferralTimeTotal,
    };

    public const string NoIndicator = "none";
    public const string NotYet = "not_yet";
    public const string All = "all";

    /// <summary>The case outcome codes counted, "open" first; anything else (an erased person's case) counts as "other".</summary>
    public static readonly string[] CaseOutcomes = ["open", .. Hotline.Api.CaseStore.CaseOutcomes.Choices.Select(choice => choice.Code)];

    /// <summary>Lower bounds, in seconds, of the bands a waiting time is counted in.</summary>
    public static readonly (string Code, long From)[] TimeBands =
    [
        ("under_5_min", 0), ("5_to_15_min", 300), ("15_to_60_min", 900), ("1_to_4_h", 3_600),
        ("4_to_24_h", 14_400), ("1_to_3_days", 86_400), ("over_3_days", 259_200),
    ];

    public static string MonthOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string BandOf(long seconds) => TimeBands.Last(b => seconds >= b.From).Code;

    public static IReadOnlyList<StatisticsKey> For(CaseFacts kase, DateTimeOffset? firstReplyAt, IEnumerable<ReferralFacts> referrals, IndicatorMap indicators)
    {
        var month = MonthOf(kase.OpenedAt);
        var keys = new List<StatisticsKey>
        {
            new(month, CaseLanguage, Clean(kase.Language), 0),
            new(month, CaseChannel, Clean(kase.Channel), 0),
            new(month, CasePriority, kase.Priority.ToString(), 0),
            new(month, CaseOutcome, kase.Status == "Closed" ? OutcomeCode(kase.Outcome) : "open", 0),
        };
        var caseIndicators = indicators.IndicatorsOf(kase.TriageReasons);
        keys.AddRange((caseIndicators.Count == 0 ? [NoIndicator] : caseIndicators).Select(i => new StatisticsKey(month, CaseIndicator, i, 0)));
        if (firstReplyAt is { } replied)
        {
            var seconds = Math.Max(0, (long)(replied - kase.QueuedAt).TotalSeconds);
            keys.Add(new(month, CaseFirstResponse, BandOf(seconds), 0));
            keys.Add(new(month, CaseFirstResponseTime, All, seconds));
        }
        else
        {
            keys.Add(new(month, CaseFirstResponse, NotYet, 0));
        }

        foreach (var referral in referrals)
        {
            var referralMonth = MonthOf(referral.CreatedAt);
            var partner = referral.PartnerId.ToString("D");
            var outcome = ReferralOutcomeCode(referral);
            keys.Add(new(referralMonth, ReferralPartner, partner, 0));
            keys.Add(new(referralMonth, ReferralOutcome, outcome, 0));
            if (referral.SentAt is { } sent)
            {
                var seconds = Math.Max(0, (long)(sent - kase.OpenedAt).TotalSeconds);
                keys.Add(new(referralMonth, ReferralTime, BandOf(seconds), 0));
                keys.Add(new(referralMonth, ReferralTimeTotal, All, seconds));
            }
            else
            {
                keys.Add(new(referralMonth, ReferralTime, NotYet, 0));
            }
        }

        return keys;
    }

    public static bool ArrivesLate(string dimension) => LateDimensions.Contains(dimension);

    /// <summary>
    /// What a case counts under once its events from <paramref name="firstEventAt"/> on are counted: in the tables of a
    /// month already final by then (<see cref="FinalOn(StatisticsKey, TimeSpan)"/>), what it was counted under before, since
    /// what they published stays as it was; in those still provisional, <paramref name="fresh"/>. With the default 90 days,
    /// a January case closed on 20 March moves January's count from "still open" to its outcome; closed on 5 May, it
    /// changes nothing in January, whose table, saved on 2 May and read again today, is the same table. Raised to Critical
    /// on 20 March, it stays High in January, whose priorities were final on 1 February. A month the case was never counted
    /// in (first counted after it was final, such as a case set aside as unreadable and mended later) takes the fresh keys,
    /// final or not: a case counted nowhere would leave the month's tables disagreeing on its total.
    /// </summary>
    public static IReadOnlyList<StatisticsKey> Final(
        IReadOnlyList<StatisticsKey> counted, IReadOnlyList<StatisticsKey> fresh, DateTimeOffset firstEventAt, TimeSpan finalAfter)
    {
        var countedMonths = counted.Select(key => key.Month).ToHashSet(StringComparer.Ordinal);
        bool Kept(StatisticsKey key) => FinalOn(key, finalAfter) <= firstEventAt && countedMonths.Contains(key.Month);
        return [.. counted.Where(Kept), .. fresh.Where(key => !Kept(key))];
    }

    /// <summary>The moment what <paramref name="key"/> counts becomes final: its month's end, plus <paramref name="finalAfter"/> if it <see cref="ArrivesLate"/>.</summary>
    public static DateTimeOffset FinalOn(StatisticsKey key, TimeSpan finalAfter) =>
        FinalOn(key.Month, ArrivesLate(key.Dimension) ? finalAfter : TimeSpan.Zero);

    /// <summary>The moment a month's figures become final: <paramref name="finalAfter"/> after the month ends (UTC).</summary>
    public static DateTimeOffset FinalOn(string month, TimeSpan finalAfter)
    {
        var first = DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return new DateTimeOffset(first, TimeSpan.Zero).AddMonths(1) + finalAfter;
    }

    /// <summary>Where a referral ended, or the step it waits at: completed ones by their outcome code.</summary>
    public static string ReferralOutcomeCode(ReferralFacts referral) => referral.Status switch
    {
        ReferralStatus.Completed => "completed:" + (ReferralCodes.Outcomes.ContainsKey(referral.Outcome ?? "") ? referral.Outcome : "other"),
        var status => status.ToString().ToLowerInvariant(),
    };

    public static string OutcomeCode(string? outcome)
    {
        return outcome is not null && Hotline.Api.CaseStore.CaseOutcomes.IsChoice(outcome) ? outcome : Hotline.Api.CaseStore.CaseOutcomes.Other;
    }

    /// <summary>The stored form: one key per line, fields separated by tabs (no code holds either).</summary>
    public static string Serialize(IReadOnlyList<StatisticsKey> keys)
    {
        var text = new StringBuilder();
        foreach (var key in keys)
        {
            text.Append(key.Month).Append('\t').Append(key.Dimension).Append('\t').Append(key.Value).Append('\t')
                .Append(key.Seconds.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads the stored form back; throws <see cref="FormatException"/> for a line that is not a key.</summary>
    public static IReadOnlyList<StatisticsKey> Deserialize(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(f => f.Length == 4
                ? new StatisticsKey(f[0], f[1], f[2], long.Parse(f[3], CultureInfo.InvariantCulture))
                : throw new FormatException($"A stored statistics key has {f.Length} fields, not 4."))
            .ToList();

    private static string Clean(string value) =>
        string.IsNullOrWhiteSpace(value) ? "und" : value.Trim().Replace('\t', ' ').Replace('\n', ' ');
}
