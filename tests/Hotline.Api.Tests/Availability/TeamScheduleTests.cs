namespace Hotline.Api.Tests.Availability;

/// <summary>Opening times worked out by hand, in the zones and on the days where a mistake would show.</summary>
public sealed class TeamScheduleTests
{
    private static TeamSchedule Schedule(string zone, Dictionary<string, string> weekly, params string[] holidays) =>
        TeamScheduleReader.Read("en", new TeamHoursOptions { TimeZone = zone, Weekly = weekly, Holidays = [.. holidays] }, out var problem)
            is var schedule && problem is null ? schedule : throw new InvalidOperationException(problem);

    private static readonly Dictionary<string, string> OfficeHours = new()
    {
        ["Monday"] = "09:00-17:00", ["Tuesday"] = "09:00-17:00", ["Wednesday"] = "09:00-17:00", ["Thursday"] = "09:00-17:00", ["Friday"] = "09:00-17:00",
    };

    [Fact]
    public void An_opening_time_that_the_spring_change_skips_opens_when_the_clock_jumps()
    {
        // 2026-03-29: London's clocks go from 01:00 GMT to 02:00 BST; 01:30 never shows.
        var schedule = Schedule("Europe/London", new() { ["Sunday"] = "01:30-05:00" });

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), schedule.NextOpening(new(2026, 3, 28, 20, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void In_Kathmandu_a_friday_evening_waits_for_monday_morning_at_a_quarter_past_three_UTC()
    {
        var schedule = Schedule("Asia/Kathmandu", OfficeHours);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 3, 15, 0, TimeSpan.Zero), schedule.NextOpening(new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_holiday_keeps_the_team_closed_all_day()
    {
        var schedule = Schedule("Europe/London", OfficeHours, "2026-12-25");

        Assert.False(schedule.IsOpenAt(new(2026, 12, 25, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.Zero), schedule.NextOpening(new(2026, 12, 24, 18, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Open_now_opens_now()
    {
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(now, Schedule("America/Sao_Paulo", OfficeHours).NextOpening(now));
    }

    [Fact]
    public void The_opening_time_is_told_in_the_persons_words_on_the_teams_wall_clock()
    {
        var schedule = Schedule("Asia/Kathmandu", OfficeHours);
        var now = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

        var words = OpeningTimeWords.Format("ne", schedule.LocalTime(schedule.NextOpening(now)!.Value), schedule.LocalTime(now));

        Assert.Equal("सोमबार 09:00", words);
    }
}
