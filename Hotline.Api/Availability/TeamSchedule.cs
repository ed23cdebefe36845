namespace Hotline.Api.Availability;

/// <summary>A stretch of a day when a team reads messages, in minutes after midnight of the team's wall clock; the end is not included.</summary>
public readonly record struct OpenSpan(int StartMinute, int EndMinute)
{
    public bool Contains(int minute) => minute >= StartMinute && minute < EndMinute;
}

/// <summary>
/// One language team's opening hours: a weekly schedule on the team's wall clock, in its IANA time zone, and
/// holidays (whole local days closed). A team is open at an instant when its wall clock then shows a time inside
/// that weekday's spans on a day that is not a holiday. So an opening time that a daylight-saving gap skips opens
/// at the end of the gap, and a time the clock passes twice in autumn counts twice. Immutable; pure.
/// </summary>
public sealed class TeamSchedule
{
    /// <summary>How far ahead an opening is looked for: far beyond any list of holidays a team can configure.</summary>
    private const int HorizonDays = 800;

    private static readonly TimeSpan TransitionWindow = TimeSpan.FromHours(6);

    private readonly IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpenSpan>> _weekly;
    private readonly IReadOnlySet<DateOnly> _holidays;

    public TeamSchedule(TimeZoneInfo zone, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpenSpan>> weekly, IReadOnlySet<DateOnly> holidays)
    {
        Zone = zone;
        _weekly = weekly;
        _holidays = holidays;
    }

    public TimeZoneInfo Zone { get; }

    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public bool IsOpenAt(DateTimeOffset instant)
    {
        var local = LocalTime(instant);
        return IsOpenOn(DateOnly.FromDateTime(local), (int)local.TimeOfDay.TotalMinutes);
    }

    /// <summary>
    /// The first instant at or after <paramref name="from"/> when the team is open; null when none comes within
    /// the horizon. The team opens either where its wall clock reaches the start of a span (at each instant that
    /// local time exists) or where the clock jumps (a daylight-saving change) onto a time inside one: those instants
    /// are the only candidates, and the earliest one at which the team is open is the answer.
    /// </summary>
    public DateTimeOffset? NextOpening(DateTimeOffset from)
    {
        if (IsOpenAt(from))
        {
            return from;
        }

        // A week of instants at a time, so the candidates of one week all come before those of the next.
        for (var week = 0; week * 7 < HorizonDays; week++)
        {
            var windowStart = from + TimeSpan.FromDays(week * 7);
            var windowEnd = windowStart + TimeSpan.FromDays(7);
            var candidates = new List<DateTimeOffset>(Transitions(windowStart.AddSeconds(-1), windowEnd));
            var lastDay = DateOnly.FromDateTime(LocalTime(windowEnd)).AddDays(1);
            for (var day = DateOnly.FromDateTime(LocalTime(windowStart)).AddDays(-1); day <= lastDay; day = day.AddDays(1))
            {
                if (_holidays.Contains(day))
                {
                    continue;
                }

                foreach (var span in Spans(day.DayOfWeek))
                {
                    candidates.AddRange(Instants(day.ToDateTime(TimeOnly.MinValue).AddMinutes(span.StartMinute)));
                }
            }

            var opening = candidates.Where(c => c > from && c >= windowStart && c < windowEnd).Order().FirstOrDefault(IsOpenAt);
            if (opening != default)
            {
                return opening;
            }
        }

        return null;
    }

    private bool IsOpenOn(DateOnly day, int minute) =>
        !_holidays.Contains(day) && Spans(day.DayOfWeek).Any(span => span.Contains(minute));

    private IReadOnlyList<OpenSpan> Spans(DayOfWeek day) => _weekly.TryGetValue(day, out var spans) ? spans : [];

    /// <summary>Every instant at which the wall clock shows <paramref name="local"/>: none in a gap, two in an overlap.</summary>
    private IEnumerable<DateTimeOffset> Instants(DateTime local)
    {
        if (Zone.IsInvalidTime(local))
        {
            return [];
        }

        var offsets = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local) : [Zone.GetUtcOffset(local)];
        return offsets.Select(offset => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime());
    }

    /// <summary>The instants in [start, end) where the zone's offset changes, to the second.</summary>
    private IEnumerable<DateTimeOffset> Transitions(DateTimeOffset start, DateTimeOffset end)
    {
        for (var low = start; low < end; low += TransitionWindow)
        {
            var high = low + TransitionWindow;
            var after = Zone.GetUtcOffset(high);
            if (Zone.GetUtcOffset(low) == after)
            {
                continue;
            }

            // The first second whose offset is the later one: where the wall clock jumps.
            var (before, at) = (low.ToUnixTimeSeconds(), high.ToUnixTimeSeconds());
            while (at - before > 1)
            {
                var middle = before + (at - before) / 2;
                if (Zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(middle)) == after)
                {
                    at = middle;
                }
                else
                {
                    before = middle;
                }
            }

            yield return DateTimeOffset.FromUnixTimeSeconds(at);
        }
    }
}
