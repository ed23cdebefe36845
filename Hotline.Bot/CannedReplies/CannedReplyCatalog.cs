using System.Resources;

namespace Hotline.Bot.CannedReplies;

/// <summary>
/// Ready-made replies a caseworker can insert, in every language of the intake. The wording is chosen for a phone
/// someone else may read: it never names the service or what it is for. It is data (<c>canned-replies.json</c>)
/// so that a native speaker can correct a language without touching code.
/// </summary>
public sealed partial class CannedReplyCatalog
{
    public const string DefaultFileName = "canned-replies.json";

    /// <summary>The language every reply has and every unknown language gets.</summary>
    public const string FallbackLanguage = "en";

    /// <summary>A canned reply costs the worker at most this many SMS segments in its own encoding.</summary>
    public const int MaxSegments = 2;

    /// <summary>
    /// The reply that asks whether it is safe to write now. Every file has it: the host recognises it in a caseworker's reply
    /// (<see cref="SafetyQuestion"/>), and the person's answer is then read as an answer to the intake's own question.
    /// </summary>
    public const string SafeToWriteId = "safe_to_write";

    // Older or wider codes that devices and SIM registries still send for the same language.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["tl"] = "fil",
        ["in"] = "id",
        ["swh"] = "sw",
        ["npi"] = "ne",
        ["arb"] = "ar",
    };

    private readonly IReadOnlyDictionary<string, IReadOnlyList<CannedReply>> _byLanguage;

    internal CannedReplyCatalog(IReadOnlyList<string> languages, IReadOnlyDictionary<string, IReadOnlyList<CannedReply>> byLanguage)
    {
        Languages = languages;
        _byLanguage = byLanguage;
    }

    /// <summary>The languages every reply has, in file order.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>Reads and checks a file; throws <see cref="CannedReplyException"/> naming the reply and language of every
    /// problem, and returns nothing unless every reply has every language.</summary>
    public static CannedReplyCatalog Load(Stream utf8Json, string fileName) => CannedReplyReader.Read(utf8Json, fileName);

    /// <summary>The replies shipped inside Hotline.Bot.</summary>
    public static CannedReplyCatalog LoadDefault()
    {
        var manager = new ResourceManager("Hotline.Bot.CannedReplies.CannedReplyResources", typeof(CannedReplyCatalog).Assembly);
        var bytes = manager.GetObject("canned_replies") as byte[]
            ?? throw new CannedReplyException(DefaultFileName, ["the embedded file is missing"]);
        using var stream = new MemoryStream(bytes, writable: false);
        return Load(stream, DefaultFileName);
    }

    /// <summary>
    /// This catalog with some texts replaced and some languages' review state set, each text checked as the reader
    /// checks the file (no placeholder, two SMS segments) and for the writing system <paramref name="writingSystemOf"/>
    /// gives its language; throws <see cref="CannedReplyException"/> naming every problem, and returns nothing unless all is well.
    /// </summary>
    public CannedReplyCatalog Revise(
        IReadOnlyDictionary<TranslationKey, string> texts, IReadOnlyDictionary<string, bool> reviewed, Func<string, string?> writingSystemOf)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(reviewed);
        ArgumentNullException.ThrowIfNull(writingSystemOf);
        var problems = new List<string>();
        foreach (var (key, text) in texts)
        {
            if (!_byLanguage.TryGetValue(key.Language, out var replies) || replies.All(r => r.Id != key.TextId) || string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"reply '{key.TextId}': has no text in '{key.Language}' to replace, or the new one is empty");
                continue;
            }

            CannedReplyReader.CheckText(key.TextId, key.Language, text, problems);
            if (writingSystemOf(key.Language) is { } script && WritingSystems.Mismatch(text, script) is { } mismatch)
            {
                problems.Add($"reply '{key.TextId}': the text in '{key.Language}' {mismatch}");
            }
        }

        if (problems.Count > 0)
        {
            throw new CannedReplyException(DefaultFileName, problems);
        }

        var byLanguage = _byLanguage.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<CannedReply>)p.Value.Select(r => r with
            {
                Text = texts.GetValueOrDefault(new TranslationKey(p.Key, r.Id), r.Text),
                Reviewed = reviewed.GetValueOrDefault(p.Key, r.Reviewed),
            }).ToList(),
            StringComparer.Ordinal);
        return new CannedReplyCatalog(Languages, byLanguage);
    }

    /// <summary>Whether a value has the shape of a language tag ("ne", "hi-IN", "fil_PH"), known or not.</summary>
    public static bool IsLanguageTag(string? value) => value is { Length: <= 35 } && TagShape().IsMatch(value);

    /// <summary>The language of the file that serves a tag: itself, its primary subtag or an alias of it, else English.</summary>
    public string Resolve(string? language)
    {
        if (!IsLanguageTag(language))
        {
            return FallbackLanguage;
        }

        var lower = language!.ToLowerInvariant();
        if (_byLanguage.ContainsKey(lower))
        {
            return lower;
        }

        var end = lower.IndexOfAny(['-', '_']);
        var primary = end < 0 ? lower : lower[..end];
        primary = Aliases.GetValueOrDefault(primary, primary);
        return _byLanguage.ContainsKey(primary) ? primary : FallbackLanguage;
    }

    /// <summary>Every reply in the language that serves <paramref name="language"/>, in file order; English when the
    /// language is unknown, so a caseworker always has something to send.</summary>
    public IReadOnlyList<CannedReply> For(string? language) => _byLanguage[Resolve(language)];

    [GeneratedRegex("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*\\z")]
    private static partial Regex TagShape();
}
