namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// Reads a yes/no answer from the whole message, not from its first word. A yes or a no is: the digit 1 or 2;
/// the message as a whole being a yes or no word or phrase of the language (letters drawn out are folded: "haaan",
/// "nooo"); or a message that starts with one, has no unsure phrase anywhere ("tidak apa-apa", "nahi pata",
/// "no problem") and, when short, no word of the other answer ("yes no"). Anything else is unclear, and the
/// engine asks again rather than guessing.
/// </summary>
internal sealed class AnswerReader
{
    /// <summary>A long answer's later words are its story ("yes, no day off for months"), not a second answer.</summary>
    internal const int ShortAnswerWords = 3;
    private const int MaxWords = 40;

    private readonly Dictionary<string, Dictionary<string, string>> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string[]>> _unsure = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _longestPhrase = new(StringComparer.Ordinal);

    public AnswerReader(IntakeScript script)
    {
        var baseLanguage = script.FindLanguage(script.BaseLanguage)!;
        foreach (var language in script.Languages)
        {
            var own = new Dictionary<string, string>(StringComparer.Ordinal);
            AddAnswers(own, baseLanguage.Words);
            AddAnswers(own, language.Words);
            var taken = new HashSet<string>(own.Keys.Concat(Lexicon.Entries(language.Words).Concat(Lexicon.Entries(baseLanguage.Words)).Select(e => e.Word)), StringComparer.Ordinal);
            foreach (var (word, code) in BorrowedAnswers(script, language).Where(b => !taken.Contains(b.Word)))
            {
                own[word] = code;
            }

            _answers[language.Tag] = own;
            _longestPhrase[language.Tag] = own.Keys.Max(w => w.Count(c => c == ' ') + 1);
            _unsure[language.Tag] = baseLanguage.Words.Unsure.Concat(language.Tag == baseLanguage.Tag ? [] : language.Words.Unsure)
                .Select(p => TextNormalizer.Words(p, MaxWords).ToArray())
                .Where(p => p.Length > 0)
                .ToList();
        }
    }

    /// <summary><see cref="AnswerCodes.Yes"/>, <see cref="AnswerCodes.No"/>, or null when the message is not clearly either.</summary>
    public string? Read(string? keyword, string text, string language) => ReadWithStory(keyword, text, language).Code;

    /// <summary>
    /// The answer, as <see cref="Read"/> gives it, and how many words the message has besides it: its story ("no, he is here, he
    /// hits me every day" is a "no" and seven words more), none when the message is the answer as a whole.
    /// </summary>
    public (string? Code, int WordsBeside) ReadWithStory(string? keyword, string text, string language)
    {
        var answers = _answers[language];
        var whole = Number(keyword) ?? Lookup(answers, keyword);
        var words = TextNormalizer.Words(text, MaxWords);
        if (_unsure[language].Any(phrase => Contains(words, phrase)))
        {
            return (null, words.Count);
        }

        if (whole is not null || words.Count < 2)
        {
            return (whole, whole is null ? words.Count : 0);
        }

        var (first, length) = Leading(answers, words, _longestPhrase[language]);
        if (first is null)
        {
            return (null, words.Count);
        }

        var contradicted = words.Count <= ShortAnswerWords
            && words.Skip(length).Any(w => (Number(w) ?? Lookup(answers, w)) is { } other && other != first);
        return contradicted ? (null, words.Count) : (first, words.Count - length);
    }

    private static (string? Code, int Length) Leading(Dictionary<string, string> answers, List<string> words, int longest)
    {
        for (var length = Math.Min(longest, words.Count); length >= 1; length--)
        {
            var phrase = string.Join(' ', words.Take(length));
            if (((length == 1 ? Number(phrase) : null) ?? Lookup(answers, phrase)) is { } code)
            {
                return (code, length);
            }
        }

        return (null, 0);
    }

    private static string? Number(string? keyword) => TextNormalizer.Number(keyword) switch
    {
        1 => AnswerCodes.Yes,
        2 => AnswerCodes.No,
        _ => null,
    };

    private static string? Lookup(Dictionary<string, string> answers, string? keyword)
    {
        if (string.IsNullOrEmpty(keyword))
        {
            return null;
        }

        return answers.GetValueOrDefault(keyword)
            ?? answers.GetValueOrDefault(TextNormalizer.WithoutRepeats(keyword, 2))
            ?? answers.GetValueOrDefault(TextNormalizer.WithoutRepeats(keyword, 1));
    }

    private static bool Contains(List<string> words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Count; start++)
        {
            var all = true;
            for (var i = 0; i < phrase.Length && all; i++)
            {
                all = words[start + i] == phrase[i];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static void AddAnswers(Dictionary<string, string> answers, LanguageWords words)
    {
        foreach (var word in Lexicon.Fold(words.Yes))
        {
            answers[word] = AnswerCodes.Yes;
        }

        foreach (var word in Lexicon.Fold(words.No))
        {
            answers[word] = AnswerCodes.No;
        }
    }

    /// <summary>The yes and no words of the languages this one also understands, less those they disagree on.</summary>
    private static IEnumerable<(string Word, string Code)> BorrowedAnswers(IntakeScript script, ScriptLanguage language)
    {
        var borrowed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var other in language.AnswersAlsoIn.Select(script.FindLanguage).OfType<ScriptLanguage>())
        {
            var answers = new Dictionary<string, string>(StringComparer.Ordinal);
            AddAnswers(answers, other.Words);
            foreach (var (word, code) in answers)
            {
                borrowed[word] = borrowed.TryGetValue(word, out var earlier) && earlier != code ? null : code;
            }
        }

        return borrowed.Where(b => b.Value is not null).Select(b => (b.Key, b.Value!));
    }
}
