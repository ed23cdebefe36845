namespace Hotline.Api.Outbox;

/// <summary>
/// Delivery statuses in the order a message moves through them. A status is recorded only over one of
/// lower rank, so callbacks that arrive out of order never move a message backwards.
/// </summary>
public static class DeliveryStatuses
{
    public const string Received = "received";
    public const string Pending = "pending";

    /// <summary>Waiting for the person to write (WhatsApp's 24-hour window); moved back here even from sent, since WhatsApp refused it.</summary>
    public const string Held = "held";
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    private static readonly Dictionary<string, int> Ranks = new(StringComparer.OrdinalIgnoreCase)
    {
        [Pending] = 0,
        [Held] = 0,
        ["accepted"] = 1,
        ["scheduled"] = 1,
        [Queued] = 1,
        ["sending"] = 2,
        [Sent] = 3,
        [Delivered] = 4,
        ["read"] = 5,
        [Failed] = 6,
        ["undelivered"] = 6,
        ["canceled"] = 6,
        [Cancelled] = 6,
        [Received] = 6,
    };

    public static bool TryRank(string status, out int rank) => Ranks.TryGetValue(status, out rank);

    public static int Rank(string status) => Ranks[status];

    /// <summary>Delivered, read, failed, undelivered or cancelled: nothing more will happen to the message at the provider.</summary>
    public static bool IsFinal(int rank) => rank >= Ranks[Delivered];

    public static bool IsDelivered(string status) =>
        string.Equals(status, Delivered, StringComparison.OrdinalIgnoreCase) || string.Equals(status, "read", StringComparison.OrdinalIgnoreCase);
}
