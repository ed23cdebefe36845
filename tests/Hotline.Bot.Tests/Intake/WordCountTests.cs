namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// How many words a message has, as the "more than three words" rule counts them (<see cref="WordsInMessage.CountWords"/>): a
/// message of more than three written while it is not safe to answer, or after STOP, opens a case out of sight, and a shorter
/// one is a check-in. Words are split at spaces and punctuation, except at an apostrophe inside a word, however the phone typed
/// it: "hi it's me" was four words (hi, it, s, me) and opened a case after the discreet word.
/// </summary>
public sealed class WordCountTests
{
    [Theory]
    [InlineData("hi it's me", 3)]
    [InlineData("hi it’s me", 3)]
    [InlineData("hi it‘s me", 3)]
    [InlineData("hi it＇s me", 3)]
    [InlineData("I'm here, don't worry", 4)]
    [InlineData("can’t talk now", 3)]
    [InlineData("nataka ng'ombe", 2)]
    [InlineData("Jum'at ini", 2)]
    [InlineData("the 90's", 2)]
    public void A_word_with_an_apostrophe_inside_it_is_one_word(string message, int words)
    {
        Assert.Equal(words, WordsInMessage.CountWords(message));
    }

    /// <summary>Outside a word an apostrophe is punctuation: a quote, or nothing between two letters.</summary>
    [Theory]
    [InlineData("he said 'no'", 3)]
    [InlineData("he said ’no’", 3)]
    [InlineData("workers' rights", 2)]
    [InlineData("it ' s", 2)]
    [InlineData("5'6 tall", 3)]
    [InlineData("'", 0)]
    public void An_apostrophe_outside_a_word_splits_as_punctuation_does(string message, int words)
    {
        Assert.Equal(words, WordsInMessage.CountWords(message));
    }

    /// <summary>
    /// What was counted before the apostrophe was, and is still: a number is a word, split at its punctuation; an emoji is a
    /// word; punctuation alone is none; a script written without spaces is one word a run (none of the intake's languages is).
    /// </summary>
    [Theory]
    [InlineData("", 0)]
    [InlineData("?!...", 0)]
    [InlineData("- - -", 0)]
    [InlineData("are you there?", 3)]
    [InlineData("tidak apa-apa", 3)]
    [InlineData("hello,are you there", 4)]
    [InlineData("1", 1)]
    [InlineData("12:30 today", 3)]
    [InlineData("1,000 dirham", 3)]
    [InlineData("+971 50 123 4567", 4)]
    [InlineData("👍", 1)]
    [InlineData("hi 🙏 🙏 🙏", 4)]
    [InlineData("hi 🙏🙏🙏", 2)]
    [InlineData("❤️", 1)]
    [InlineData("\u200B", 0)]
    [InlineData("ማን ነህ፡ እርዱኝ", 3)]
    [InlineData("他拿走了我的护照", 1)]
    public void Numbers_emoji_punctuation_and_scripts_are_counted_as_before(string message, int words)
    {
        Assert.Equal(words, WordsInMessage.CountWords(message));
    }

    private static readonly Gen<string> Letters = Gen.Frequency(
        (4, Gen.Char['a', 'z']),
        (1, Gen.Char['\u0905', '\u0939']),
        (1, Gen.Char['\u0627', '\u064A'].Where(c => char.IsLetter(c) && c != '\u0640')),
        (1, Gen.Char['\u1200', '\u1248'].Where(c => char.IsLetter(c))))
        .Array[1, 6].Select(chars => new string(chars));

    private static readonly Gen<string> Apostrophe = Gen.OneOf("'", "\u2019", "\u2018", "\uFF07");

    /// <summary>A word, or two pieces joined by an apostrophe ("it's", "ng’ombe").</summary>
    private static readonly Gen<string> Word = Gen.Frequency(
        (2, Letters),
        (1, Gen.Select(Letters, Apostrophe, Letters).Select((head, apostrophe, tail) => head + apostrophe + tail)));

    private static readonly Gen<string> Between = Gen.OneOf(" ", ", ", "  ", ". ", "? ", "\n", " - ");

    /// <summary>
    /// Any words, joined by apostrophes or not, with any spaces and punctuation between them, count as many as were written.
    /// </summary>
    [Fact]
    public void Any_words_with_or_without_an_apostrophe_inside_count_as_many_as_were_written()
    {
        Gen.Select(Word.Array[1, 12], Between.Array[12]).Sample(
            (words, between) =>
            {
                var message = string.Concat(words.Select((word, i) => word + between[i]));
                Assert.Equal(words.Length, WordsInMessage.CountWords(message));
            },
            print: sample => string.Concat(sample.Item1.Select((word, i) => word + sample.Item2[i])));
    }

    /// <summary>The count never exceeds the pieces the word lists are matched against, and one apostrophe reads as another.</summary>
    [Fact]
    public void The_count_is_at_most_the_pieces_matched_and_the_same_whichever_apostrophe_is_typed()
    {
        Gen.String[0, 60].Sample(
            text =>
            {
                var count = WordsInMessage.CountWords(text);
                Assert.InRange(count, 0, TextNormalizer.Words(text, 400, 1_600).Count);
                Assert.Equal(count, WordsInMessage.CountWords(text.Replace('\'', '\u2019')));
            },
            print: text => $"\"{text}\"");
    }
}
