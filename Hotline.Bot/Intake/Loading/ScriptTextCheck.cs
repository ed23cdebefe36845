using Hotline.Bot.Channels.Sms;
using Hotline.Bot.Intake.Engine;

namespace Hotline.Bot.Intake.Loading;

/// <summary>
/// The texts and words of a script: every language has every text, each with the base language's placeholders,
/// each fitting two SMS segments with its placeholders at their widest; every language has every kind of word,
/// and no word means two things to someone writing in that language.
/// </summary>
internal static class ScriptTextCheck
{
    public const int MaxSegments = 2;

    /// <summary>language, then text id, then text; the base language's texts come from the steps and messages.</summary>
    public static Dictionary<string, Dictionary<string, string>> CollectTexts(
        ScriptDocument document, IReadOnlyList<ScriptStep> steps, IReadOnlyList<ScriptLanguage> languages, string baseLanguage, List<ScriptProblem> problems)
    {
        var baseTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in (document.Steps ?? []).OfType<StepDocument>())
        {
            if (entry.Id is not null && !string.IsNullOrWhiteSpace(entry.Text) && steps.Any(s => s.Id == entry.Id && s.HasText))
            {
                baseTexts[entry.Id] = entry.Text;
            }
        }

        var messages = document.Messages ?? [];
        foreach (var id in MessageIds.Required.Where(id => !messages.ContainsKey(id)))
        {
            problems.Add(new ScriptProblem(id, baseLanguage, "the script has no such message"));
        }

        foreach (var (id, text) in messages)
        {
            if (!IntakeScriptReader.IsCode(id) || steps.Any(s => s.Id == id) || string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new ScriptProblem(id, baseLanguage, "a message needs a snake_case id no step uses, and a text"));
                continue;
            }

