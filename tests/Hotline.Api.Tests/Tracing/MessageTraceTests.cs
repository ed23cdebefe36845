using Hotline.Api.Tracing;
using OpenTelemetry.Trace;

namespace Hotline.Api.Tests.Tracing;

/// <summary>One message can be followed from its webhook to its commit and on to its reply's send, with no personal data on the way.</summary>
[Collection(nameof(Hotline.Api.Tests.Metrics.TelemetryAlone))]
public sealed class MessageTraceTests
{
    private const string Phone = "+9779800088123";
    private const string Text = "CANARY-trace-my-boss-took-my-passport";

    [Fact]
    public async Task The_webhook_the_store_and_the_reply_send_are_spans_of_one_trace()
    {
        var spans = new List<Activity>();
        await using var harness = await TwilioHarness.StartAsync(services: services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));

        await harness.TextAsync(Phone, Text);
        await harness.DispatchAllAsync();

        var ours = spans.Where(s => s.Source.Name == HotlineActivities.SourceName).ToList();
        var webhook = Assert.Single(ours, s => s.OperationName == HotlineActivities.Webhook);
        var store = Assert.Single(ours, s => s.OperationName == HotlineActivities.Store);
        // The first message is answered with the language menu and how to answer it: two replies, two sends.
        var sends = ours.Where(s => s.OperationName == HotlineActivities.Send).ToList();
        Assert.Equal(2, sends.Count);
        Assert.Equal((webhook.TraceId, webhook.SpanId), (store.TraceId, store.ParentSpanId));
        Assert.All(sends, send => Assert.Equal((webhook.TraceId, store.SpanId), (send.TraceId, send.ParentSpanId)));
    }

    [Fact]
    public async Task No_span_tag_carries_the_phone_number_or_the_text()
    {
        var spans = new List<Activity>();
        await using var harness = await TwilioHarness.StartAsync(services: services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));

        await harness.TextAsync(Phone, Text);
        await harness.DispatchAllAsync();

        var tags = spans.SelectMany(s => s.TagObjects.Select(t => $"{s.OperationName} {t.Key}={t.Value}").Append($"{s.OperationName} {s.DisplayName}")).ToList();
        Assert.NotEmpty(tags);
        var leaks = tags.Where(t => t.Contains(Phone[4..], StringComparison.Ordinal) || t.Contains("CANARY", StringComparison.Ordinal)).ToList();
        Assert.Empty(leaks);
    }
}
