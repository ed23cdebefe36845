namespace Hotline.Api.Tests.Availability;

/// <summary>
/// A team's schedule against a walk that shares none of its code: minute by minute on the zone's wall clock, from a
/// fake "now" near the year's daylight-saving changes, in zones with whole-hour, +05:45, no-longer-used and
/// midnight changes. CsCheck prints the seed that replays a failure (<c>CsCheck_Seed</c>).
/// </summary>
public sealed class TeamSchedulePropertyTests
{
    private const int WalkMinutes = 21 * 24 * 60;

    // Europe/London skips 01:00-02:00 in March; America/Havana skips 00:00-01:00 (an opening at midnight or 00:30
    // there is swallowed); Asia/Kathmandu is +05:45; America/Sao_Paulo has kept -03:00 since 2019.
    private static readonly string[] Zones = ["Europe/London", "Asia/Kathmandu", "America/Sao_Paulo", "America/Havana"];

    private static readonly DateTimeOffset[] Changes =
    [
        new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), new(2026, 10, 25, 1, 0, 0, TimeSpan.Zero),
        new(2026, 3, 8, 5, 0, 0, TimeSpan.Zero), new(2026, 11, 1, 5, 0, 0, TimeSpan.Zero),
        new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero), new(2026, 12, 24, 18, 0, 0, TimeSpan.Zero),
    ];

    /// <summary>A day's spans: up to two, on quarter hours (so midnight, 00:30 and 01:30 come up often), never overlapping.</summary>
    private static readonly Gen<int[]> DaySpans =
        Gen.Int[0, 96].Array[0, 4].Select(points => points.Distinct().Order().Select(p => p * 15).ToArray())
            .Select(points => points.Length % 2 == 1 ? points[..^1] : points);

    private static readonly Gen<Week> Weeks =
        Gen.Select(Gen.Int[0, Zones.Length - 1].Select(i => Zones[i]), DaySpans.Array[7], Gen.Int[0, Changes.Length - 1].Select(i => Changes[i]), Gen.Int[-4 * 1440, 4 * 1440], Gen.Int[-10, 30].Array[0, 6])
            .Where(t => t.Item2.Any(d => d.Length > 0))
            .Select(t =>
            {
                var from = t.Item3.AddMinutes(t.Item4);
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, TimeZoneInfo.FindSystemTimeZoneById(t.Item1)).DateTime);
                return new Week(t.Item1, t.Item2, from, t.Item5.Select(d => today.AddDays(d)).ToHashSet());
            });

    [Fact]
    public void Open_or_closed_agrees_with_a_minute_by_minute_walk_and_opens_at_is_the_first_open_minute()
    {
        Weeks.Sample(week =>
        {
            var schedule = week.Schedule();
            DateTimeOffset? firstOpen = null;
            for (var minute = 0; minute < WalkMinutes; minute++)
            {
                var at = week.From.AddMinutes(minute);
                var open = week.OpenByWalk(at);
                Assert.True(open == schedule.IsOpenAt(at), $"At {at:O} the walk says {(open ? "open" : "closed")}.");
                firstOpen ??= open ? at : null;
                if (firstOpen is { } found && at > found.AddDays(2))
                {
                    break;
                }
            }

            var opens = schedule.NextOpening(week.From);
            if (firstOpen is null)
            {
                Assert.True(opens is null || opens > week.From.AddMinutes(WalkMinutes), $"Opens at {opens:O}, but the walk found no open minute.");
                return;
            }

            Assert.Equal(firstOpen, opens);
        }, print: week => week.ToString());
    }

    [Fact]
    public void Opens_at_is_never_in_the_past_nor_on_a_holiday_or_a_closed_day()
    {
        Weeks.Sample(week =>
        {
            var schedule = week.Schedule();
            if (schedule.NextOpening(week.From) is not { } opens)
            {
                return;
            }

            var local = TimeZoneInfo.ConvertTime(opens, TimeZoneInfo.FindSystemTimeZoneById(week.Zone)).DateTime;
            Assert.True(opens >= week.From, $"{opens:O} is before {week.From:O}");
            Assert.DoesNotContain(DateOnly.FromDateTime(local), week.Holidays);
            Assert.NotEmpty(week.Days[(int)local.DayOfWeek]);
        }, print: week => week.ToString());
    }

    /// <summary>The generated hours; <see cref="OpenByWalk"/> reads them on the wall clock, as a person at the team would.</summary>
    private sealed record Week(string Zone, int[][] Days, DateTimeOffset From, HashSet<DateOnly> Holidays)
    {
        public TeamSchedule Schedule() => TeamScheduleReader.Read("en", new TeamHoursOptions
        {
            TimeZone = Zone,
            Weekly = Enumerable.Range(0, 7).Where(d => Days[d].Length > 0).ToDictionary(d => ((DayOfWeek)d).ToString(), d => Spans(Days[d])),
            Holidays = [.. Holidays.Select(h => h.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))],
        }, out var problem) is var schedule && problem is null ? schedule : throw new InvalidOperationException(problem);

        public bool OpenByWalk(DateTimeOffset at)
        {
            var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(Zone)).DateTime;
            var minute = local.Hour * 60 + local.Minute;
            var spans = Days[(int)local.DayOfWeek];
            var inSpan = false;
            for (var i = 0; i < spans.Length; i += 2)
            {
                inSpan |= minute >= spans[i] && minute < spans[i + 1];
            }

            return inSpan && !Holidays.Contains(DateOnly.FromDateTime(local));
        }

        public override string ToString() =>
            $"{Zone} from {From:O}; {string.Join("; ", Enumerable.Range(0, 7).Select(d => $"{(DayOfWeek)d}={Spans(Days[d])}"))}; holidays {string.Join(",", Holidays.Order())}";

        private static string Spans(int[] points) => string.Join(",", points.Chunk(2).Select(p => $"{Time(p[0])}-{Time(p[1])}"));

        private static string Time(int minute) => $"{minute / 60:D2}:{minute % 60:D2}";
    }
}
