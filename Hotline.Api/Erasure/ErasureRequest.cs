namespace Hotline.Api.Erasure;

/// <summary>
/// Whom to erase, read strictly at the edge (the command line, the admin's form): a phone number in E.164
/// (<c>+</c> and the country code: a guess at a country could erase someone else), or a chat person as
/// <c>CHANNEL:ID</c>, the key the Bot Connector's channel and user id make.
/// </summary>
public static class ErasureRequest
{
    private const int MaxChatKeyLength = 300;

    public static bool TryParse(string? phone, string? chat, out ChannelAddress address, out string error)
    {
        address = default;
        switch (string.IsNullOrWhiteSpace(phone), string.IsNullOrWhiteSpace(chat))
        {
            case (true, true):
                error = "Give the person to erase: a phone number (+E164) or a chat person (CHANNEL:ID).";
                return false;
            case (false, false):
                error = "Give either a phone number or a chat person, not both.";
                return false;
            case (false, true):
                return TryPhone(phone!.Trim(), out address, out error);
            default:
                return TryChat(chat!.Trim(), out address, out error);
        }
    }

    private static bool TryPhone(string raw, out ChannelAddress address, out string error)
    {
        address = default;
        if (!raw.StartsWith('+') || raw.Skip(1).Any(c => !char.IsAsciiDigit(c)))
        {
            error = $"'{raw}' is not a phone number in E.164 form: a plus sign, the country code and the number, digits only, e.g. +CCNNNNNNNN.";
            return false;
        }

        if (!ChannelAddress.TryPhone(Channel.Sms, raw, null, out address, out var reason))
        {
            error = $"'{raw}' is not a phone number: {reason}.";
            return false;
        }

        error = "";
        return true;
    }

    private static bool TryChat(string raw, out ChannelAddress address, out string error)
    {
        address = default;
        var separator = raw.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || separator == raw.Length - 1 || raw.Length > MaxChatKeyLength || raw.Any(char.IsWhiteSpace))
        {
            error = $"A chat person is CHANNEL:ID (the channel id, a colon, the user id), without spaces, at most {MaxChatKeyLength} characters.";
            return false;
        }

        address = ChannelAddress.Chat(raw);
        error = "";
        return true;
    }
}
