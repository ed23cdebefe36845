namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// One of every language's word lists that is found anywhere in a message as whole words (the urgent words, the not-safe
/// phrases, and the distress words in a message that says it is not safe), folded like the global words
/// (<see cref="TextNormalizer"/>) and with drawn-out letters cut ("beatttt" is "beat"). All languages count whatever the
/// person's language: a worker who chose English may still write "maarta hai" or "safe nahi", and each list errs on the side
/// that costs a look or one short text, never a message to a phone that should not get it.
/// </summary>
internal sealed class WordsInMessage
{
    /// <summary>A whole SMS is read: danger may be written after a long story.</summary>
    private const int MaxLength = 1_600;

    private const int MaxWords = 400;

    private static readonly System.Buffers.SearchValues<char> NotLetters = System.Buffers.SearchValues.Create(" 0123456789.,!?-+*#()\t\r\n");

    private readonly Dictionary<string, List<Phrase>> _byFirstWord = new(StringComparer.Ordinal);

    public WordsInMessage(IntakeScript script, Func<LanguageWords, IReadOnlyList<string>> list)
    {
        foreach (var language in script.Languages)
        {
            foreach (var word in list(language.Words))
            {
                var words = Fold(word);
                if (words.Length == 0)
                {
                    continue;
                }

                if (!_byFirstWord.TryGetValue(words[0], out var phrases))
                {
                    _byFirstWord[words[0]] = phrases = [];
                }

                phrases.Add(new Phrase(words, word, language.Tag));
            }
        }
    }

    /// <summary>
    /// The first word or phrase of the list in the message, as the script writes it, with every language whose list holds it,
    /// leaving out those <paramref name="except"/> says do not count here; null when none. Its language is
    /// <paramref name="language"/> when that is one of them, the first in the script's order if not.
    /// </summary>
    public WordMatch? Find(string? text, Func<WordMatch, bool>? except = null, string? language = null)
    {
        // Most turns are an answer such as "1" or "2": no letter, no word to look for, nothing to split.
        if (string.IsNullOrWhiteSpace(text) || !text.AsSpan(0, Math.Min(text.Length, MaxLength)).ContainsAnyExcept(NotLetters))
        {
            return null;
        }

        var words = Fold(text);
        for (var i = 0; i < words.Length; i++)
        {
            if (!_byFirstWord.TryGetValue(words[i], out var phrases))
            {
                continue;
            }

            foreach (var phrase in phrases)
            {
                if (phrase.Words.Length <= words.Length - i && phrase.Words.AsSpan().SequenceEqual(words.AsSpan(i, phrase.Words.Length))
                    && Match(phrases, phrase, language) is var match && except?.Invoke(match) != true)
                {
                    return match;
                }
            }
        }

        return null;
    }

    /// <summary>How many words the message has, as it is read here (folded, up to the length read).</summary>
    public static int CountWords(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : Fold(text).Length;

    /// <summary>"polisi" is Indonesian and Swahili, "पुलिस" Hindi and Nepali: the match names every language whose list holds it.</summary>
    private static WordMatch Match(List<Phrase> phrases, Phrase found, string? language)
    {
        var same = phrases.Where(p => p.Words.AsSpan().SequenceEqual(found.Words)).ToList();
        var chosen = same.Find(p => p.Language == language) ?? found;
        return new WordMatch(chosen.Word, chosen.Language, [.. same.Select(p => p.Language).Distinct()]);
    }

    private static string[] Fold(string text)
    {
        var words = TextNormalizer.Words(text, MaxWords, MaxLength);
        var folded = new string[words.Count];
        for (var i = 0; i < folded.Length; i++)
        {
            folded[i] = TextNormalizer.WithoutRepeats(words[i], 1);
        }

        return folded;
    }

    private sealed record Phrase(string[] Words, string Word, string Language);
}

/// <summary>A word or phrase found: the script's spelling in <paramref name="Language"/>'s list, and every language whose list holds it.</summary>
internal sealed record WordMatch(string Word, string Language, IReadOnlyList<string> Languages);
