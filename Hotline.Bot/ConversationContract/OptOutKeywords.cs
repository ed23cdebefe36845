namespace Hotline.Bot.ConversationContract;

public enum KeywordKind
{
    None,
    OptOut,
    OptIn,
    Help,
}

/// <summary>
/// The carrier-standard keywords. They count only as the whole message (any case, surrounding spaces and
/// punctuation ignored), so "stop the beating" is a report, not an opt-out.
/// </summary>
public static class OptOutKeywords
{
    private static readonly HashSet<string> OptOut = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "UNSUBSCRIBE", "END", "QUIT", "STOPALL", "REVOKE", "OPTOUT", "CANCEL",
    };

    private static readonly HashSet<string> OptIn = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP", "YES" };

    private static readonly HashSet<string> Help = new(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO" };

    public static (KeywordKind Kind, string Keyword) Classify(string text)
    {
        var word = text.Trim().TrimEnd('.', '!', '?').Trim();
        if (word.Length is 0 or > 12)
        {
            return (KeywordKind.None, "");
        }

        var upper = word.ToUpperInvariant();
        return OptOut.Contains(word) ? (KeywordKind.OptOut, upper)
            : OptIn.Contains(word) ? (KeywordKind.OptIn, upper)
            : Help.Contains(word) ? (KeywordKind.Help, upper)
            : (KeywordKind.None, "");
    }
}
