namespace Hotline.Api.Tests.Metrics;

/// <summary>
/// Each host's OpenTelemetry listens to the meter and the activity source by their names, so measurements and
/// spans of other hosts running in this process at the same time would reach its scrape or exporter: tests that
/// read them run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(TelemetryAlone), DisableParallelization = true)]
public sealed class TelemetryAlone;

/// <summary>The Prometheus scrape at /metrics, read over real HTTP from 127.0.0.1 as a scraper on the same host would.</summary>
[Collection(nameof(TelemetryAlone))]
public sealed class MetricsEndpointTests
{
    private const string Worker = "+9779800000511";

    [Fact]
    public async Task A_text_answered_through_twilio_is_counted_as_received_and_sent()
    {
        await using var harness = await TwilioHarness.StartAsync(overKestrel: true);
        await harness.TextAsync(Worker, "hello");
        await harness.DispatchAllAsync();

        var scrape = await harness.Client.GetStringAsync("/metrics", Ct);

        Assert.Contains("hotline_inbound_messages_total{otel_scope_name=\"Hotline\",channel=\"Sms\",result=\"stored\"} 1", scrape);
        Assert.Contains("hotline_outbox_sent_total{otel_scope_name=\"Hotline\",channel=\"Sms\"} 1", scrape);
    }

    [Fact]
    public async Task A_repeated_webhook_is_counted_as_a_duplicate()
    {
        await using var harness = await TwilioHarness.StartAsync(overKestrel: true);
        var fields = TwilioHarness.InboundFields(Worker, "hello");
        (await harness.PostSignedAsync("/twilio/sms", fields)).EnsureSuccessStatusCode();
        (await harness.PostSignedAsync("/twilio/sms", fields)).EnsureSuccessStatusCode();

        var scrape = await harness.Client.GetStringAsync("/metrics", Ct);

        Assert.Contains("hotline_inbound_messages_total{otel_scope_name=\"Hotline\",channel=\"Sms\",result=\"duplicate\"} 1", scrape);
    }

    [Fact]
    public async Task Twilio_answering_500_is_counted_as_a_send_error()
    {
        await using var harness = await TwilioHarness.StartAsync(overKestrel: true);
        harness.Twilio.FailNext(1, 500);
        await harness.TextAsync(Worker, "hello");
        await harness.DispatchAllAsync();

        var scrape = await harness.Client.GetStringAsync("/metrics", Ct);

        Assert.Contains("hotline_twilio_send_errors_total{otel_scope_name=\"Hotline\",kind=\"server_error\"} 1", scrape);
    }

    [Theory]
    [InlineData("cut halfway")]
    [InlineData("{}")]
    [InlineData("")]
    public async Task A_201_that_cannot_be_read_is_counted_as_an_unreadable_answer(string answer)
    {
        await using var harness = await TwilioHarness.StartAsync(overKestrel: true);
        if (answer == "cut halfway")
        {
            harness.Twilio.CutNextAnswer();
        }
        else
        {
            harness.Twilio.AnswerNextEmpty(answer);
        }

        await harness.TextAsync(Worker, "hello");
        await harness.DispatchAllAsync();

        var scrape = await harness.Client.GetStringAsync("/metrics", Ct);

        Assert.Contains("hotline_twilio_send_errors_total{otel_scope_name=\"Hotline\",kind=\"unreadable_answer\"} 1", scrape);
    }

    [Fact]
    public async Task Deletions_at_twilio_are_counted_done_and_failed()
    {
        await using var harness = await TwilioHarness.StartAsync(overKestrel: true);
        var sid = harness.Twilio.AddInbound(Worker, TwilioHarness.HotlineNumber, "hello");
        (await harness.PostSignedAsync("/twilio/sms", TwilioHarness.InboundFields(Worker, "hello", sid))).EnsureSuccessStatusCode();
        harness.Twilio.FailNextDeletes(1, 500);
        await harness.DeleteAtTwilioAsync();
        await Task.Delay(20, Ct);
        await harness.DeleteAtTwilioAsync();

        var scrape = await harness.Client.GetStringAsync("/metrics", Ct);

        Assert.Contains("hotline_twilio_deletion_failures_total{otel_scope_name=\"Hotline\",kind=\"server_error\"} 1", scrape);
        Assert.Contains("hotline_twilio_deletions_done_total{otel_scope_name=\"Hotline\"} 1", scrape);
    }

