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
            ["HotlineCriticalCaseWaiting", "HotlineCriticalCaseNobodyCanWriteTo", "HotlineOutboxStuck", "HotlineOutboxFailures", "HotlineTwilioSendErrors", "HotlineLoopFailing", "HotlineNotReady",
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
        var promtool = Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "promtool")).FirstOrDefault(File.Exists);
        Assert.SkipWhen(promtool is null, "promtool is not on PATH (Debian's prometheus package provides it: apt-get install -y prometheus).");

        var (rulesExit, rulesOutput) = await RunAsync(promtool!, "check", "rules", RulesFile);
        var (configExit, configOutput) = await RunAsync(promtool!, "check", "config", Path.Combine(PublishedImage.Infra, "prometheus", "prometheus.yml"));

        Assert.True(rulesExit == 0, rulesOutput);
        Assert.Contains("SUCCESS: 9 rules found", rulesOutput);
        Assert.True(configExit == 0, configOutput);
    }

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
