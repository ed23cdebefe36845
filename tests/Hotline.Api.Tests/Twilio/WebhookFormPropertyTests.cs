namespace Hotline.Api.Tests.Twilio;

/// <summary>
/// The webhook form reader on random bodies, against a reading of the form rules written here: it never
/// throws, accepts exactly the well-formed bodies and reads their fields as they were encoded. CsCheck
/// shrinks a failure to its smallest body and prints the seed that replays it (<c>CsCheck_Seed</c>).
/// </summary>
public sealed class WebhookFormPropertyTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Bytes that make up forms and break them: separators, escapes good and bad, UTF-8 whole and cut, raw high bytes.</summary>
    private static readonly Gen<byte[]> Body = Gen.Frequency(
        (10, Gen.OneOf("a", "B", "9", "Body", "From", "=", "&", "+", "%20", "%41", "%C3%A9", "%D8%A7", "%F0%9F%86%98", "%3D", "%26")),
        (2, Gen.OneOf("%", "%4", "%G1", "%C3", "%A9", "%FF", "%ED%A0%80", "%C0%AF", "%00")),
        (1, Gen.Char[' ', '~'].Select(c => c.ToString())))
        .Array[0, 40]
        .SelectMany(parts => Gen.Frequency((9, Gen.Const(Array.Empty<byte>())), (1, Gen.Byte[0x80, 0xFF].Array[1, 3]))
            .Select(raw => Encoding.ASCII.GetBytes(string.Concat(parts)).Concat(raw).ToArray()));

    /// <summary>Field names and values as a sender might write them, any Unicode text that UTF-16 can hold.</summary>
    private static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.Char[' ', '~']),
        (2, Gen.Char['\u00A0', '\u07FF']),
        (1, Gen.Char['\u0800', '\uD7FF']))
        .Array[0, 30].Select(chars => new string(chars));

    [Fact]
    public void No_body_makes_the_reader_throw_and_it_accepts_exactly_the_well_formed_ones_with_their_fields()
    {
        Body.Sample(body =>
        {
            var result = WebhookForm.Parse(body);
            var expected = WellFormedFields(body);
            if (expected is null)
            {
                Assert.Equal((StatusCodes.Status400BadRequest, (IReadOnlyDictionary<string, string>?)null), (result.Status, result.Fields));
                Assert.False(string.IsNullOrEmpty(result.Error));
            }
            else
            {
                Assert.Equal(StatusCodes.Status200OK, result.Status);
                Assert.Equal(Sorted(expected), Sorted(result.Fields!));
            }
        }, print: body => $"\"{Encoding.Latin1.GetString(body)}\"");
    }

    [Fact]
    public void Any_set_of_fields_encoded_as_a_form_reads_back_as_it_was()
    {
        Gen.Dictionary(Text.Where(name => name.Length > 0), Text)[1, 12].Sample(fields =>
        {
            var body = new FormUrlEncodedContent(fields).ReadAsByteArrayAsync().GetAwaiter().GetResult();

            Assert.Equal(Sorted(fields), Sorted(WebhookForm.Parse(body).Fields!));
        });
    }

    /// <summary>
    /// The rules: a non-empty body of ASCII; pairs split on '&amp;' (empty pairs skipped), name and value on the
    /// first '='; '+' is a space and '%' with two hex digits a byte (any other '%' stays as it is); each part
    /// must then be valid UTF-8; names must be non-empty and not repeat. Null when the body breaks a rule.
    /// </summary>
    private static Dictionary<string, string>? WellFormedFields(byte[] body)
    {
        if (body.Length == 0 || body.Any(b => b >= 0x80))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Encoding.ASCII.GetString(body).Split('&').Where(p => p.Length > 0))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = Decode(equals < 0 ? "" : pair[(equals + 1)..]);
            if (name is not { Length: > 0 } || value is null || !fields.TryAdd(name, value))
            {
                return null;
            }
        }

        return fields;
    }

    private static List<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> fields) =>
        fields.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();

    private static string? Decode(string part)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '%' && i + 2 < part.Length && Uri.IsHexDigit(part[i + 1]) && Uri.IsHexDigit(part[i + 2]))
            {
                bytes.Add(Convert.ToByte(part.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add(part[i] == '+' ? (byte)' ' : (byte)part[i]);
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
