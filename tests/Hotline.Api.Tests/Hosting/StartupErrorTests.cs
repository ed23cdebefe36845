namespace Hotline.Api.Tests.Hosting;

public sealed class StartupErrorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static Dictionary<string, string> WithKeys(params (string Key, string Value)[] settings)
    {
        var environment = TestKeys.AsConfiguration().ToDictionary(k => k.Key.Replace(":", "__", StringComparison.Ordinal), k => k.Value!);
        environment["Hotline__PublicBaseUrl"] = "https://hotline.example.org";
        environment["Twilio__AuthToken"] = "an-auth-token";
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    [Fact]
    public async Task An_unknown_database_provider_stops_the_start_with_one_line_naming_the_key()
    {
        var outcome = await ApiProcess.RunAsync(WithKeys(("Hotline__Database__Provider", "Oracle")), Timeout);

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Hotline:Database:Provider", line);
    }

    [Fact]
    public async Task A_malformed_connection_string_stops_the_start_with_one_line_naming_the_key()
    {
        var outcome = await ApiProcess.RunAsync(WithKeys(("Hotline__Database__ConnectionString", "Data Source=x;Bogus Key=1")), Timeout);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Hotline:Database:ConnectionString", Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task A_malformed_redis_connection_string_stops_the_start_with_one_line_naming_the_key()
    {
        var outcome = await ApiProcess.RunAsync(WithKeys(("Hotline__Redis__ConnectionString", "redis:6379,bogusKey=1")), Timeout);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Hotline:Redis:ConnectionString", Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task A_missing_encryption_key_outside_development_stops_the_start_naming_the_key()
    {
        var outcome = await ApiProcess.RunAsync(new Dictionary<string, string>(), Timeout);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Hotline:Privacy:CurrentKeyId", Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task A_missing_audit_key_outside_development_stops_the_start_with_one_line_naming_the_key()
    {
        var environment = WithKeys();
        environment.Remove("Hotline__Audit__Key");

        var outcome = await ApiProcess.RunAsync(environment, Timeout);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Hotline:Audit:Key is required", Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task A_missing_public_base_url_outside_development_stops_the_start_naming_the_key()
    {
        var outcome = await ApiProcess.RunAsync(WithKeys(("Hotline__PublicBaseUrl", "")), Timeout);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Hotline:PublicBaseUrl", Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task No_twilio_account_outside_development_stops_the_start_unless_twilio_is_turned_off()
    {
        var outcome = await ApiProcess.RunAsync(WithKeys(("Twilio__Enabled", "")), Timeout);

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Twilio:AccountSid is required outside Development, or set Twilio:Enabled=false", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_sql_server_stops_the_start_with_a_clear_line_and_no_stack_trace()
    {
        var outcome = await ApiProcess.RunAsync(WithKeys(
            ("Hotline__Database__Provider", "SqlServer"),
            ("Hotline__Database__ConnectionString", "Server=tcp:127.0.0.1,9;Database=hotline;User Id=sa;Password=unused;Connect Timeout=2;Encrypt=False")),
            Timeout);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Cannot reach SQL Server", Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("   at ", outcome.StandardOutput + outcome.StandardError);
    }

    /// <summary>A month final more than a year after it ends is a typo, not a policy: the host refuses to start.</summary>
    [Fact]
    public async Task The_hotline_does_not_start_with_a_month_final_more_than_366_days_after_it_ends()
    {
        var start = HotlineApp.StartPartsAsync(settings: new Dictionary<string, string?> { ["Hotline:Statistics:FinalAfterDays"] = "400" });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => start);
        Assert.Equal("Hotline did not start; Program wrote why on standard error (\"Hotline cannot start: ...\").", refused.Message);
    }

    /// <summary>The simulator's photos make the media job fetch from the host itself: Development only, refused elsewhere at start.</summary>
    [Fact]
    public async Task A_production_hotline_does_not_start_with_the_simulators_photos_on()
    {
        var outcome = await ApiProcess.RunAsync(WithKeys(("Hotline__Media__SimulatorPhotos", "true")), Timeout);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Hotline:Media:SimulatorPhotos is for Development only", Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
