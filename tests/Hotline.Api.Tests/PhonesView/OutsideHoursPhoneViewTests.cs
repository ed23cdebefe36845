using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Api.Tests.PhonesView;

[CollectionDefinition(nameof(OutsideHoursViewHost))]
public sealed class OutsideHoursViewCollection : ICollectionFixture<OutsideHoursViewHost>;

/// <summary>
/// Every team keeps office hours in London (Monday to Friday, 09:00-17:00), and the clock stands on a Saturday
/// morning: nobody reads messages until Monday.
/// </summary>
public sealed class OutsideHoursViewHost : PhoneViewHost
{
    // In the past of the database's own clock, which the outbox's leases run on: a message queued at this time is due.
    public static readonly DateTimeOffset SaturdayMorning = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Monday 2026-11-30 09:00 in London (GMT), and the Saturday, on the team's wall clock: what {opens_at} is worded from.</summary>
    public static readonly (DateTime OpensAt, DateTime Now) TeamClock = (new(2026, 11, 30, 9, 0, 0), new(2026, 11, 28, 10, 0, 0));

    protected override Task<TwilioHarness> StartHarnessAsync() => TwilioHarness.StartAsync(
        new Dictionary<string, string?>
        {
            ["Hotline:Hours:Teams:default:TimeZone"] = "Europe/London",
            ["Hotline:Hours:Teams:default:Weekly:Monday"] = "09:00-17:00",
            ["Hotline:Hours:Teams:default:Weekly:Tuesday"] = "09:00-17:00",
            ["Hotline:Hours:Teams:default:Weekly:Wednesday"] = "09:00-17:00",
            ["Hotline:Hours:Teams:default:Weekly:Thursday"] = "09:00-17:00",
            ["Hotline:Hours:Teams:default:Weekly:Friday"] = "09:00-17:00",
        },
        services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(SaturdayMorning))));

    /// <summary>The closed text as the phone receives it in <paramref name="language"/>.</summary>
    public static string ClosedText(string language, string emergencyNumber) => Placeholders.Fill(Script.Text(language, MessageIds.Closed), emergencyNumber, 0,
        OpeningTimeWords.Format(language, TeamClock.OpensAt, TeamClock.Now));
}

/// <summary>
/// Outside the team's hours, a person who asks for a person, or cries for help, is told at the phone when someone
/// will read the message and the emergency number, never a wait in minutes that nobody will keep.
/// </summary>
[Collection(nameof(OutsideHoursViewHost))]
public sealed class OutsideHoursPhoneViewTests(OutsideHoursViewHost host)
{
    [Fact]
    public async Task A_person_writing_on_a_saturday_is_told_monday_morning_and_the_emergency_number()
    {
        var phone = host.NewPhone();

        await phone.WriteAsync("hello", "0");

        Assert.Equal("A person will read your message from Monday 09:00. If you are in danger, call 112 now.", phone.Received[^1]);
    }

    [Fact]
    public async Task A_cry_for_help_on_a_saturday_gets_the_emergency_number_and_monday_morning()
    {
        var phone = host.NewPhone();

        await phone.WriteAsync("help me");

        Assert.Equal(["A person will read your message from Monday 09:00. If you are in danger, call 112 now."], phone.Received);
    }

    [Fact]
    public async Task Outside_hours_each_language_hears_when_the_team_opens_in_its_own_words()
    {
        var view = await PhoneViewHost.InEveryLanguageAsync(async language =>
        {
            var phone = await host.NewPhoneInAsync(language);
            await phone.WriteAsync("0");
            return phone;
        });

        GoldenFile.Match("outside-hours", view);
    }
}
