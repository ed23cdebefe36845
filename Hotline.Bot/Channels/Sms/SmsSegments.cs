namespace Hotline.Bot.Channels.Sms;

/// <summary>Counts the SMS segments a text will be billed and delivered as.</summary>
public static class SmsSegments
{
    /// <summary>Twilio rejects a message body longer than this many UTF-16 code units.</summary>
    public const int MaxCharacters = 1600;

    private const int Gsm7Single = 160;
    // A multi-part message gives up room in each part to the user data header that reassembles it.
    private const int Gsm7PerPart = 153;
    private const int Ucs2Single = 70;
    private const int Ucs2PerPart = 67;

    public static bool IsTooLong(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > MaxCharacters;
    }

    public static SmsMeasure Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return new SmsMeasure(SmsEncoding.Gsm7, 0, 0, 0);
        }

        return Gsm7Alphabet.CanEncode(text)
            ? Build(SmsEncoding.Gsm7, text.Length, SeptetWidths(text), Gsm7Single, Gsm7PerPart)
            : Build(SmsEncoding.Ucs2, text.Length, UnitWidths(text), Ucs2Single, Ucs2PerPart);
    }

    // Each width is an indivisible piece: a phone cannot rejoin an escape pair or a surrogate pair that
    // arrives in two parts, so a piece that does not fit moves whole to the next part.
    private static SmsMeasure Build(SmsEncoding encoding, int characters, IEnumerable<int> widths, int single, int perPart)
    {
        int total = 0, parts = 1, used = 0;
        foreach (var width in widths)
        {
            if (used + width > perPart)
            {
                parts++;
                used = 0;
            }

            used += width;
            total += width;
        }

        return new SmsMeasure(encoding, characters, total <= single ? 1 : parts, total);
    }

    private static IEnumerable<int> SeptetWidths(string text)
    {
        foreach (var c in text)
        {
            yield return Gsm7Alphabet.IsExtension(c) ? 2 : 1;
        }
    }

    private static IEnumerable<int> UnitWidths(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                yield return 2;
            }
            else
            {
                yield return 1;
            }
        }
    }
}
