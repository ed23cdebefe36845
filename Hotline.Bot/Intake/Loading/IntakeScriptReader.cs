using System.Text.Json.Serialization.Metadata;

namespace Hotline.Bot.Intake.Loading;

/// <summary>
/// Turns a script file into an <see cref="IntakeScript"/>, or refuses it whole. Reading collects every problem
/// before throwing, so nothing half-loads and one run of the loader lists everything to fix.
/// </summary>
internal static partial class IntakeScriptReader
{
    private static readonly JsonSerializerOptions Options = new(ScriptJsonContext.Default.Options)
    {
        // Two entries for one language or step would silently keep the last; refuse instead.
        AllowDuplicateProperties = false,
    };

    private static readonly JsonTypeInfo<ScriptDocument> DocumentType = (JsonTypeInfo<ScriptDocument>)Options.GetTypeInfo(typeof(ScriptDocument));

    public static IntakeScript Read(Stream utf8Json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var document = Parse(utf8Json, fileName);
        var problems = new List<ScriptProblem>();
        var baseLanguage = document.BaseLanguage ?? "";
        if (document.Id is null or "" || document.Version < 1)
        {
            problems.Add(new ScriptProblem(null, null, "the script needs an id and a version of 1 or more"));
        }

        var languages = ReadLanguages(document, baseLanguage, problems);
        var steps = ReadSteps(document, baseLanguage, problems);
        ScriptGraphCheck.Run(steps, document.ResumeStep, baseLanguage, problems);
        var texts = ScriptTextCheck.CollectTexts(document, steps, languages, baseLanguage, problems);
        ScriptTextCheck.Run(texts, languages, steps, baseLanguage, problems);
        ScriptTextCheck.CheckWords(languages, baseLanguage, problems);
        if (problems.Count > 0)
        {
            throw new ScriptValidationException(fileName, problems);
        }

        return new IntakeScript(document.Id!, document.Version, fileName, baseLanguage, document.ResumeStep!, languages, steps, texts);
    }

    internal static bool IsCode(string? value) => value is not null && SnakeCase().IsMatch(value);

    private static ScriptDocument Parse(Stream utf8Json, string fileName)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, DocumentType)
                ?? throw new ScriptValidationException(fileName, [new ScriptProblem(null, null, "the file holds no script")]);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new ScriptValidationException(fileName, [new ScriptProblem(null, null, $"not a valid script{where}: {ex.Message}")]);
        }
    }

    private static List<ScriptLanguage> ReadLanguages(ScriptDocument document, string baseLanguage, List<ScriptProblem> problems)
    {
        var languages = new List<ScriptLanguage>();
        foreach (var entry in document.Languages ?? [])
        {
            if (entry is null)
            {
                problems.Add(new ScriptProblem(null, null, "a language entry is null"));
                continue;
            }

            var tag = entry.Tag ?? "";
            if (!LanguageTag().IsMatch(tag) || languages.Any(l => l.Tag == tag))
            {
                problems.Add(new ScriptProblem(null, tag, "a language needs a unique tag of 2 or 3 lower-case letters"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(entry.Name) || string.IsNullOrWhiteSpace(entry.EnglishName))
            {
                problems.Add(new ScriptProblem(null, tag, "a language needs its name in its own script and in English"));
            }

            if (!WritingSystems.Known.Contains(entry.Script))
            {
                problems.Add(new ScriptProblem(null, tag, $"script '{entry.Script}' is not one of {string.Join(", ", WritingSystems.Known)}"));
            }

            if (entry.Reviewed is null)
            {
                problems.Add(new ScriptProblem(null, tag, "say whether a native speaker reviewed it: \"reviewed\": true or false"));
            }

            var words = entry.Words ?? new WordsDocument();
            languages.Add(new ScriptLanguage(
                tag,
                entry.Name ?? "",
                entry.EnglishName ?? "",
                entry.Script ?? "",
                entry.Reviewed ?? false,
                new LanguageWords(
                    words.Yes ?? [], words.No ?? [], words.Stop ?? [], words.Start ?? [], words.Help ?? [],
                    words.Person ?? [], words.Language ?? [], words.Greeting ?? [], words.Name ?? [])
                {
                    Distress = words.Distress ?? [],
                    Unsure = words.Unsure ?? [],
                    Urgent = words.Urgent ?? [],
                    NotSafe = words.NotSafe ?? [],
                })
            {
                AnswersAlsoIn = entry.AnswersAlsoIn ?? [],
            });
        }

        if (!languages.Any(l => l.Tag == baseLanguage))
        {
            problems.Add(new ScriptProblem(null, baseLanguage, "the base language is not among the languages"));
        }

        foreach (var language in languages)
        {
            foreach (var other in language.AnswersAlsoIn.Where(t => t == language.Tag || languages.All(l => l.Tag != t)))
            {
                problems.Add(new ScriptProblem(null, language.Tag, $"answers_also_in names '{other}', which is not another language of the script"));
            }
        }

        return languages;
    }

    private static List<ScriptStep> ReadSteps(ScriptDocument document, string baseLanguage, List<ScriptProblem> problems)
    {
        var steps = new List<ScriptStep>();
        foreach (var entry in document.Steps ?? [])
        {
            if (entry is null)
            {
                problems.Add(new ScriptProblem(null, baseLanguage, "a step entry is null"));
                continue;
            }

            var id = entry.Id ?? "";
            if (!IsCode(id) || steps.Any(s => s.Id == id))
            {
                problems.Add(new ScriptProblem(id, baseLanguage, "a step needs a unique snake_case id"));
                continue;
            }

            StepKind? kind = entry.Type switch
            {
                "language" => StepKind.Language,
                "yes_no" => StepKind.YesNo,
                "text" => StepKind.Text,
                "handoff" => StepKind.Handoff,
                "quiet" => StepKind.Quiet,
                _ => null,
            };
            if (kind is null)
            {
                problems.Add(new ScriptProblem(id, baseLanguage, $"type '{entry.Type}' is not language, yes_no, text, handoff or quiet"));
                continue;
            }

            var step = new ScriptStep(id, kind.Value, entry.Next, entry.OnYes, entry.OnNo, entry.OnUnknown, entry.Record, entry.Consent, entry.Reason);
            ScriptGraphCheck.CheckShape(step, entry.Text, baseLanguage, problems);
            steps.Add(step);
        }

        return steps;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageTag();
}
