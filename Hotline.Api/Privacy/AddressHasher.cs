namespace Hotline.Api.Privacy;

/// <summary>
/// Finds a person's conversation without storing their address in the clear: a keyed HMAC-SHA256 of
/// the normalised address. Without the key, the hash of every possible phone number cannot be
/// precomputed, which a plain hash of a 10-digit number would allow in minutes.
/// </summary>
public sealed class AddressHasher(IOptions<PrivacyOptions> options)
{
    private readonly byte[] _key = Convert.FromBase64String(options.Value.LookupKey);

    public string Hash(ChannelAddress address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{AddressSpace(address.Channel)}:{address.Value}")));

    /// <summary>SMS and WhatsApp share the phone number space, so a SIM registry entry matches both.</summary>
    private static string AddressSpace(Channel channel) => channel == Channel.Chat ? "chat" : "tel";
}
