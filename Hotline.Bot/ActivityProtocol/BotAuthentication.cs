namespace Hotline.Bot.ActivityProtocol;

/// <summary>
/// The fixed rules of the Bot Connector authentication specification ("Authenticate requests from the Bot
/// Connector service to your bot"). The host applies them to a token it has verified.
/// </summary>
public static class BotAuthentication
{
    /// <summary>The only issuer of tokens the Bot Connector sends to a bot.</summary>
    public const string Issuer = "https://api.botframework.com";

    /// <summary>The only algorithm accepted: RS256, which the OpenID metadata lists. "none" and HMAC are never accepted.</summary>
    public const string Algorithm = "RS256";

    /// <summary>The scope of the token a bot requests to call the Bot Connector.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>The specification's clock skew for a token's lifetime.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The Bot Connector writes the claim in lower case; the specification's prose spells it serviceUrl.</summary>
    public static readonly IReadOnlyList<string> ServiceUrlClaims = ["serviceurl", "serviceUrl"];

    /// <summary>
    /// The token's serviceUrl claim must name the activity's serviceUrl, or a token issued for one
    /// connector could make the bot send its own credentials to another address. Compared as the SDK does,
    /// without regard to case (a URL's host has none).
    /// </summary>
    public static bool ServiceUrlMatches(string? claim, Uri activityServiceUrl) =>
        claim is not null && string.Equals(claim, activityServiceUrl.OriginalString, StringComparison.OrdinalIgnoreCase);

    /// <summary>The signing key must be endorsed for the activity's channel: a key for one channel cannot vouch for another.</summary>
    public static bool IsEndorsed(IEnumerable<string> endorsements, string channelId) =>
        endorsements.Contains(channelId, StringComparer.Ordinal);

    /// <summary>
    /// Reads a JSON Web Key's "endorsements" member as the key parser kept it (an unknown member, so in its
    /// additional data): a list of channel ids. Anything that is not a list of strings endorses nothing.
    /// </summary>
    public static IReadOnlyList<string> ReadEndorsements(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
        IEnumerable<string> strings => strings.ToList(),
        IEnumerable<object> items when items.All(i => i is string) => items.Cast<string>().ToList(),
        _ => [],
    };
}