    [Fact]
    public async Task The_single_writers_held_time_is_published_and_grows_as_it_writes()
    {
        await using var harness = await TwilioHarness.StartAsync(overKestrel: true);
        var before = await WriterBusyAsync(harness);

        await harness.TextAsync(Worker, "hello");

        // The exporter answers scrapes within 300 ms of the last from its cache: a later one shows the message's write.
        await Poll.UntilAsync(async () => await WriterBusyAsync(harness) > before,
            $"a scrape to show the single writer held longer than the {before} s before the message", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_scrape_carries_no_phone_number_or_text()
    {
        await using var harness = await TwilioHarness.StartAsync(overKestrel: true);
        await harness.TextAsync(Worker, "canary-text-4711");
        await harness.DispatchAllAsync();

        var scrape = await harness.Client.GetStringAsync("/metrics", Ct);

        Assert.DoesNotContain("9779800000511", scrape);
        Assert.DoesNotContain("canary-text-4711", scrape);
    }

    [Fact]
    public async Task Every_priority_band_has_a_queue_depth_even_when_empty()
    {
        await using var harness = await TwilioHarness.StartAsync(overKestrel: true);

        var scrape = await harness.Client.GetStringAsync("/metrics", Ct);

        Assert.Contains("hotline_queue_depth{otel_scope_name=\"Hotline\",band=\"Critical\"} 0", scrape);
        Assert.Contains("hotline_queue_cannot_be_written_to{otel_scope_name=\"Hotline\",band=\"Critical\"} 0", scrape);
        Assert.Contains("hotline_queue_oldest_untaken_critical_cannot_be_written_to_seconds{otel_scope_name=\"Hotline\"} 0", scrape);
        Assert.Contains("hotline_queue_oldest_waiting_seconds{otel_scope_name=\"Hotline\",band=\"Critical\"} 0", scrape);
        Assert.Contains("hotline_outbox_pending{otel_scope_name=\"Hotline\"} 0", scrape);
    }

    [Fact]
    public async Task A_photo_the_media_job_has_not_kept_yet_shows_in_the_media_backlog()
    {
        await using var harness = await TwilioHarness.StartAsync(
            new Dictionary<string, string?> { ["Hotline:Metrics:SampleSeconds"] = "1" }, overKestrel: true);
        var before = await harness.Client.GetStringAsync("/metrics", Ct);
        await Media.MediaWebhooks.SendAsync(harness, Media.TestPhotos.WithGps(), "image/jpeg");
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);

        var after = await harness.Client.GetStringAsync("/metrics", Ct);

        Assert.Equal((0.0, 0.0), (Gauge(before, "hotline_media_pending"), Gauge(before, "hotline_media_oldest_pending_age_seconds")));
        Assert.Equal(1.0, Gauge(after, "hotline_media_pending"));
        Assert.InRange(Gauge(after, "hotline_media_oldest_pending_age_seconds"), 0.5, 60);
    }

    /// <summary>The value of a gauge without labels of its own, as the scrape prints it.</summary>
    private static double Gauge(string scrape, string name) =>
        double.Parse(Regex.Match(scrape, $@"^{name}\{{otel_scope_name=""Hotline""\}} (\S+)", RegexOptions.Multiline).Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_caller_outside_the_allowed_networks_gets_404()
    {
        await using var harness = await TwilioHarness.StartAsync(
            new Dictionary<string, string?> { ["Hotline:Metrics:AllowedNetworks"] = "10.0.0.0/8" }, overKestrel: true);

        var response = await harness.Client.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The writer's held time in the scrape; the scrape must have it.</summary>
    private static async Task<double> WriterBusyAsync(TwilioHarness harness)
    {
        const string Series = "hotline_sqlite_writer_busy_seconds_total{otel_scope_name=\"Hotline\"} ";
        var line = (await harness.Client.GetStringAsync("/metrics", Ct)).Split('\n').Single(l => l.StartsWith(Series, StringComparison.Ordinal));
        return double.Parse(line[Series.Length..], CultureInfo.InvariantCulture);
    }
}
