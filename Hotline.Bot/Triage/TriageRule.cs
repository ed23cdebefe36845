namespace Hotline.Bot.Triage;

/// <summary>
/// One row of the triage table. It matches either one intake answer (<see cref="Step"/> answered
/// <see cref="Answer"/>) or, for a combination row, every earlier reason in <see cref="WhenAll"/>.
/// A matching row adds its points and its reason code, and lifts the band to at least <see cref="AtLeast"/>.
/// </summary>
public sealed record TriageRule(
    string Reason,
    string? Step,
    string? Answer,
    IReadOnlyList<string> WhenAll,
    IReadOnlyList<IloIndicator> Indicators,
    int Points,
    PriorityBand? AtLeast)
{
    public bool IsCombination => Step is null;
}

/// <summary>A score of at least <see cref="MinScore"/> puts a case in <see cref="Band"/>.</summary>
public sealed record BandThreshold(PriorityBand Band, int MinScore);

/// <summary>What the table made of a set of answers. <see cref="Reasons"/> are stable reason codes in table order.</summary>
public sealed record TriageResult(PriorityBand Band, int Score, IReadOnlyList<string> Reasons, IReadOnlyList<IloIndicator> Indicators)
{
    /// <summary>Records compare lists by reference; a change of triage is a change of band, score or reasons.</summary>
    public bool SameAs(TriageResult other) =>
        Band == other.Band && Score == other.Score && Reasons.SequenceEqual(other.Reasons, StringComparer.Ordinal);
}

/// <summary>The triage table refused to load; the message names the file and the rule.</summary>
public sealed class TriageRulesException(string message) : Exception(message);
