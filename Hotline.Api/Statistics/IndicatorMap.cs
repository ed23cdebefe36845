using System.Collections.Frozen;

namespace Hotline.Api.Statistics;

/// <summary>
/// Turns a case's triage reason codes into ILO indicator codes, through the same triage table that gave the
/// reasons, so a report and the queue never disagree on what a reason means.
/// </summary>
public sealed class IndicatorMap
{
    private readonly FrozenDictionary<string, IloIndicator[]> _byReason;

    public IndicatorMap(TriageRules rules)
    {
        _byReason = rules.Rules.ToFrozenDictionary(r => r.Reason, r => r.Indicators.ToArray(), StringComparer.Ordinal);
        PublishedRows = IloIndicators.All
            .GroupBy(indicator => ReasonsFor(indicator) is { Length: > 0 } reasons ? reasons : indicator.Code(), StringComparer.Ordinal)
            .Select(twins => (IReadOnlyList<string>)twins.Select(i => i.Code()).ToList())
            .ToList();
    }

    /// <summary>
    /// The rows the statistics publish, in the ILO's order: indicators that only ever come together (one triage reason gives
    /// both, and none gives either alone, as "threats or violence" gives intimidation and violence) are one row. Their counts
    /// are always equal, so two rows would give each other's value away: a "&lt;5" beside its twin is no "&lt;5" at all.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> PublishedRows { get; }

    /// <summary>The reasons that give an indicator, as one key ("" when none does).</summary>
    private string ReasonsFor(IloIndicator indicator) =>
        string.Join(',', _byReason.Where(r => r.Value.Contains(indicator)).Select(r => r.Key).Order(StringComparer.Ordinal));

    public static IndicatorMap Default { get; } = new(TriageRules.LoadDefault());

    /// <summary>The indicators behind a JSON array of reason codes, in the ILO's order, each once.</summary>
    public IReadOnlyList<string> IndicatorsOf(string triageReasonsJson)
    {
        var reasons = JsonSerializer.Deserialize<List<string>>(triageReasonsJson) ?? [];
        return reasons
            .SelectMany(r => _byReason.TryGetValue(r, out var indicators) ? indicators : [])
            .Distinct()
            .Order()
            .Select(i => i.Code())
            .ToList();
    }

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        ["abuse_of_vulnerability"] = "Abuse of vulnerability",
        ["deception"] = "Deception",
        ["restriction_of_movement"] = "Restriction of movement",
        ["isolation"] = "Isolation",
        ["physical_and_sexual_violence"] = "Physical and sexual violence",
        ["intimidation_and_threats"] = "Intimidation and threats",
        ["retention_of_identity_documents"] = "Retention of identity documents",
        ["withholding_of_wages"] = "Withholding of wages",
        ["debt_bondage"] = "Debt bondage",
        ["abusive_working_and_living_conditions"] = "Abusive working and living conditions",
        ["excessive_overtime"] = "Excessive overtime",
    };
}
