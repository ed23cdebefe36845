namespace Hotline.Bot.ActivityProtocol;

/// <summary>
/// Reads an activity from its JSON body strictly: malformed JSON, a repeated field (A2001 requires field
/// uniqueness) or a field of the wrong type (A2003) is refused with a reason; unknown fields are skipped
/// (A2005). The result is then checked by <see cref="ActivityRules"/>.
/// </summary>
public static class ActivityReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        AllowDuplicateProperties = false,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    public static bool TryRead(ReadOnlySpan<byte> utf8Json, out ReceivedActivity activity, out string error)
    {
        activity = null!;
        if (utf8Json.IsEmpty)
        {
            error = "The body is empty.";
            return false;
        }

        Activity? raw;
        try
        {
            raw = JsonSerializer.Deserialize<Activity>(utf8Json, Options);
        }
        catch (JsonException ex)
        {
            error = $"The body is not a valid activity: {FirstSentence(ex.Message)}";
            return false;
        }

        if (raw is null)
        {
            error = "The body is not an activity object.";
            return false;
        }

        return ActivityRules.TryValidate(raw, out activity, out error);
    }

    // System.Text.Json names the path and position of the problem in its first sentence; the rest is advice for developers.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
