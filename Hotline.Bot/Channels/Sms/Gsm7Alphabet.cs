using System.Buffers;

namespace Hotline.Bot.Channels.Sms;

/// <summary>The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038).</summary>
internal static class Gsm7Alphabet
{
    // Position 0x1B (ESC) is left out: it only introduces an extension character, so a literal U+001B
    // in the text cannot be sent as itself. Position 0x09 is capital Ç per the standard; lowercase ç is not
    // in the table, and neither are capital vowels with a grave accent.
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅå" +
        "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
        " !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§" +
        "¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Each of these is sent as ESC plus a code, so it costs two septets.
    private const string Extension = "\f^{}\\[~]|€";

    private static readonly SearchValues<char> All = SearchValues.Create(Basic + Extension);
    private static readonly SearchValues<char> Extended = SearchValues.Create(Extension);

    public static bool CanEncode(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(All) < 0;

    public static bool IsExtension(char c) => Extended.Contains(c);
}
