using Hotline.Api.Referrals;

namespace Hotline.Api.Statistics;

/// <summary>The words tables, CSV files and charts use for codes, so all three read the same.</summary>
public static class StatisticsLabels
{
    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English", ["ar"] = "Arabic", ["hi"] = "Hindi", ["ur"] = "Urdu", ["bn"] = "Bengali", ["ne"] = "Nepali",
        ["ml"] = "Malayalam", ["ta"] = "Tamil", ["te"] = "Telugu", ["si"] = "Sinhala", ["fil"] = "Filipino", ["id"] = "Indonesian",
        ["am"] = "Amharic", ["sw"] = "Swahili", ["und"] = "Not yet known",
    };

    public static string Month(string key) =>
        DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    public static string Language(string tag) => LanguageNames.TryGetValue(tag, out var name) ? $"{name} ({tag})" : tag;

    public static string Channel(string channel) => channel switch
    {
        "Sms" => "SMS",
        "Chat" => "Web chat",
        _ => channel,
    };

    public static readonly string[] Priorities = ["Critical", "High", "Medium", "Low"];

    public static string Indicator(string code) =>
        code == StatisticsKeys.NoIndicator ? "No indicator recorded" : IndicatorMap.Labels.GetValueOrDefault(code, code);

    public static string CaseOutcome(string code) => code == "open" ? "Still open" : CaseOutcomes.LabelOf(code);

    public static string TimeBand(string code, string notYet) => code switch
    {
        "under_5_min" => "Under 5 min",
        "5_to_15_min" => "5 to 15 min",
        "15_to_60_min" => "15 to 60 min",
        "1_to_4_h" => "1 to 4 hours",
        "4_to_24_h" => "4 to 24 hours",
        "1_to_3_days" => "1 to 3 days",
        "over_3_days" => "Over 3 days",
        _ => notYet,
    };

    /// <summary>Every referral outcome code, in the order a referral can reach them.</summary>
    public static IReadOnlyList<string> ReferralOutcomes { get; } =
    [
        "proposed", "consentrecorded", "sent", "accepted", "declined", "withdrawn",
        .. ReferralCodes.Outcomes.Keys.Select(o => "completed:" + o),
    ];

    public static string ReferralOutcome(string code) => code switch
    {
        "proposed" => "Waiting for consent",
        "consentrecorded" => "Consent recorded, not sent",
        "sent" => "Sent, no answer yet",
        "accepted" => "Accepted, in progress",
        "declined" => "Declined",
        "withdrawn" => "Withdrawn",
        _ when code.StartsWith("completed:", StringComparison.Ordinal) =>
            "Completed: " + ReferralCodes.Outcomes.GetValueOrDefault(code["completed:".Length..], "other").ToLowerInvariant(),
        _ => code,
    };

    /// <summary>A duration as a person says it: "12 min", "3 h 05 min", "2.5 days", "3 days".</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds):0} s"),
        < 3_600 => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds / 60):0} min"),
        < 172_800 => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds / 3_600):0} h {Math.Floor(seconds % 3_600 / 60):00} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86_400:0.#} days"),
    };
}
