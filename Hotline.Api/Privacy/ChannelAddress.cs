using PhoneNumbers;

namespace Hotline.Api.Privacy;

/// <summary>A normalised address on one channel: E.164 for SMS and WhatsApp, the channel's own id for chat.</summary>
public readonly record struct ChannelAddress(Channel Channel, string Value)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Parses a phone number in any common notation; a number without a country code needs <paramref name="defaultRegion"/>.</summary>
    public static bool TryPhone(Channel channel, string raw, string? defaultRegion, out ChannelAddress address, out string error)
    {
        address = default;
        error = "";
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 40)
        {
            error = "the phone number is empty or too long";
            return false;
        }

        try
        {
            var number = Phones.Parse(raw, defaultRegion ?? "ZZ");
            if (!Phones.IsPossibleNumber(number))
            {
                error = "the phone number has the wrong number of digits";
                return false;
            }

            address = new ChannelAddress(channel, Phones.Format(number, PhoneNumberFormat.E164));
            return true;
        }
        catch (NumberParseException ex)
        {
            error = ex.ErrorType == ErrorType.INVALID_COUNTRY_CODE
                ? "the phone number has no valid country code"
                : "the phone number does not parse";
            return false;
        }
    }

    public static ChannelAddress Chat(string userId) => new(Channel.Chat, userId);

    public override string ToString() => $"{Channel}:(redacted)";
}
