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

    /// <summary>
    /// The CPU-heavy steps of a fetched file, each a span on the media lane's thread (Media/MediaKeeper): telling its type
    /// and reading the image's header, decoding its pixels, re-encoding the stripped copy, hashing the original, reading
    /// its metadata, and encrypting a copy into the media store.
    /// </summary>
    public const string MediaInspect = "hotline.media.inspect";
    public const string MediaDecode = "hotline.media.decode";
    public const string MediaStrip = "hotline.media.strip";
    public const string MediaHash = "hotline.media.hash";
    public const string MediaEvidence = "hotline.media.evidence";
    public const string MediaSeal = "hotline.media.seal";

    /// <summary>Every media step's span name, for whoever follows them.</summary>
    public static readonly IReadOnlyList<string> MediaSteps = [MediaInspect, MediaDecode, MediaStrip, MediaHash, MediaEvidence, MediaSeal];

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>A send's span, as a child of the trace its reply was written in when that is known.</summary>
    public static Activity? StartSend(string? storedTraceParent) =>
        ActivityContext.TryParse(storedTraceParent, null, out var parent)
            ? Source.StartActivity(Send, ActivityKind.Producer, parent)
            : Source.StartActivity(Send, ActivityKind.Producer);
}
