namespace Hotline.Api.Availability;

/// <summary>
/// Reads a team's configured hours into a <see cref="TeamSchedule"/>, or says in one line which key is wrong:
/// an unknown time zone, a day that is not a weekday, a span that is malformed, empty or overlaps another,
/// a holiday that is not a date, or a week without a single open day.
/// </summary>
public static class TeamScheduleReader
{
    private const int MinutesPerDay = 24 * 60;

    public static TeamSchedule Read(string team, TeamHoursOptions options, out string? problem)
    {
        var key = $"{OpeningHoursOptions.Section}:Teams:{team}";
        problem = null;
        if (!TryFindZone(options.TimeZone, out var zone))
        {
            problem = $"{key}:TimeZone: '{options.TimeZone}' is not an IANA time zone (e.g. Europe/London).";
            return Closed;
        }

        var weekly = new Dictionary<DayOfWeek, IReadOnlyList<OpenSpan>>();
        foreach (var (dayName, value) in options.Weekly)
        {
            if (!Enum.TryParse<DayOfWeek>(dayName, ignoreCase: true, out var day) || int.TryParse(dayName, out _))
            {
                problem = $"{key}:Weekly:{dayName}: '{dayName}' is not a day of the week (Monday ... Sunday).";
                return Closed;
            }

            if (!TryReadSpans(value, out var spans, out var why))
            {
                problem = $"{key}:Weekly:{dayName}: '{value}' {why}";
                return Closed;
            }

            weekly[day] = spans;
        }

        if (weekly.Values.All(spans => spans.Count == 0))
        {
            problem = $"{key}:Weekly: a team needs at least one day with opening hours (e.g. Weekly:Monday=09:00-17:00).";
            return Closed;
        }

        var holidays = new HashSet<DateOnly>();
        for (var i = 0; i < options.Holidays.Count; i++)
        {
            if (!DateOnly.TryParseExact(options.Holidays[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var holiday))
            {
                problem = $"{key}:Holidays:{i}: '{options.Holidays[i]}' is not a date (yyyy-MM-dd).";
                return Closed;
            }

            holidays.Add(holiday);
        }

        return new TeamSchedule(zone, weekly, holidays);
    }

    private static TeamSchedule Closed { get; } = new(TimeZoneInfo.Utc, new Dictionary<DayOfWeek, IReadOnlyList<OpenSpan>>(), new HashSet<DateOnly>());

    private static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        // Only IANA ids: a Windows name would mean something else on another machine.
        if (string.IsNullOrWhiteSpace(id) || !id.Contains('/', StringComparison.Ordinal) && id != "UTC")
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }

    private static bool TryReadSpans(string value, out IReadOnlyList<OpenSpan> spans, out string why)
    {
        var read = new List<OpenSpan>();
        spans = read;
        why = "";
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryReadTime(ends[0], out var start) || !TryReadTime(ends[1], out var end))
            {
                why = "is not a list of spans like 09:00-17:00 (24-hour times, 24:00 for midnight at the end).";
                return false;
            }

            if (start >= end)
            {
                why = $"has a span '{part}' that ends before it starts; a span stays within one day.";
                return false;
            }

            if (read.FirstOrDefault(other => start < other.EndMinute && other.StartMinute < end) is { EndMinute: > 0 } overlapped)
            {
                why = $"has spans that overlap ('{part}' and {Format(overlapped)}).";
                return false;
            }

            read.Add(new OpenSpan(start, end));
        }

        read.Sort((a, b) => a.StartMinute.CompareTo(b.StartMinute));
        return true;
    }

    private static bool TryReadTime(string text, out int minute)
    {
        minute = 0;
        if (text.Length != 5 || text[2] != ':' || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > 59)
        {
            return false;
        }

        minute = hours * 60 + minutes;
        return minute <= MinutesPerDay;
    }

    private static string Format(OpenSpan span) =>
        $"'{span.StartMinute / 60:D2}:{span.StartMinute % 60:D2}-{span.EndMinute / 60:D2}:{span.EndMinute % 60:D2}'";
}
