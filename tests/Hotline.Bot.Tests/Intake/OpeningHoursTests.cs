using static Hotline.Bot.Tests.Intake.Support.Intake;

namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// The host tells the engine whether the person's language team is reading messages, when it opens, and the
/// measured wait; the engine only words it. Opening times are wall-clock times in the team's time zone.
/// </summary>
public sealed class OpeningHoursTests
{
    // Friday 2026-01-09 22:10 at the team; it opens on Monday 2026-01-12 at 09:00.
    private static readonly TeamAvailability ClosedForTheWeekend = new(false, new DateTime(2026, 1, 12, 9, 0, 0), new DateTime(2026, 1, 9, 22, 10, 0));

    private static ServiceAvailability Everyone(TeamAvailability team, Dictionary<(string, PriorityBand), int>? waits = null) =>
        new(new Dictionary<string, TeamAvailability>(), team, waits ?? []);

    [Fact]
    public void Asking_for_a_person_outside_hours_says_when_someone_will_read_it_and_gives_the_emergency_number()
    {
        var host = AtSafetyQuestion("en");
        host.Availability = Everyone(ClosedForTheWeekend);

        Assert.Equal("A person will read your message from Monday 09:00. If you are in danger, call 112 now.", host.Send("0").Reply());
    }

    [Fact]
    public void The_opening_time_is_worded_in_the_persons_language()
    {
        var host = AtSafetyQuestion("sw");
        host.Availability = Everyone(ClosedForTheWeekend);

        Assert.Equal("Mtu atasoma ujumbe wako kuanzia Jumatatu 09:00. Ukiwa hatarini, piga simu 112 sasa.", host.Send("0").Reply());
    }

    [Fact]
    public void After_a_closure_of_more_than_a_week_the_opening_time_carries_its_date()
    {
        var host = AtSafetyQuestion("en");
        host.Availability = Everyone(ClosedForTheWeekend with { Now = new DateTime(2025, 12, 24, 18, 0, 0) });

        Assert.Equal("A person will read your message from Monday 12 Jan 09:00. If you are in danger, call 112 now.", host.Send("0").Reply());
    }

    [Fact]
    public void A_cry_for_help_outside_hours_gets_the_closed_text_with_the_emergency_number()
    {
        var host = new FakeHost(Engine, registeredLanguage: "en") { Availability = Everyone(ClosedForTheWeekend) };

        Assert.Equal(["A person will read your message from Monday 09:00. If you are in danger, call 112 now."], host.Send("help me").Replies());
    }

    [Fact]
    public void A_team_of_its_own_decides_for_its_language()
    {
        var host = AtSafetyQuestion("en");
        host.Availability = new ServiceAvailability(
            new Dictionary<string, TeamAvailability> { ["en"] = TeamAvailability.AlwaysOpen }, ClosedForTheWeekend, new Dictionary<(string, PriorityBand), int>());

        Assert.Equal("OK. A person will write to you here in about 15 minutes.", host.Send("0").Reply());
    }

    [Fact]
    public void The_measured_wait_for_the_language_and_band_is_announced_at_hand_off()
    {
        var host = AtSafetyQuestion("en");
        var waits = Enum.GetValues<PriorityBand>().ToDictionary(band => ("en", band), _ => 35);
        host.Availability = Everyone(TeamAvailability.AlwaysOpen, waits);

        Assert.Equal("OK. A person will write to you here in about 35 minutes.", host.Send("0").Reply());
    }

    [Fact]
    public void Without_a_measured_wait_the_configured_one_is_announced()
    {
        var host = AtSafetyQuestion("en");
        host.Availability = Everyone(TeamAvailability.AlwaysOpen, new() { [("ar", PriorityBand.Low)] = 35 });

        Assert.Equal("OK. A person will write to you here in about 15 minutes.", host.Send("0").Reply());
    }
}
