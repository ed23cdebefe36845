namespace Hotline.Api.Availability;

/// <summary>One team's hours as configured: <c>TimeZone=Europe/London</c>, <c>Weekly:Monday=09:00-12:00,13:00-17:00</c>, <c>Holidays:0=2026-12-25</c>.</summary>
public sealed class TeamHoursOptions
{
    /// <summary>An IANA time zone id; the weekly times and the holidays are on its wall clock.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Day name (Monday ... Sunday) to spans "HH:mm-HH:mm", separated by commas; a day not named is closed.</summary>
    public Dictionary<string, string> Weekly { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whole days closed, as yyyy-MM-dd on the team's calendar.</summary>
    public List<string> Holidays { get; set; } = [];
}
