namespace Hotline.Api.Availability;

/// <summary>
/// Each language team's opening hours, under <c>Hotline:Hours:Teams:{language}</c>, and the team
/// <see cref="DefaultTeam"/> for every language without its own. No team at all: always open.
/// </summary>
public sealed class OpeningHoursOptions
{
    public const string Section = "Hotline:Hours";

    /// <summary>The team whose hours every language without a team of its own keeps.</summary>
    public const string DefaultTeam = "default";

    public Dictionary<string, TeamHoursOptions> Teams { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a measured wait is reused before the queue is asked again.</summary>
    public int WaitCacheSeconds { get; set; } = 30;
}
