namespace Hotline.Bot.Triage;

/// <summary>Reads <c>triage-rules.json</c> and refuses, naming the file and the row, anything a supervisor could
/// not trust: unknown indicators, bands out of order, a combination of reasons that never came before.</summary>
internal static partial class TriageRulesReader
{
    private static readonly string[] AnswerCodes = ["yes", "no", "unknown", "text"];

    public static TriageRules Read(Stream utf8Json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        TriageRulesDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, TriageJsonContext.Default.TriageRulesDocument);
        }
        catch (JsonException ex)
        {
            throw new TriageRulesException($"{fileName}: not a valid triage table ({ex.Message})");
        }

        if (document is null)
        {
            throw new TriageRulesException($"{fileName}: empty triage table");
        }

        var problems = new List<string>();
        var bands = ReadBands(document, problems);
        var rules = ReadRules(document, problems);
        if (document.Version != 1)
        {
            problems.Add($"version {document.Version} is not supported (expected 1)");
        }

        if (problems.Count > 0)
        {
            throw new TriageRulesException($"{fileName}: " + string.Join("; ", problems));
        }

        return new TriageRules(document.Version, bands, rules);
    }

    private static List<BandThreshold> ReadBands(TriageRulesDocument document, List<string> problems)
    {
        var bands = new List<BandThreshold>();
        foreach (var band in (document.Bands ?? []).OfType<BandDocument>())
        {
            if (!Enum.TryParse<PriorityBand>(band.Band, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                problems.Add($"band '{band.Band}' is not one of Critical, High, Medium, Low");
                continue;
            }

            bands.Add(new BandThreshold(parsed, band.MinScore));
        }

        var expected = new[] { PriorityBand.Critical, PriorityBand.High, PriorityBand.Medium, PriorityBand.Low };
        if (!bands.Select(b => b.Band).SequenceEqual(expected))
        {
            problems.Add("bands must list Critical, High, Medium, Low in that order");
        }
        else if (bands[^1].MinScore != 0 || bands.Zip(bands.Skip(1)).Any(p => p.First.MinScore <= p.Second.MinScore))
        {
            problems.Add("band minimum scores must fall strictly from Critical down to Low at 0");
        }

        return bands;
    }

    private static List<TriageRule> ReadRules(TriageRulesDocument document, List<string> problems)
    {
        var rules = new List<TriageRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in (document.Rules ?? []).OfType<RuleDocument>())
        {
            var reason = row.Reason ?? "";
            var where = $"rule '{reason}'";
            if (!SnakeCase().IsMatch(reason))
            {
                problems.Add($"{where}: the reason must be a snake_case code");
            }
            else if (!seen.Add(reason))
            {
                problems.Add($"{where}: the reason appears twice");
            }

            var whenAll = row.WhenAll ?? [];
            if ((row.Step is null) == (whenAll.Count == 0))
            {
                problems.Add($"{where}: give either step and answer, or when_all");
            }
            else if (row.Step is not null && !AnswerCodes.Contains(row.Answer))
            {
                problems.Add($"{where}: answer '{row.Answer}' is not one of {string.Join(", ", AnswerCodes)}");
            }

            foreach (var needed in whenAll.Where(n => !seen.Contains(n) || n == reason))
            {
                problems.Add($"{where}: when_all names '{needed}', which is not an earlier rule");
            }

            var indicators = new List<IloIndicator>();
            foreach (var code in row.Indicators ?? [])
            {
                if (IloIndicators.TryParse(code, out var indicator))
                {
                    indicators.Add(indicator);
                }
                else
                {
                    problems.Add($"{where}: '{code}' is not an ILO indicator code");
                }
            }

            PriorityBand? atLeast = null;
            if (row.AtLeast is not null)
            {
                if (Enum.TryParse<PriorityBand>(row.AtLeast, ignoreCase: false, out var band) && Enum.IsDefined(band))
                {
                    atLeast = band;
                }
                else
                {
                    problems.Add($"{where}: at_least '{row.AtLeast}' is not a band");
                }
            }

            if (row.Points is < 0 or > 1000)
            {
                problems.Add($"{where}: points must be between 0 and 1000");
            }

            rules.Add(new TriageRule(reason, row.Step, row.Step is null ? null : row.Answer, whenAll, indicators, row.Points, atLeast));
        }

        if (rules.Count == 0)
        {
            problems.Add("the table has no rules");
        }

        return rules;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}

internal sealed class TriageRulesDocument
{
    public int Version { get; set; }
    public List<BandDocument>? Bands { get; set; }
    public List<RuleDocument>? Rules { get; set; }
}

internal sealed class BandDocument
{
    public string? Band { get; set; }
    public int MinScore { get; set; }
}

internal sealed class RuleDocument
{
    public string? Reason { get; set; }
    public string? Step { get; set; }
    public string? Answer { get; set; }
    public List<string>? WhenAll { get; set; }
    public List<string>? Indicators { get; set; }
    public int Points { get; set; }
    public string? AtLeast { get; set; }
}

// A misspelt key ("point" for "points") must refuse to load rather than silently score zero.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(TriageRulesDocument))]
internal sealed partial class TriageJsonContext : JsonSerializerContext;
