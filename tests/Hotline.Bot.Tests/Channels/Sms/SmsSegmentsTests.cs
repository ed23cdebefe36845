namespace Hotline.Bot.Tests.Channels.Sms;

public sealed class SmsSegmentsTests
{
    // Typed from the GSM 03.38 default alphabet, row by row, without ESC (0x1B).
    private const string GsmBasicSet =
        "@£$¥èéùìòÇ\nØø\rÅå" +
        "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
        " !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§" +
        "¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Emoji = "\U0001F198";

    [Fact]
    public void Empty_text_is_GSM7_with_no_segments()
    {
        Assert.Equal(new SmsMeasure(SmsEncoding.Gsm7, 0, 0, 0), SmsSegments.Measure(""));
    }

    [Fact]
    public void Every_character_of_the_GSM_basic_set_is_one_septet()
    {
        var measure = SmsSegments.Measure(GsmBasicSet);

        Assert.Equal(127, GsmBasicSet.Length);
        Assert.Equal(new SmsMeasure(SmsEncoding.Gsm7, 127, 1, 127), measure);
    }

    [Fact]
    public void A_160_character_GSM_text_is_one_segment()
    {
        Assert.Equal(new SmsMeasure(SmsEncoding.Gsm7, 160, 1, 160), SmsSegments.Measure(new string('a', 160)));
    }

    [Fact]
    public void A_161_character_GSM_text_is_two_segments()
    {
        Assert.Equal(new SmsMeasure(SmsEncoding.Gsm7, 161, 2, 161), SmsSegments.Measure(new string('a', 161)));
    }

    [Theory]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void A_split_GSM_text_holds_153_septets_per_part(int length, int segments)
    {
        Assert.Equal(segments, SmsSegments.Measure(new string('a', length)).Segments);
    }

    [Theory]
    [InlineData("^")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("\\")]
    [InlineData("[")]
    [InlineData("~")]
    [InlineData("]")]
    [InlineData("|")]
    [InlineData("€")]
    [InlineData("\f")]
    public void Extension_characters_count_twice(string extension)
    {
        Assert.Equal(new SmsMeasure(SmsEncoding.Gsm7, 1, 1, 2), SmsSegments.Measure(extension));
    }

    [Fact]
    public void Eighty_extension_characters_fill_one_segment()
    {
        Assert.Equal(1, SmsSegments.Measure(new string('€', 80)).Segments);
        Assert.Equal(2, SmsSegments.Measure(new string('€', 81)).Segments);
    }

    [Fact]
    public void An_escape_pair_is_not_split_across_parts()
    {
        // 306 septets would fit two parts of 153, but the € at septets 153-154 moves whole into part two.
        var text = new string('a', 152) + "€" + new string('a', 152);

        var measure = SmsSegments.Measure(text);

        Assert.Equal(new SmsMeasure(SmsEncoding.Gsm7, 305, 3, 306), measure);
    }

    [Fact]
    public void One_non_GSM_character_switches_the_whole_text_to_UCS2()
    {
        var text = new string('a', 100) + "á";

        Assert.Equal(new SmsMeasure(SmsEncoding.Ucs2, 101, 2, 101), SmsSegments.Measure(text));
    }

    [Theory]
    [InlineData("\u001B")]
    [InlineData("ç")]
    [InlineData("À")]
    [InlineData("\t")]
    [InlineData("\u2019")]
    [InlineData("\u2126")]
    [InlineData("`")]
    public void Characters_outside_the_GSM_table_are_UCS2(string character)
    {
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.Measure("Help " + character).Encoding);
    }

    [Fact]
    public void Seventy_UCS2_units_are_one_segment()
    {
        Assert.Equal(new SmsMeasure(SmsEncoding.Ucs2, 70, 1, 70), SmsSegments.Measure(new string('न', 70)));
    }

    [Fact]
    public void Seventy_one_UCS2_units_are_two_segments()
    {
        Assert.Equal(new SmsMeasure(SmsEncoding.Ucs2, 71, 2, 71), SmsSegments.Measure(new string('न', 71)));
    }

    [Theory]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void A_split_UCS2_text_holds_67_units_per_part(int length, int segments)
    {
        Assert.Equal(segments, SmsSegments.Measure(new string('न', length)).Segments);
    }

    [Fact]
    public void A_surrogate_pair_is_not_split_across_parts()
    {
        // 134 units would fit two parts of 67, but the emoji at units 67-68 moves whole into part two.
        var text = new string('a', 66) + Emoji + new string('a', 66);

        var measure = SmsSegments.Measure(text);

        Assert.Equal(new SmsMeasure(SmsEncoding.Ucs2, 134, 3, 134), measure);
    }

    [Fact]
    public void An_emoji_counts_as_two_characters()
    {
        Assert.Equal(new SmsMeasure(SmsEncoding.Ucs2, 2, 1, 2), SmsSegments.Measure(Emoji));
    }

    [Theory]
    [InlineData("मलाई मद्दत चाहिन्छ")]
    [InlineData("أحتاج إلى مساعدة")]
    public void Nepali_and_Arabic_texts_are_UCS2(string text)
    {
        var measure = SmsSegments.Measure(text);

        Assert.Equal(SmsEncoding.Ucs2, measure.Encoding);
        Assert.Equal(text.Length, measure.Characters);
        Assert.Equal(1, measure.Segments);
    }

    [Fact]
    public void A_1600_character_text_is_not_too_long()
    {
        var text = new string('a', SmsSegments.MaxCharacters);

        Assert.False(SmsSegments.IsTooLong(text));
        Assert.Equal(new SmsMeasure(SmsEncoding.Gsm7, 1600, 11, 1600), SmsSegments.Measure(text));
    }

    [Fact]
    public void A_1601_character_text_is_too_long()
    {
        Assert.True(SmsSegments.IsTooLong(new string('a', 1601)));
    }

    [Fact]
    public void The_limit_counts_UTF16_units_so_800_emoji_reach_it()
    {
        var text = string.Concat(Enumerable.Repeat(Emoji, 800));

        Assert.False(SmsSegments.IsTooLong(text));
        Assert.True(SmsSegments.IsTooLong(text + "a"));
    }
}
