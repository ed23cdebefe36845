using Hotline.Api.Inbound;

namespace Hotline.Api.Twilio;

/// <summary>
/// Reads Twilio's inbound messaging webhook into an envelope. Only the fields the hotline needs are read;
/// the carrier's location guesses (FromCity, FromState, FromZip, FromCountry and the To* twins) and any
/// unknown field are never looked at, so they cannot be stored.
/// </summary>
public static partial class TwilioInboundMessage
{
    /// <summary>WhatsApp allows 4,096 characters; SMS arrives joined up to 1,600.</summary>
    public const int MaxBodyLength = 4096;
    public const int MaxMedia = 10;
    private const string WhatsAppPrefix = "whatsapp:";

    public static bool TryParse(IReadOnlyDictionary<string, string> fields, string? expectedAccountSid, DateTimeOffset receivedAt,
        out InboundEnvelope envelope, out string error)
    {
        envelope = null!;
        var sid = Field(fields, "MessageSid") ?? Field(fields, "SmsMessageSid") ?? Field(fields, "SmsSid");
        var account = Field(fields, "AccountSid");
        var from = Field(fields, "From");
        var body = fields.GetValueOrDefault("Body", "");
        error = (sid, account, from) switch
        {
            (null, _, _) => "MessageSid is required.",
            _ when !MessageSidPattern().IsMatch(sid) => "MessageSid is not a Twilio message id.",
            (_, null, _) => "AccountSid is required.",
            _ when expectedAccountSid is not null && !string.Equals(account, expectedAccountSid, StringComparison.Ordinal) =>
                "AccountSid is not this hotline's account.",
            (_, _, null) => "From is required.",
            _ when Field(fields, "To") is null => "To is required.",
            _ when body.Length > MaxBodyLength => $"Body is longer than {MaxBodyLength} characters.",
            _ => "",
        };
        if (error.Length > 0)
        {
            return false;
        }

        var channel = from!.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? Channel.WhatsApp : Channel.Sms;
        var number = channel == Channel.WhatsApp ? from[WhatsAppPrefix.Length..] : from;
        if (!ChannelAddress.TryPhone(channel, number, null, out var address, out var phoneError))
        {
            error = $"From is not a phone number: {phoneError}.";
            return false;
        }

        if (!TryReadMedia(fields, out var media, out error))
        {
            return false;
        }

        envelope = new InboundEnvelope(address, sid!, body, media, null, receivedAt);
        return true;
    }

    private static bool TryReadMedia(IReadOnlyDictionary<string, string> fields, out IReadOnlyList<MediaReference> media, out string error)
    {
        media = [];
        error = "";
        var countText = fields.GetValueOrDefault("NumMedia", "0");
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxMedia)
        {
            error = $"NumMedia must be a whole number from 0 to {MaxMedia}.";
            return false;
        }

        var references = new List<MediaReference>(count);
        for (var i = 0; i < count; i++)
        {
            if (!Uri.TryCreate(Field(fields, $"MediaUrl{i}"), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                error = $"MediaUrl{i} must be an https URL.";
                return false;
            }

            references.Add(new MediaReference(url.ToString(), fields.GetValueOrDefault($"MediaContentType{i}", Media.MediaTypes.Undeclared)));
        }

        media = references;
        return true;
    }

    private static string? Field(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    [GeneratedRegex("^(SM|MM)[0-9a-fA-F]{32}$")]
    private static partial Regex MessageSidPattern();
}
