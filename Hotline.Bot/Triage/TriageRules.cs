using System.Resources;

namespace Hotline.Bot.Triage;

/// <summary>
/// The transparent scoring table that turns intake answers into a priority band and reason codes. It is
/// data (<c>triage-rules.json</c>, rendered for supervisors in <c>docs/intake/triage.md</c>) so that a
/// supervisor can read and question every point a case was given.
/// </summary>
public sealed class TriageRules
{
    public const string DefaultFileName = "triage-rules.json";

    private static readonly IReadOnlyList<string> NoReasons = [];
    private static readonly IReadOnlyList<IloIndicator> NoIndicators = [];

    internal TriageRules(int version, IReadOnlyList<BandThreshold> bands, IReadOnlyList<TriageRule> rules)
    {
        Version = version;
        Bands = bands;
        Rules = rules;
    }

    public int Version { get; }

    /// <summary>Highest band first.</summary>
    public IReadOnlyList<BandThreshold> Bands { get; }

    /// <summary>In table order; a combination row only follows the rows it names.</summary>
    public IReadOnlyList<TriageRule> Rules { get; }

    /// <summary>Reads and checks a table; nothing is returned unless every row is valid.</summary>
    public static TriageRules Load(Stream utf8Json, string fileName) => TriageRulesReader.Read(utf8Json, fileName);

    /// <summary>The table shipped inside Hotline.Bot.</summary>
    public static TriageRules LoadDefault()
    {
        var manager = new ResourceManager("Hotline.Bot.Triage.TriageResources", typeof(TriageRules).Assembly);
        var bytes = manager.GetObject("triage_rules") as byte[]
            ?? throw new TriageRulesException($"{DefaultFileName}: the embedded table is missing.");
        using var stream = new MemoryStream(bytes, writable: false);
        return Load(stream, DefaultFileName);
    }

    /// <summary>Scores answers given as step id to answer code ("yes", "no", "unknown", "text").</summary>
    public TriageResult Evaluate(IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        List<string>? reasons = null;
        var indicators = 0;
        var score = 0;
        var floor = PriorityBand.Low;
        foreach (var rule in Rules)
        {
            if (!Matches(rule, answers, reasons))
            {
                continue;
            }

            (reasons ??= []).Add(rule.Reason);
            score += rule.Points;
            foreach (var indicator in rule.Indicators)
            {
                indicators |= 1 << (int)indicator;
            }

            if (rule.AtLeast is { } atLeast && atLeast > floor)
            {
                floor = atLeast;
            }
        }

        var band = BandFor(score);
        return new TriageResult(band > floor ? band : floor, score, reasons ?? NoReasons, ToList(indicators));
    }

    public PriorityBand BandFor(int score)
    {
        foreach (var threshold in Bands)
        {
            if (score >= threshold.MinScore)
            {
                return threshold.Band;
            }
        }

        return PriorityBand.Low;
    }

    private static bool Matches(TriageRule rule, IReadOnlyDictionary<string, string> answers, List<string>? reasons)
    {
        if (!rule.IsCombination)
        {
            return answers.TryGetValue(rule.Step!, out var answer) && string.Equals(answer, rule.Answer, StringComparison.Ordinal);
        }

        if (reasons is null)
        {
            return false;
        }

        foreach (var needed in rule.WhenAll)
        {
            if (!reasons.Contains(needed))
            {
                return false;
            }
        }

        return true;
    }

    private static IReadOnlyList<IloIndicator> ToList(int mask)
    {
        if (mask == 0)
        {
            return NoIndicators;
        }

        var list = new List<IloIndicator>();
        foreach (var indicator in IloIndicators.All)
        {
            if ((mask & (1 << (int)indicator)) != 0)
            {
                list.Add(indicator);
            }
        }

        return list;
    }
}
