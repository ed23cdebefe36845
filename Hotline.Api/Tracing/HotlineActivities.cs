using System.Diagnostics;

namespace Hotline.Api.Tracing;

/// <summary>
/// The hotline's own spans, which follow one message from its webhook to its commit and on to each reply's
/// send: the send's span continues the trace the webhook began, through the trace context stored with the
/// outbox row. Tags carry a channel, an id or an outcome: never a phone number or a text.
/// </summary>
public static class HotlineActivities
{
    public const string SourceName = "Hotline";

    public const string Webhook = "hotline.webhook";
    public const string Store = "hotline.inbound.store";
    public const string Send = "hotline.outbox.send";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>A send's span, as a child of the trace its reply was written in when that is known.</summary>
    public static Activity? StartSend(string? storedTraceParent) =>
        ActivityContext.TryParse(storedTraceParent, null, out var parent)
            ? Source.StartActivity(Send, ActivityKind.Producer, parent)
            : Source.StartActivity(Send, ActivityKind.Producer);
}
