namespace Hotline.Api.WhatsApp;

/// <summary>Whether a WhatsApp case's window is open, and when it closes, as the console shows it.</summary>
public sealed record WhatsAppWindowView(bool Open, DateTimeOffset ClosesAt);

/// <summary>
/// WhatsApp delivers a business's free-text message only within 24 hours of the person's last message (Twilio
/// error 63016 otherwise). An approved template may be sent outside it; free text waits until the person writes.
/// SMS and chat have no such window.
/// </summary>
public static class WhatsAppWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>The refusal of a caseworker's reply when no template is configured.</summary>
    public const string ClosedRefusal =
        "WhatsApp's 24-hour window is closed: the person last wrote more than 24 hours ago, and WhatsApp delivers a reply " +
        "only within 24 hours of their last message. A reply waits for the person to write.";

    /// <summary>Why a reply waits, shown beside it in the transcript.</summary>
    public const string HeldReason =
        "Waiting for the person to write: WhatsApp's 24-hour window is closed. It is sent, in order, when they next write.";

    /// <summary>What the transcript shows for the template; its text is the one registered at Twilio, never written here.</summary>
    public const string TemplateNote = "WhatsApp template: a neutral invitation to write back (the approved re-engagement template).";

    /// <summary>The window of a conversation on <paramref name="channel"/> whose person last wrote at <paramref name="lastInboundAt"/>; null off WhatsApp.</summary>
    public static WhatsAppWindowView? Of(Channel channel, DateTimeOffset? lastInboundAt, DateTimeOffset now) =>
        channel != Channel.WhatsApp || lastInboundAt is not { } last ? null : new WhatsAppWindowView(now < last + Length, last + Length);

    /// <inheritdoc cref="Of(Channel, DateTimeOffset?, DateTimeOffset)"/>
    public static WhatsAppWindowView? Of(string channel, DateTimeOffset? lastInboundAt, DateTimeOffset now) =>
        Enum.TryParse<Channel>(channel, out var parsed) ? Of(parsed, lastInboundAt, now) : null;

    /// <summary>When the window of a conversation on <paramref name="channel"/> whose person last wrote at <paramref name="lastInboundAt"/> closes; null off WhatsApp.</summary>
    public static DateTimeOffset? ClosesAt(string channel, DateTimeOffset? lastInboundAt) =>
        channel == nameof(Channel.WhatsApp) && lastInboundAt is { } last ? last + Length : null;

    /// <summary>True for a WhatsApp conversation whose person has not written within the last 24 hours.</summary>
    public static bool IsClosed(Conversation conversation, DateTimeOffset now) =>
        Of(conversation.Address.Channel, conversation.LastInboundAt ?? conversation.CreatedAt, now) is { Open: false };
}
