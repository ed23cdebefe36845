namespace Hotline.Bot.Intake.Engine;

internal enum WordClass : byte
{
    None,
    Yes,
    No,
    Stop,
    Start,
    Help,
    Person,
    Language,
    Distress,
}

/// <summary>
/// Every word list of a script, folded by <see cref="TextNormalizer"/> and indexed once. In a known language
/// the person's own words and the base language's work; before a language is known, the words of every language
/// work for the global actions (stop, start, help, person, language, distress) unless two languages disagree on one.
/// </summary>
internal sealed class Lexicon
{
    private readonly Dictionary<string, Dictionary<string, WordClass>> _byLanguage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WordClass> _anyLanguage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _languageHints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _byWritingSystem = new(StringComparer.Ordinal);

    public Lexicon(IntakeScript script)
    {
        var baseWords = script.FindLanguage(script.BaseLanguage)!.Words;
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in script.Languages)
        {
            var own = new Dictionary<string, WordClass>(StringComparer.Ordinal);
            foreach (var (word, wordClass) in Entries(baseWords).Concat(Entries(language.Words)))
            {
                own[word] = wordClass;
            }

            _byLanguage[language.Tag] = own;
            foreach (var (word, wordClass) in Entries(language.Words).Where(e => e.Class is not (WordClass.Yes or WordClass.No)))
            {
                if (_anyLanguage.TryGetValue(word, out var earlier) && earlier != wordClass)
                {
                    ambiguous.Add(word);
                }

                _anyLanguage[word] = wordClass;
            }

            var hints = language.Words.Greeting.Concat(language.Words.Help).Concat(language.Words.Distress).Concat(language.Words.Name);
            foreach (var hint in Fold(hints.Append(language.Name)))
            {
                _languageHints[hint] = _languageHints.TryGetValue(hint, out var other) && other != language.Tag ? null : language.Tag;
            }

            _byWritingSystem[language.Script] = _byWritingSystem.ContainsKey(language.Script) ? null : language.Tag;
        }

        foreach (var word in ambiguous)
        {
            _anyLanguage.Remove(word);
        }
    }

    /// <summary>What a folded message means in a language, or in any language when none is known yet.</summary>
    public WordClass Classify(string? keyword, string? language)
    {
        if (string.IsNullOrEmpty(keyword))
        {
            return WordClass.None;
        }

        var words = language is not null && _byLanguage.TryGetValue(language, out var own) ? own : _anyLanguage;
        return words.TryGetValue(keyword, out var wordClass) ? wordClass : WordClass.None;
    }

    /// <summary>
    /// Whether a folded message is a cry for help in the language (or any language when none is known yet),
    /// also with its letters drawn out ("bachaooo", "tolonggg"): the safe direction to be generous in.
    /// </summary>
    public bool IsDistress(string? keyword, string? language)
    {
        if (string.IsNullOrEmpty(keyword))
        {
            return false;
        }

        // Another language's cry for help counts too, unless the word means something else in the person's own.
        foreach (var form in (ReadOnlySpan<string>)[keyword, TextNormalizer.WithoutRepeats(keyword, 2), TextNormalizer.WithoutRepeats(keyword, 1)])
        {
            var own = Classify(form, language);
            if (own == WordClass.Distress || (own == WordClass.None && language is not null && Classify(form, null) == WordClass.Distress))
            {
                return true;
            }

            if (own != WordClass.None)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The language a greeting, a distress word, a help word, a language's name or a letter of a script unique to one language
    /// points to; null when it points to none, or to several (such as "namaste", Hindi and Nepali).
    /// </summary>
    public string? RecogniseLanguage(string? keyword, string? firstWord, string rawText)
    {
        foreach (var candidate in (ReadOnlySpan<string?>)[keyword, firstWord])
        {
            if (candidate is not null && _languageHints.TryGetValue(candidate, out var tag))
            {
                return tag;
            }
        }

        var writingSystem = WritingSystems.OfFirstLetter(rawText.AsSpan(0, Math.Min(rawText.Length, 200)));
        return writingSystem is not null && _byWritingSystem.TryGetValue(writingSystem, out var byScript) ? byScript : null;
    }

    /// <summary>The folded words of a language with their class; greetings and names are not here (they only pick a language).</summary>
    public static IEnumerable<(string Word, WordClass Class)> Entries(LanguageWords words)
    {
        foreach (var (list, wordClass) in Classes(words))
        {
            foreach (var word in Fold(list))
            {
                yield return (word, wordClass);
            }
        }
    }

    public static IEnumerable<(IReadOnlyList<string> Words, WordClass Class)> Classes(LanguageWords words) =>
    [
        (words.Yes, WordClass.Yes), (words.No, WordClass.No), (words.Stop, WordClass.Stop), (words.Start, WordClass.Start),
        (words.Help, WordClass.Help), (words.Person, WordClass.Person), (words.Language, WordClass.Language),
        (words.Distress, WordClass.Distress),
    ];

    internal static IEnumerable<string> Fold(IEnumerable<string> words) =>
        words.Select(TextNormalizer.Keyword).OfType<string>().Where(w => w.Length > 0);
}
