namespace Hotline.Bot.Tests.Channels.Sms;

/// <summary>
/// The segment counter against a model written here from 3GPP TS 23.038 and the concatenated-SMS limits,
/// on random text. CsCheck shrinks a failure to its smallest text and prints the seed that replays it
/// (<c>CsCheck_Seed</c>); <c>CsCheck_Iter</c> runs more samples.
/// </summary>
public sealed class SmsSegmentsPropertyTests
{
    /// <summary>The GSM 7-bit default alphabet, by septet value 0x00 to 0x7F; 0x1B is the escape to the extension table.</summary>
    private static readonly int[] DefaultAlphabet =
    [
        0x0040, 0x00A3, 0x0024, 0x00A5, 0x00E8, 0x00E9, 0x00F9, 0x00EC, 0x00F2, 0x00C7, 0x000A, 0x00D8, 0x00F8, 0x000D, 0x00C5, 0x00E5,
        0x0394, 0x005F, 0x03A6, 0x0393, 0x039B, 0x03A9, 0x03A0, 0x03A8, 0x03A3, 0x0398, 0x039E, -1, 0x00C6, 0x00E6, 0x00DF, 0x00C9,
        0x0020, 0x0021, 0x0022, 0x0023, 0x00A4, 0x0025, 0x0026, 0x0027, 0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F,
        0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037, 0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
        0x00A1, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047, 0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F,
        0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057, 0x0058, 0x0059, 0x005A, 0x00C4, 0x00D6, 0x00D1, 0x00DC, 0x00A7,
        0x00BF, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067, 0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,
        0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077, 0x0078, 0x0079, 0x007A, 0x00E4, 0x00F6, 0x00F1, 0x00FC, 0x00E0,
    ];

    /// <summary>The extension table's characters (form feed, ^ { } \ [ ~ ] | €), each sent as escape plus a septet.</summary>
    private static readonly int[] ExtensionTable = [0x000C, 0x005E, 0x007B, 0x007D, 0x005C, 0x005B, 0x007E, 0x005D, 0x007C, 0x20AC];

    private static readonly string Basic = string.Concat(DefaultAlphabet.Where(c => c >= 0).Select(c => (char)c));
    private static readonly string Extension = string.Concat(ExtensionTable.Select(c => (char)c));

    private static readonly Gen<string> Piece = Gen.Frequency(
        (8, Gen.Char[Basic].Select(c => c.ToString())),
        (2, Gen.Char[Extension].Select(c => c.ToString())),
        (1, Gen.Char["çÀÈÌÒÙ\u001B\t`"].Select(c => c.ToString())),
        (1, Gen.Char['\u0600', '\u06FF'].Select(c => c.ToString())),
        (1, Gen.Int[0x1F300, 0x1FAFF].Select(char.ConvertFromUtf32)),
        (1, Gen.Char['\uD800', '\uDFFF'].Select(c => c.ToString())));

    private static readonly Gen<string> AnyText = Gen.Frequency(
        (3, Piece.Array[0, 400].Select(string.Concat)),
        (1, Gen.Char[Basic].Array[0, 400].Select(a => new string(a))));

    [Fact]
    public void Every_text_measures_as_the_GSM_03_38_and_UCS_2_model_says()
    {
        AnyText.Sample(text => Assert.Equal(Model(text), SmsSegments.Measure(text)), print: Escape);
    }

    [Fact]
    public void A_text_of_basic_GSM_characters_is_one_segment_up_to_160_and_then_one_per_153()
    {
        Gen.Char[Basic].Array[1, 1_000].Select(a => new string(a)).Sample(text =>
            Assert.Equal(text.Length <= 160 ? 1 : (text.Length + 152) / 153, SmsSegments.Measure(text).Segments));
    }

    [Fact]
    public void A_text_of_Arabic_letters_is_one_segment_up_to_70_and_then_one_per_67()
    {
        Gen.Char['\u0621', '\u064A'].Array[1, 1_000].Select(a => new string(a)).Sample(text =>
            Assert.Equal(text.Length <= 70 ? 1 : (text.Length + 66) / 67, SmsSegments.Measure(text).Segments));
    }

    /// <summary>
    /// The model: GSM-7 when every character is in the default alphabet or its extension table (an extension
    /// character is two septets), else UCS-2 in UTF-16 code units. One segment holds 160 septets or 70 units;
    /// a longer text goes in parts of 153 septets or 67 units, and an escape pair or a surrogate pair is never
    /// split across two parts.
    /// </summary>
    private static SmsMeasure Model(string text)
    {
        if (text.Length == 0)
        {
            return new SmsMeasure(SmsEncoding.Gsm7, 0, 0, 0);
        }

        var gsm = text.All(c => Array.IndexOf(DefaultAlphabet, c) >= 0 || Array.IndexOf(ExtensionTable, c) >= 0);
        var widths = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            var pair = !gsm && i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]);
            widths.Add(gsm ? (Array.IndexOf(ExtensionTable, text[i]) >= 0 ? 2 : 1) : pair ? 2 : 1);
            i += pair ? 1 : 0;
        }

        var (single, perPart) = gsm ? (160, 153) : (70, 67);
        var total = widths.Sum();
        var parts = 1;
        var room = perPart;
        foreach (var width in widths)
        {
            if (width > room)
            {
                parts++;
                room = perPart;
            }

            room -= width;
        }

        return new SmsMeasure(gsm ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2, text.Length, total <= single ? 1 : parts, total);
    }

    private static string Escape(string text) =>
        $"\"{string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"))}\" ({text.Length} chars)";
}
