using System.Text.Json.Serialization.Metadata;
using Hotline.Bot.Channels.Sms;

namespace Hotline.Bot.CannedReplies;

/// <summary>
/// Turns a canned reply file into a <see cref="CannedReplyCatalog"/>, or refuses it whole, naming the reply and
/// the language of every problem: a caseworker must never pick a reply and find it missing in the worker's language.
/// </summary>
internal static partial class CannedReplyReader
{
    private static readonly JsonSerializerOptions Options = new(CannedReplyJsonContext.Default.Options)
    {
        // Two texts for one language would silently keep the last; refuse instead.
        AllowDuplicateProperties = false,
    };

    private static readonly JsonTypeInfo<CannedReplyDocument> DocumentType =
        (JsonTypeInfo<CannedReplyDocument>)Options.GetTypeInfo(typeof(CannedReplyDocument));

    public static CannedReplyCatalog Read(Stream utf8Json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var document = Parse(utf8Json, fileName);
        var problems = new List<string>();
        if (document.Version != 1)
        {
            problems.Add($"version {document.Version} is not supported (expected 1)");
        }

        var languages = ReadLanguages(document, problems);
        var replies = ReadReplies(document, languages, problems);
        if (problems.Count > 0)
        {
            throw new CannedReplyException(fileName, problems);
        }

        return new CannedReplyCatalog(languages.Select(l => l.Tag).ToList(), replies);
    }

    private static CannedReplyDocument Parse(Stream utf8Json, string fileName)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, DocumentType)
                ?? throw new CannedReplyException(fileName, ["the file holds no canned replies"]);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new CannedReplyException(fileName, [$"not a valid canned reply file{where}: {ex.Message}"]);
        }
    }

    private static List<(string Tag, bool Reviewed)> ReadLanguages(CannedReplyDocument document, List<string> problems)
    {
        var languages = new List<(string Tag, bool Reviewed)>();
        foreach (var entry in document.Languages ?? [])
        {
            var tag = entry?.Tag ?? "";
            if (!PrimaryTag().IsMatch(tag) || languages.Any(l => l.Tag == tag))
            {
                problems.Add($"language '{tag}': a language needs a unique tag of 2 or 3 lower-case letters");
                continue;
            }

            if (entry!.Reviewed is not { } reviewed)
            {
                problems.Add($"language '{tag}': say whether a native speaker has reviewed it (\"reviewed\": true or false)");
                continue;
            }

            languages.Add((tag, reviewed));
        }

        if (languages.All(l => l.Tag != CannedReplyCatalog.FallbackLanguage))
        {
            problems.Add($"language '{CannedReplyCatalog.FallbackLanguage}' is missing; every other language falls back to it");
        }

        return languages;
    }

    private static Dictionary<string, IReadOnlyList<CannedReply>> ReadReplies(
        CannedReplyDocument document, List<(string Tag, bool Reviewed)> languages, List<string> problems)
    {
        var byLanguage = languages.ToDictionary(l => l.Tag, _ => new List<CannedReply>(), StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (document.Replies is not { Count: > 0 })
        {
            problems.Add("the file has no replies");
        }

        foreach (var entry in document.Replies ?? [])
        {
            var id = entry?.Id ?? "";
            if (!SnakeCase().IsMatch(id) || !ids.Add(id))
            {
                problems.Add($"reply '{id}': a reply needs a unique snake_case id");
                continue;
            }

            if (string.IsNullOrWhiteSpace(entry!.Title))
            {
                problems.Add($"reply '{id}': has no title for the caseworker");
            }

            var texts = entry.Text ?? [];
            foreach (var tag in texts.Keys.Where(t => !byLanguage.ContainsKey(t)))
            {
                problems.Add($"reply '{id}': has a text in '{tag}', which is not a language of the file");
            }

            foreach (var (tag, reviewed) in languages)
            {
                var text = texts.GetValueOrDefault(tag);
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"reply '{id}': has no text in '{tag}'");
                    continue;
                }

                CheckText(id, tag, text, problems);
                byLanguage[tag].Add(new CannedReply(id, entry.Title ?? "", tag, text, reviewed));
            }
        }

        if (!ids.Contains(CannedReplyCatalog.SafeToWriteId))
        {
            problems.Add($"reply '{CannedReplyCatalog.SafeToWriteId}' is missing: a caseworker asks with it whether it is safe to write, and a \"no\" to it holds her replies");
        }

        return byLanguage.ToDictionary(p => p.Key, p => (IReadOnlyList<CannedReply>)p.Value, StringComparer.Ordinal);
    }

    internal static void CheckText(string id, string language, string text, List<string> problems)
    {
        // The text is inserted as written: a placeholder would reach the worker's phone unfilled.
        if (text.IndexOfAny(['{', '}']) >= 0)
        {
            problems.Add($"reply '{id}': the text in '{language}' has a placeholder; canned replies are sent as written");
        }

        var measure = SmsSegments.Measure(text);
        if (measure.Segments > CannedReplyCatalog.MaxSegments)
        {
            problems.Add($"reply '{id}': the text in '{language}' is too long: {measure.Segments} SMS segments ({(measure.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2")}) where at most {CannedReplyCatalog.MaxSegments} are allowed; shorten it");
        }
    }

    [GeneratedRegex("^[a-z]{2,3}\\z")]
    private static partial Regex PrimaryTag();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*\\z")]
    private static partial Regex SnakeCase();
}
