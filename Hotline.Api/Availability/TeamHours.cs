namespace Hotline.Api.Availability;

/// <summary>
/// The configured teams' schedules, read once, and what they say at an instant: the availability the engine is
/// given with each message. A language without a team of its own keeps the default team's hours; without a
/// default team, or without any team, it is always open.
/// </summary>
public sealed class TeamHours
{
    private readonly Dictionary<string, TeamSchedule> _teams = new(StringComparer.Ordinal);
    private readonly TeamSchedule? _default;

    public TeamHours(IOptions<OpeningHoursOptions> options)
    {
        foreach (var (team, hours) in options.Value.Teams)
        {
            var schedule = TeamScheduleReader.Read(team, hours, out var problem);
            if (problem is not null)
            {
                throw new InvalidOperationException(problem);
            }

            if (team == OpeningHoursOptions.DefaultTeam)
            {
                _default = schedule;
            }
            else
            {
                _teams[team] = schedule;
            }
        }
    }

    /// <summary>True when no team has hours: nothing to compute, the hotline is always open.</summary>
    public bool AlwaysOpen => _default is null && _teams.Count == 0;

    /// <summary>Whether the team of <paramref name="language"/> (null: not known yet) is open at <paramref name="instant"/>.</summary>
    public bool IsOpen(string? language, DateTimeOffset instant) =>
        ScheduleOf(language) is not { } schedule || schedule.IsOpenAt(instant);

    /// <summary>Every team's state at <paramref name="instant"/>, with the measured waits, as the engine takes them.</summary>
    public ServiceAvailability At(DateTimeOffset instant, IReadOnlyDictionary<(string Language, PriorityBand Band), int> waits) =>
        new(_teams.ToDictionary(t => t.Key, t => Availability(t.Value, instant), StringComparer.Ordinal),
            _default is null ? TeamAvailability.AlwaysOpen : Availability(_default, instant), waits);

    private TeamSchedule? ScheduleOf(string? language) =>
        language is not null && _teams.TryGetValue(language, out var schedule) ? schedule : _default;

    private static TeamAvailability Availability(TeamSchedule schedule, DateTimeOffset instant)
    {
        // A team that never opens within the horizon (holidays all along) cannot name a time: it is treated as open
        // rather than tell a person a time that will not come.
        if (schedule.IsOpenAt(instant) || schedule.NextOpening(instant) is not { } opening)
        {
            return TeamAvailability.AlwaysOpen;
        }

        return new TeamAvailability(false, schedule.LocalTime(opening), schedule.LocalTime(instant));
    }
}
