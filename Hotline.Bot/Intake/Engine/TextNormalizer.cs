using System.Globalization;
using System.Text;

namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// Folds what a person typed into the form the word lists are compared in: trimmed of spaces and punctuation,
/// lower case, digits of any script as ASCII ("١" and "१" are "1"), invisible marks and Arabic vowel signs
/// dropped, alef variants as bare alef, Unicode NFC. Urdu is often typed on an Arabic keyboard, so that
/// keyboard's heh, yeh and kaf fold to Urdu's (ه ھ as ہ, ي ى as ی, ك as ک) and the noon ghunna it lacks to
/// noon (ں as ن); both sides of a comparison are folded alike, so Arabic words still match Arabic words.
/// Phones type the same word in many byte sequences.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Longer messages are never a keyword, which keeps a 10,000-character message cheap.</summary>
    public const int MaxKeywordLength = 40;

    /// <summary>How much of a message is read for its words: one SMS segment's worth of a long text is enough to answer.</summary>
    public const int MaxWordsLength = 320;

    /// <summary>The whole message as a keyword, "" when it is empty, or null when it is too long to be one.</summary>
    public static string? Keyword(string? text) => text is null ? "" : Keyword(text.AsSpan());

    public static string? Keyword(ReadOnlySpan<char> text)
    {
        var span = Trim(text);
        if (span.Length > MaxKeywordLength)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[MaxKeywordLength];
        var length = 0;
        var pendingSpace = false;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsSurrogate(c))
            {
                // A lone surrogate is dropped; a pair (an emoji such as a thumbs-up) is kept whole.
                if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    Append(buffer, ref length, ref pendingSpace, c);
                    buffer[length++] = span[++i];
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (IsIgnorable(c))
            {
                continue;
            }

            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            Append(buffer, ref length, ref pendingSpace, digit >= 0 ? (char)('0' + digit) : Fold(c));
        }

        return Compose(new string(buffer[..length]));
    }

    /// <summary>The first word of a longer message as a keyword ("yes please" gives "yes"), or null for one word.</summary>
    public static string? FirstWord(string? text)
    {
        var span = Trim((text ?? "").AsSpan());
        for (var i = 0; i < span.Length && i <= MaxKeywordLength; i++)
        {
            if (char.IsWhiteSpace(span[i]) || span[i] == ',')
            {
                return Keyword(span[..i]);
            }
        }

        return null;
    }

    /// <summary>
    /// The folded words of a message, split at spaces and punctuation ("tidak apa-apa" gives tidak, apa, apa),
    /// at most <paramref name="max"/> of them and only from its first <see cref="MaxWordsLength"/> characters.
    /// </summary>
    public static List<string> Words(string? text, int max) => Words(text, max, MaxWordsLength);

    /// <summary>The folded words of a message's first <paramref name="maxLength"/> characters, at most <paramref name="max"/> of them.</summary>
    public static List<string> Words(string? text, int max, int maxLength)
    {
        var span = (text ?? "").AsSpan();
        span = span[..Math.Min(span.Length, maxLength)];
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= span.Length && words.Count < max; i++)
        {
            var boundary = i == span.Length || char.IsWhiteSpace(span[i]) || char.IsPunctuation(span[i]);
            if (!boundary)
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && Keyword(span[start..i]) is { Length: > 0 } word)
            {
                words.Add(word);
            }

            start = -1;
        }

        return words;
    }

    /// <summary>
    /// Whether a message holds no letter or digit of any script: empty, only spaces, emoji or punctuation, or a photo or
    /// sticker sent with no text. It says nothing the intake could read, not even which language it is in.
    /// </summary>
    public static bool HasNoWords(string? text)
    {
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The keyword with every run of one letter longer than <paramref name="longest"/> cut to that length: with 2,
    /// "haaan" gives "haan"; with 1, "nooo" gives "no". Digits are never cut ("111" is not "1").
    /// </summary>
    public static string WithoutRepeats(string keyword, int longest)
    {
        var run = 0;
        var cut = false;
        for (var i = 0; i < keyword.Length && !cut; i++)
        {
            run = i > 0 && keyword[i - 1] == keyword[i] ? run + 1 : 1;
            cut = run > longest && Cuttable(keyword[i]);
        }

        if (!cut)
        {
            // Most messages have no drawn-out letters: no copy.
            return keyword;
        }

        var text = new StringBuilder(keyword.Length);
        for (var i = 0; i < keyword.Length; i++)
        {
            run = i > 0 && keyword[i - 1] == keyword[i] ? run + 1 : 1;
            if (run <= longest || !Cuttable(keyword[i]))
            {
                text.Append(keyword[i]);
            }
        }

        return text.ToString();
    }

    private static bool Cuttable(char c) => !char.IsAsciiDigit(c) && !char.IsSurrogate(c);

    /// <summary>The number a keyword spells (one to three digits), or -1.</summary>
    public static int Number(string? keyword)
    {
        if (keyword is null || keyword.Length is 0 or > 3)
        {
            return -1;
        }

        var value = 0;
        foreach (var c in keyword)
        {
            if (c is < '0' or > '9')
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private static void Append(Span<char> buffer, ref int length, ref bool pendingSpace, char c)
    {
        if (pendingSpace)
        {
            buffer[length++] = ' ';
            pendingSpace = false;
        }

        buffer[length++] = c;
    }

    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsTrimmed(text[start]))
        {
            start++;
        }

        while (end > start && IsTrimmed(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool IsTrimmed(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || IsIgnorable(c);

    // Invisible format marks (zero-width joiners, direction marks, variation selectors), controls, Arabic
    // vowel signs and the tatweel: none changes which word was meant.
    private static bool IsIgnorable(char c) =>
        char.IsControl(c)
        || c is >= '\u200B' and <= '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2060' and <= '\u2069'
        || c is '\uFEFF' or '\uFE0E' or '\uFE0F' or '\u061C' or '\u0640' or '\u0670'
        || c is >= '\u064B' and <= '\u065F';

    private static char Fold(char c) => c switch
    {
        '\u0622' or '\u0623' or '\u0625' or '\u0671' => '\u0627',
        '\u0647' or '\u06BE' => '\u06C1',
        '\u064A' or '\u0649' => '\u06CC',
        '\u0643' => '\u06A9',
        '\u06BA' => '\u0646',
        _ => char.ToLowerInvariant(c),
    };

    private static string Compose(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Only ill-formed UTF-16 makes normalisation throw, and lone surrogates are already gone; keep the text as is.
            return text;
        }
    }
}
