namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// Every language's urgent words and phrases, found anywhere in a message as whole words, folded like the global
/// words (<see cref="TextNormalizer"/>) and with drawn-out letters cut ("beatttt" is "beat"). All languages count
/// whatever the person's language: a worker who chose English may still write "maarta hai", and a false alarm only
/// costs a caseworker a look.
/// </summary>
internal sealed class UrgentWords
{
    /// <summary>A whole SMS is read: danger may be written after a long story.</summary>
    private const int MaxLength = 1_600;

    private const int MaxWords = 400;

    private static readonly System.Buffers.SearchValues<char> NotLetters = System.Buffers.SearchValues.Create(" 0123456789.,!?-+*#()\t\r\n");

    private readonly Dictionary<string, List<Phrase>> _byFirstWord = new(StringComparer.Ordinal);

    public UrgentWords(IntakeScript script)
    {
        foreach (var language in script.Languages)
        {
            foreach (var word in language.Words.Urgent)
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

    /// <summary>The first urgent word or phrase in the message, as the script writes it, with its language; null when none.</summary>
    public UrgentWordMatch? Find(string? text)
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
                if (phrase.Words.Length <= words.Length - i && phrase.Words.AsSpan().SequenceEqual(words.AsSpan(i, phrase.Words.Length)))
                {
                    return new UrgentWordMatch(phrase.Word, phrase.Language);
                }
            }
        }

        return null;
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

internal sealed record UrgentWordMatch(string Word, string Language);
