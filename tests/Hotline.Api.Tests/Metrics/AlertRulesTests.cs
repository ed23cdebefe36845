using System.Diagnostics.Metrics;
using Hotline.Api.Metrics;
using YamlDotNet.RepresentationModel;

namespace Hotline.Api.Tests.Metrics;

/// <summary>infra/prometheus/alerts.yml parses, and every hotline metric its rules use is one the app publishes.</summary>
public sealed partial class AlertRulesTests
{
    private static readonly string RulesFile = Path.Combine(PublishedImage.Infra, "prometheus", "alerts.yml");

    [Fact]
    public void Every_rule_has_a_name_an_expression_and_a_summary()
    {
        var rules = Rules();

        Assert.Equal(
            ["HotlineCriticalCaseWaiting", "HotlineCriticalCaseNobodyCanWriteTo", "HotlineOutboxStuck", "HotlineOutboxFailures", "HotlineTwilioSendErrors", "HotlineTwilioCredentialsRefused", "HotlineLoopFailing", "HotlineNotReady",
                "HotlineRowsQuarantined", "HotlineSqliteWriterSaturated"],
            rules.Select(r => ((YamlScalarNode)r["alert"]).Value));
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(((YamlScalarNode)rule["expr"]).Value));
            Assert.False(string.IsNullOrWhiteSpace(((YamlScalarNode)((YamlMappingNode)rule["annotations"])["summary"]).Value));
        });
    }

    [Fact]
    public async Task Every_metric_a_rule_uses_is_published_by_the_app()
    {
        await using var app = new HotlineApp();
        var published = new HashSet<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == HotlineMetrics.MeterName)
                {
                    published.Add(PrometheusName(instrument));
                }
            },
        };
        _ = app.Services.GetRequiredService<HotlineMetrics>();
        listener.Start();

        var used = Rules().SelectMany(r => MetricName().Matches(((YamlScalarNode)r["expr"]).Value!).Select(m => m.Value)).Distinct().ToList();

        Assert.Equal(9, used.Count);
        Assert.All(used, name => Assert.Contains(name, published));
    }

    [Fact]
    public async Task Promtool_accepts_the_rules_and_the_scrape_configuration_that_loads_them()
    {
        var promtool = Promtool();
        Assert.SkipWhen(promtool is null, "promtool is not on PATH (Debian's prometheus package provides it: apt-get install -y prometheus).");

        var (rulesExit, rulesOutput) = await RunAsync(promtool!, "check", "rules", RulesFile);
        var (configExit, configOutput) = await RunAsync(promtool!, "check", "config", Path.Combine(PublishedImage.Infra, "prometheus", "prometheus.yml"));

        Assert.True(rulesExit == 0, rulesOutput);
        Assert.Contains("SUCCESS: 10 rules found", rulesOutput);
        Assert.True(configExit == 0, configOutput);
    }

    /// <summary>
    /// Found this session: the rule was <c>max(hotline_queue_cannot_be_written_to{band="Critical"}) &gt; 0 for: 10m</c>, so
    /// Critical cases following one another, none untaken for long, paged as one; and a case taken, read and released while
    /// its person stayed quiet paged again. The rule now reads the oldest untaken such case's age: one case untaken for 10
    /// minutes pages, a sawtooth of cases each taken within 4 minutes never does. Samples every 15 s, as the app's sampler.
    /// </summary>
    [Fact]
    public async Task The_nobody_can_write_to_alert_pages_for_one_case_untaken_for_10_minutes_not_for_cases_following_one_another()
    {
        var promtool = Promtool();
        Assert.SkipWhen(promtool is null, "promtool is not on PATH (Debian's prometheus package provides it: apt-get install -y prometheus).");
        var rule = Rules().Single(r => ((YamlScalarNode)r["alert"]).Value == "HotlineCriticalCaseNobodyCanWriteTo");
        var summary = ((YamlScalarNode)((YamlMappingNode)rule["annotations"])["summary"]).Value;
        const string Age = "hotline_queue_oldest_untaken_critical_cannot_be_written_to_seconds";
        var pages = new[] { new { exp_labels = new { severity = "page" }, exp_annotations = new { summary } } };
        var unitTests = new
        {
            rule_files = new[] { RulesFile },
            evaluation_interval = "15s",
            tests = new object[]
            {
                new
                {
                    interval = "15s",
                    // One case untaken from 0 s, seen by two instances.
                    input_series = new[]
                    {
                        new { series = Age + "{instance=\"api1\"}", values = "0+15x50" },
                        new { series = Age + "{instance=\"api2\"}", values = "0+15x50" },
                    },
                    alert_rule_test = new object[]
                    {
                        new { eval_time = "10m", alertname = "HotlineCriticalCaseNobodyCanWriteTo", exp_alerts = Array.Empty<object>() },
                        new { eval_time = "10m15s", alertname = "HotlineCriticalCaseNobodyCanWriteTo", exp_alerts = pages },
                    },
                },
                new
                {
                    interval = "15s",
                    // Case after case, each taken 4 minutes after it went untaken (back to 0 when taken, then the next one's age).
                    input_series = new[] { new { series = Age + "{instance=\"api1\"}", values = "0+15x16 0+15x16 0+15x16 0+15x16" } },
                    alert_rule_test = new object[]
                    {
                        new { eval_time = "16m", alertname = "HotlineCriticalCaseNobodyCanWriteTo", exp_alerts = Array.Empty<object>() },
                    },
                },
            },
        };
        var folder = Directory.CreateTempSubdirectory("hotline-alert-tests-");
        var file = Path.Combine(folder.FullName, "alerts.test.json");
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(unitTests), TestContext.Current.CancellationToken);

        var (exit, output) = await RunAsync(promtool!, "test", "rules", file);
        folder.Delete(recursive: true);

        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS", output);
    }

    private static string? Promtool() =>
        Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator).Select(folder => Path.Combine(folder, "promtool")).FirstOrDefault(File.Exists);

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)
            + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output);
    }

    /// <summary>How the OpenTelemetry Prometheus exporter spells an instrument: dots to underscores, the unit, _total on counters (observed ones too).</summary>
    private static string PrometheusName(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : "");
        var type = instrument.GetType().Name;
        return type.StartsWith("Counter", StringComparison.Ordinal) || type.StartsWith("ObservableCounter", StringComparison.Ordinal)
            ? name + "_total"
            : name;
    }

    private static List<YamlMappingNode> Rules()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(RulesFile))
        {
            stream.Load(reader);
        }

        var groups = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["groups"];
        return groups.Cast<YamlMappingNode>().SelectMany(g => ((YamlSequenceNode)g["rules"]).Cast<YamlMappingNode>()).ToList();
    }

    [GeneratedRegex("hotline_[a-z_]+")]
    private static partial Regex MetricName();
}
