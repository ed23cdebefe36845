using System.Resources;
using Hotline.Bot.Intake.Loading;

namespace Hotline.Bot.Intake.Scripts;

/// <summary>
/// A loaded, validated intake script: steps, languages and every text in every language (RapidPro's
/// localisation model: the base language's text sits in the step, the others in localization[language][id]).
/// Immutable and safe to share between threads; an instance only exists if every check passed.
/// </summary>
public sealed class IntakeScript
{
    public const string DefaultFileName = "default-intake.json";

    private readonly Dictionary<string, ScriptStep> _steps;
    private readonly Dictionary<string, ScriptLanguage> _languages;
    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    internal IntakeScript(
        string id,
        int version,
        string fileName,
        string baseLanguage,
        string resumeStepId,
        IReadOnlyList<ScriptLanguage> languages,
        IReadOnlyList<ScriptStep> steps,
        Dictionary<string, Dictionary<string, string>> texts)
    {
        Id = id;
        Version = version;
        FileName = fileName;
        BaseLanguage = baseLanguage;
        ResumeStepId = resumeStepId;
        Languages = languages;
        Steps = steps;
        _texts = texts;
        _steps = steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _languages = languages.ToDictionary(l => l.Tag, StringComparer.Ordinal);
        ConsentStepId = steps.FirstOrDefault(s => s.GrantsConsent)?.Id;
        LanguageMenu = BuildLanguageMenu(languages);
        Questions = steps.Where(s => s.Kind is StepKind.YesNo or StepKind.Text).ToList();
    }

    public string Id { get; }

    public int Version { get; }

    public string FileName { get; }

    public string BaseLanguage { get; }

    /// <summary>In menu order: the menu number of a language is its index plus one.</summary>
    public IReadOnlyList<ScriptLanguage> Languages { get; }

    /// <summary>
    /// The script's language a tag from outside names ("hi-IN", "tl" for Filipino, as the engine reads a SIM's or a chat
    /// client's), or null when the script does not have it.
    /// </summary>
    public string? LanguageOf(string? tag) => Engine.LanguageTags.Match(this, tag);

    /// <summary>In file order; the first is the language step where every conversation starts.</summary>
    public IReadOnlyList<ScriptStep> Steps { get; }

    public ScriptStep StartStep => Steps[0];

    /// <summary>The question asked when a person writes again after going quiet ("is it safe to text now?").</summary>
    public string ResumeStepId { get; }

    /// <summary>The step whose "yes" allows answers to be recorded; without one, no answer ever is.</summary>
    public string? ConsentStepId { get; }

    /// <summary>The steps that ask the person something (yes/no and text), in file order: "question N of M" counts these.</summary>
    public IReadOnlyList<ScriptStep> Questions { get; }

    /// <summary>"1 English", "2 العربية", ... one per line, each name in its own script.</summary>
    public string LanguageMenu { get; }

    /// <summary>The ids of every text a language must have: prompts of steps, then messages.</summary>
    public IEnumerable<string> TextIds => _texts[BaseLanguage].Keys;

    /// <summary>Reads and validates a script; throws <see cref="ScriptValidationException"/> naming the file,
    /// the step and the language of every problem, and returns nothing unless all is well.</summary>
    public static IntakeScript Load(Stream utf8Json, string fileName) => IntakeScriptReader.Read(utf8Json, fileName);

    /// <summary>The script shipped inside Hotline.Bot.</summary>
    public static IntakeScript LoadDefault()
    {
        var manager = new ResourceManager("Hotline.Bot.Intake.Scripts.IntakeScriptResources", typeof(IntakeScript).Assembly);
        var bytes = manager.GetObject("default_intake") as byte[]
            ?? throw new ScriptValidationException(DefaultFileName, [new ScriptProblem(null, null, "the embedded script is missing")]);
        using var stream = new MemoryStream(bytes, writable: false);
        return Load(stream, DefaultFileName);
    }

    /// <summary>
    /// This script with some translations replaced and some languages' review state set, checked as the loader checks
    /// a file (placeholders, two SMS segments at the widest placeholders, the writing system); throws
    /// <see cref="ScriptValidationException"/> naming every problem, and returns nothing unless all is well. The base
    /// language's texts are the script's own and cannot be replaced.
    /// </summary>
    public IntakeScript Revise(IReadOnlyDictionary<TranslationKey, string> translations, IReadOnlyDictionary<string, bool> reviewed)
    {
        ArgumentNullException.ThrowIfNull(translations);
        ArgumentNullException.ThrowIfNull(reviewed);
        var problems = new List<ScriptProblem>();
        var texts = _texts.ToDictionary(t => t.Key, t => new Dictionary<string, string>(t.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (key, text) in translations)
        {
            if (key.Language == BaseLanguage || !texts.TryGetValue(key.Language, out var byId) || !_texts[BaseLanguage].ContainsKey(key.TextId))
            {
                problems.Add(new ScriptProblem(key.TextId, key.Language, "is not a translated text of the script"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new ScriptProblem(key.TextId, key.Language, "has no translation"));
                continue;
            }

            byId[key.TextId] = text;
        }

        var languages = Languages.Select(l => reviewed.TryGetValue(l.Tag, out var isReviewed) ? l with { Reviewed = isReviewed } : l).ToList();
        ScriptTextCheck.Run(texts, languages, Steps, BaseLanguage, problems);
        if (problems.Count > 0)
        {
            throw new ScriptValidationException(FileName, problems);
        }

        return new IntakeScript(Id, Version, FileName, BaseLanguage, ResumeStepId, languages, Steps, texts);
    }

    public ScriptStep? FindStep(string? id) => id is not null && _steps.TryGetValue(id, out var step) ? step : null;

    public ScriptLanguage? FindLanguage(string? tag) => tag is not null && _languages.TryGetValue(tag, out var language) ? language : null;

    /// <summary>The text with its placeholders unfilled. Throws for an unknown language or id: callers ask only for what exists.</summary>
    public string Text(string language, string textId) => _texts[language][textId];

    internal static string BuildLanguageMenu(IEnumerable<ScriptLanguage> languages) =>
        string.Join('\n', languages.Select((l, i) => $"{i + 1} {l.Name}"));
}
