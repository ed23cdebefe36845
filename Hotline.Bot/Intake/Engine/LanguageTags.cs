namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// Maps a language tag from outside (the SIM registry, a chat client's BCP-47 locale such as "hi-IN" or
/// "fil_PH") onto a language of the script, or to nothing when the script does not have it.
/// </summary>
internal static class LanguageTags
{
    // Older or wider codes that devices still send for the same language.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["tl"] = "fil",
        ["in"] = "id",
        ["swh"] = "sw",
        ["npi"] = "ne",
        ["arb"] = "ar",
    };

    public static string? Match(IntakeScript script, string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35)
        {
            return null;
        }

        var lower = tag.Trim().ToLowerInvariant();
        if (script.FindLanguage(lower) is { } exact)
        {
            return exact.Tag;
        }

        var end = lower.IndexOfAny(['-', '_']);
        var primary = end < 0 ? lower : lower[..end];
        if (Aliases.TryGetValue(primary, out var alias))
        {
            primary = alias;
        }

        return script.FindLanguage(primary)?.Tag;
    }
}
