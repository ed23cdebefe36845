namespace Hotline.Api.Tests.Availability;

/// <summary>Hours that could not be kept stop the start, in one line that names the key to fix.</summary>
public sealed class OpeningHoursOptionsTests
{
    private static string? Refusal(string team, TeamHoursOptions hours)
    {
        var options = new OpeningHoursOptions { Teams = new() { [team] = hours } };
        var result = new OpeningHoursOptionsValidator(IntakeScript.LoadDefault()).Validate(null, options);
        return result.Failed ? result.FailureMessage : null;
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_naming_its_key()
    {
        Assert.Equal("Hotline:Hours:Teams:en:TimeZone: 'Europe/Londn' is not an IANA time zone (e.g. Europe/London).",
            Refusal("en", new() { TimeZone = "Europe/Londn", Weekly = new() { ["Monday"] = "09:00-17:00" } }));
    }

    [Fact]
    public void A_malformed_time_is_refused_naming_its_day()
    {
        Assert.Equal("Hotline:Hours:Teams:default:Weekly:Monday: '9-17' is not a list of spans like 09:00-17:00 (24-hour times, 24:00 for midnight at the end).",
            Refusal("default", new() { TimeZone = "Europe/London", Weekly = new() { ["Monday"] = "9-17" } }));
    }

    [Fact]
    public void Overlapping_spans_are_refused_naming_both()
    {
        Assert.Equal("Hotline:Hours:Teams:ar:Weekly:Friday: '09:00-13:00,12:00-17:00' has spans that overlap ('12:00-17:00' and '09:00-13:00').",
            Refusal("ar", new() { TimeZone = "Asia/Riyadh", Weekly = new() { ["Friday"] = "09:00-13:00,12:00-17:00" } }));
    }

    [Fact]
    public void A_holiday_that_is_not_a_date_is_refused_naming_its_index()
    {
        Assert.Equal("Hotline:Hours:Teams:en:Holidays:1: '25/12/2026' is not a date (yyyy-MM-dd).",
            Refusal("en", new() { TimeZone = "Europe/London", Weekly = new() { ["Monday"] = "09:00-17:00" }, Holidays = ["2026-12-24", "25/12/2026"] }));
    }

    [Fact]
    public void A_team_for_a_language_the_script_lacks_is_refused()
    {
        Assert.Equal("Hotline:Hours:Teams:fr: 'fr' is neither 'default' nor a language of the intake script.",
            Refusal("fr", new() { TimeZone = "Europe/Paris", Weekly = new() { ["Monday"] = "09:00-17:00" } }));
    }

    [Fact]
    public void Hours_that_fit_together_are_accepted()
    {
        Assert.Null(Refusal("en", new() { TimeZone = "Europe/London", Weekly = new() { ["Monday"] = "09:00-12:00, 12:00-17:00", ["Sunday"] = "20:00-24:00" } }));
    }

    [Fact]
    public async Task An_unknown_time_zone_stops_a_real_start_with_one_line_naming_the_key()
    {
        var environment = TestKeys.AsConfiguration().ToDictionary(k => k.Key.Replace(":", "__", StringComparison.Ordinal), k => k.Value!);
        environment["Hotline__PublicBaseUrl"] = "https://hotline.example.org";
        environment["Twilio__AuthToken"] = "an-auth-token";
        environment["Hotline__Hours__Teams__en__TimeZone"] = "Mars/Olympus";
        environment["Hotline__Hours__Teams__en__Weekly__Monday"] = "09:00-17:00";

        var outcome = await ApiProcess.RunAsync(environment, TimeSpan.FromSeconds(60));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Hotline:Hours:Teams:en:TimeZone", Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