            baseTexts[id] = text;
        }

        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal) { [baseLanguage] = baseTexts };
        var localization = document.Localization ?? [];
        foreach (var tag in localization.Keys.Where(t => t == baseLanguage || languages.All(l => l.Tag != t)))
        {
            problems.Add(new ScriptProblem(null, tag, "translations for a language that is not a non-base language of the script"));
        }

        foreach (var language in languages.Where(l => l.Tag != baseLanguage))
        {
            var translated = localization.GetValueOrDefault(language.Tag) ?? [];
            foreach (var id in baseTexts.Keys.Where(id => string.IsNullOrWhiteSpace(translated.GetValueOrDefault(id))))
            {
                problems.Add(new ScriptProblem(id, language.Tag, "has no translation"));
            }

            foreach (var id in translated.Keys.Where(id => !baseTexts.ContainsKey(id)))
            {
                problems.Add(new ScriptProblem(id, language.Tag, "translates a text that is neither a step's nor a message"));
            }

            texts[language.Tag] = translated.Where(t => baseTexts.ContainsKey(t.Key) && !string.IsNullOrWhiteSpace(t.Value))
                .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        }

        return texts;
    }

    public static void Run(
        Dictionary<string, Dictionary<string, string>> texts, IReadOnlyList<ScriptLanguage> languages, IReadOnlyList<ScriptStep> steps, string baseLanguage, List<ScriptProblem> problems)
    {
        var baseTexts = texts[baseLanguage];
        foreach (var (id, text) in baseTexts)
        {
            foreach (var unknown in Placeholders.Find(text).Where(p => !Placeholders.Known.Contains(p)))
            {
                problems.Add(new ScriptProblem(id, baseLanguage, $"{unknown} is not a placeholder; known: {string.Join(", ", Placeholders.Known)}"));
            }
        }

        var scripts = languages.ToDictionary(l => l.Tag, l => l.Script, StringComparer.Ordinal);
        foreach (var (language, byId) in texts)
        {
            foreach (var (id, text) in byId)
            {
                var expected = Placeholders.Find(baseTexts[id]);
                var found = Placeholders.Find(text);
                if (language != baseLanguage && !found.SequenceEqual(expected))
                {
                    problems.Add(new ScriptProblem(id, language, PlaceholderMismatch(expected, found)));
                }

                if (scripts.GetValueOrDefault(language) is { } script && WritingSystems.Mismatch(text, script) is { } mismatch)
                {
                    problems.Add(new ScriptProblem(id, language, mismatch));
                }

                // The widest of a text's forms: one problem for the text, not one for each weekday and month.
                var widest = Placeholders.FillWidest(text, language)
                    .Select(filled => (Text: filled, Measure: SmsSegments.Measure(filled)))
                    .MaxBy(f => (f.Measure.Segments, f.Measure.SeptetsOrUnits)).Text;
                CheckLength(id, language, widest, problems);
            }
        }

        if (steps.FirstOrDefault(s => s.Kind == StepKind.Language) is { } menuStep && languages.Count > 0)
        {
            CheckLength(menuStep.Id, null, IntakeScript.BuildLanguageMenu(languages), problems);
        }
    }

    public static void CheckWords(IReadOnlyList<ScriptLanguage> languages, string baseLanguage, List<ScriptProblem> problems)
    {
        var baseWords = languages.FirstOrDefault(l => l.Tag == baseLanguage)?.Words;
        foreach (var language in languages)
        {
            var words = language.Words;
            var lists = Lexicon.Classes(words).Select(c => (c.Words, Name: c.Class.ToString().ToLowerInvariant())).Append((Words: words.Name, Name: "name"));
            foreach (var list in lists.Where(l => l.Words.Count == 0))
            {
                problems.Add(new ScriptProblem(null, language.Tag, $"has no '{list.Name}' words"));
            }

            foreach (var (list, name) in new[] { (words.Urgent, "urgent"), (words.NotSafe, "not_safe") }.Where(l => l.Item1.Count == 0))
            {
                problems.Add(new ScriptProblem(null, language.Tag, $"has no '{name}' words"));
            }

            var all = words.Yes.Concat(words.No).Concat(words.Stop).Concat(words.Start).Concat(words.Help).Concat(words.Distress)
                .Concat(words.Unsure).Concat(words.Urgent).Concat(words.NotSafe).Concat(words.Person).Concat(words.Language).Concat(words.Greeting).Concat(words.Name);
            foreach (var word in all.Where(w => string.IsNullOrEmpty(TextNormalizer.Keyword(w))))
            {
                problems.Add(new ScriptProblem(null, language.Tag, $"the word '{word}' is empty or longer than {TextNormalizer.MaxKeywordLength} characters"));
            }

            var seen = new Dictionary<string, WordClass>(StringComparer.Ordinal);
            var entries = (baseWords is null || language.Tag == baseLanguage ? [] : Lexicon.Entries(baseWords)).Concat(Lexicon.Entries(words));
            foreach (var (word, wordClass) in entries)
            {
                if (seen.TryGetValue(word, out var other) && other != wordClass)
                {
                    problems.Add(new ScriptProblem(null, language.Tag,
                        $"the word '{word}' means both {other} and {wordClass} (the base language's words count in every language)"));
                }

                seen[word] = wordClass;
            }

            // An unsure phrase that is itself an answer or a command would make that word mean nothing.
            foreach (var phrase in Lexicon.Fold(words.Unsure).Where(seen.ContainsKey))
            {
                problems.Add(new ScriptProblem(null, language.Tag, $"the unsure phrase '{phrase}' is also a {seen[phrase].ToString().ToLowerInvariant()} word"));
            }

            CheckWordsInMessage(language, language.Words.Urgent, "urgent word", seen, problems, WordClass.Distress);
            CheckWordsInMessage(language, language.Words.NotSafe, "not-safe phrase", seen, problems, null);
        }
    }

    /// <summary>
    /// Words found anywhere in a message (urgent words, not-safe phrases) are reviewed like the rest: written in the language's
    /// script or romanised, no placeholders, and never an answer or a command (a "yes" that made every case Critical, or a
    /// "no" that made the conversation quiet, would mean nothing); only <paramref name="alsoAllowed"/> may share a word.
    /// </summary>
    private static void CheckWordsInMessage(
        ScriptLanguage language, IReadOnlyList<string> list, string kind, Dictionary<string, WordClass> seen, List<ScriptProblem> problems, WordClass? alsoAllowed)
    {
        // A null word is already reported as empty by CheckWords.
        foreach (var word in list.Where(w => w is not null))
        {
            if (word.Contains('{') || word.Contains('}'))
            {
                problems.Add(new ScriptProblem(null, language.Tag, $"the {kind} '{word}' has a placeholder; words are matched, never filled"));
            }

            if (word.Where(char.IsLetter).Any(c => WritingSystems.OfFirstLetter([c]) is not { } system || (system != "Latn" && system != language.Script)))
            {
                problems.Add(new ScriptProblem(null, language.Tag,
                    $"the {kind} '{word}' is not written in the {WritingSystems.NameOf(language.Script)} script or romanised"));
            }

            if (TextNormalizer.Keyword(word) is { Length: > 0 } folded && seen.TryGetValue(folded, out var other) && other != alsoAllowed)
            {
                problems.Add(new ScriptProblem(null, language.Tag, $"the {kind} '{word}' is also a {other.ToString().ToLowerInvariant()} word"));
            }
        }
    }

    /// <summary>Read by a translator: which bracketed words to keep exactly as written, and which to take out.</summary>
    private static string PlaceholderMismatch(IReadOnlyList<string> expected, IReadOnlyList<string> found)
    {
        var missing = expected.Except(found, StringComparer.Ordinal).ToList();
        var extra = found.Except(expected, StringComparer.Ordinal).ToList();
        return string.Join("; ", new[]
        {
            missing.Count == 0 ? null : $"must keep {string.Join(" and ", missing)} exactly as written, brackets included (the hotline fills it in when it sends the text)",
            extra.Count == 0 ? null : $"has {string.Join(" and ", extra)}, which the original text does not: take {(extra.Count == 1 ? "it" : "them")} out",
        }.OfType<string>());
    }

    private static void CheckLength(string id, string? language, string text, List<ScriptProblem> problems)
    {
        var measure = SmsSegments.Measure(text);
        if (measure.Segments > MaxSegments)
        {
            problems.Add(new ScriptProblem(id, language,
                $"is too long: {measure.Segments} SMS segments ({measure.SeptetsOrUnits} {(measure.Encoding == SmsEncoding.Gsm7 ? "GSM-7 septets" : "UCS-2 units")}) where at most {MaxSegments} are allowed; shorten it"));
        }
    }
}
