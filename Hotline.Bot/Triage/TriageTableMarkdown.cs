using System.Text;

namespace Hotline.Bot.Triage;

/// <summary>Renders the triage table for supervisors (docs/intake/triage.md), so the document is the table
/// the engine runs, never a paraphrase of it: a test fails when the two drift apart.</summary>
public static class TriageTableMarkdown
{
    public static string Render(TriageRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var md = new StringBuilder();
        md.Append("| band | when the score is at least |\n|---|---|\n");
        foreach (var band in rules.Bands)
        {
            md.Append($"| {band.Band} | {band.MinScore} |\n");
        }

        md.Append("\n| reason code | when | ILO indicators | points | band at least |\n|---|---|---|---|---|\n");
        foreach (var rule in rules.Rules)
        {
            var when = rule.IsCombination
                ? string.Join(" + ", rule.WhenAll.Select(r => $"`{r}`")) + " together"
                : $"`{rule.Step}` answered `{rule.Answer}`";
            var indicators = rule.Indicators.Count == 0 ? "-" : string.Join(", ", rule.Indicators.Select(i => i.Code()));
            md.Append($"| `{rule.Reason}` | {when} | {indicators} | {rule.Points} | {rule.AtLeast?.ToString() ?? "-"} |\n");
        }

        return md.ToString();
    }
}
