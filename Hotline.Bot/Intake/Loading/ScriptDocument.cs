namespace Hotline.Bot.Intake.Loading;

// The file as written (docs/intake/intake-script.schema.json). Everything is nullable so that a missing field
// becomes a problem that names its step and language, instead of a serializer error that names neither.

internal sealed class ScriptDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Id { get; set; }

    public int Version { get; set; }

    public string? BaseLanguage { get; set; }

    public string? ResumeStep { get; set; }

    public List<LanguageDocument>? Languages { get; set; }

    public List<StepDocument>? Steps { get; set; }

    public Dictionary<string, string>? Messages { get; set; }

    public Dictionary<string, Dictionary<string, string>>? Localization { get; set; }

    public List<HistoryDocument>? History { get; set; }
}

/// <summary>What changed in a version, and the words a review proposed that were left out, each with its reason.</summary>
internal sealed class HistoryDocument
{
    public int Version { get; set; }

    public string? Date { get; set; }

    public List<string>? Changes { get; set; }

    public List<string>? Rejected { get; set; }
}

internal sealed class LanguageDocument
{
    public string? Tag { get; set; }

    public string? Name { get; set; }

    public string? EnglishName { get; set; }

    public string? Script { get; set; }

    public bool? Reviewed { get; set; }

    public WordsDocument? Words { get; set; }

    public List<string>? AnswersAlsoIn { get; set; }
}

internal sealed class WordsDocument
{
    public List<string>? Yes { get; set; }

    public List<string>? No { get; set; }

    public List<string>? Stop { get; set; }

    public List<string>? Start { get; set; }

    public List<string>? Help { get; set; }

    public List<string>? Person { get; set; }

    public List<string>? Language { get; set; }

    public List<string>? Greeting { get; set; }

    public List<string>? Name { get; set; }

    public List<string>? Distress { get; set; }

    public List<string>? Unsure { get; set; }

    public List<string>? Urgent { get; set; }

    public List<string>? NotSafe { get; set; }
}

internal sealed class StepDocument
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public string? Text { get; set; }

    public string? Next { get; set; }

    public string? OnYes { get; set; }

    public string? OnNo { get; set; }

    public string? OnUnknown { get; set; }

    public bool Record { get; set; }

    public bool Consent { get; set; }

    public string? Reason { get; set; }
}

// A misspelt key ("on_yse") must refuse to load rather than silently fall back to "next".
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ScriptDocument))]
internal sealed partial class ScriptJsonContext : JsonSerializerContext;
