namespace Hotline.Api.Accountability;

/// <summary>A stored audit row, with the MAC that chains it to the row before.</summary>
public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string Actor, string Action, string? Subject, string? ClientAddress,
    string Outcome, string Mac);

/// <summary>The last row of the chain: what the next row follows.</summary>
public sealed record AuditLink(long Sequence, string Mac);

/// <summary>Where the chain starts after its oldest rows were deleted: the last deleted row's sequence and MAC, and the anchor's own MAC.</summary>
public sealed record AuditAnchor(long Sequence, string Mac, string AnchorMac);

/// <summary>
/// HMAC-SHA256 under the audit key over the previous row's MAC and the row's own fields, as a JSON array
/// (unambiguous whatever a field holds). The first row follows an all-zero MAC. Times are taken to the
/// millisecond, which both engines store exactly.
/// </summary>
public sealed class AuditChain(IOptions<AuditOptions> options)
{
    public static readonly string GenesisMac = new('0', 64);

    private readonly byte[] _key = Convert.FromBase64String(options.Value.Key);

    public string MacOf(string previousMac, long sequence, DateTimeOffset occurredAt, string actor, string action, string? subject,
        string? clientAddress, string outcome)
    {
        var fields = JsonSerializer.SerializeToUtf8Bytes(new object?[]
        {
            previousMac, sequence, occurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            actor, action, subject, clientAddress, outcome,
        });
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, fields));
    }

    public string MacOf(string previousMac, AuditRow row) =>
        MacOf(previousMac, row.Sequence, row.OccurredAt, row.Actor, row.Action, row.Subject, row.ClientAddress, row.Outcome);

    /// <summary>
    /// The MAC of a retention anchor: the sequence and MAC of the last row deleted, under the audit key, so an
    /// anchor (where `audit verify` starts once old rows are gone) cannot be made or moved without the key.
    /// </summary>
    public string AnchorMacOf(long sequence, string mac) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, JsonSerializer.SerializeToUtf8Bytes(new object[] { "anchor", sequence, mac })));

    /// <summary>The database clock's reading as the column keeps it: whole milliseconds.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
