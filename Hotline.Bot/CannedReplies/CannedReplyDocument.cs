namespace Hotline.Bot.CannedReplies;

internal sealed class CannedReplyDocument
{
    public int Version { get; set; }
    public List<LanguageDocument?>? Languages { get; set; }
    public List<ReplyDocument?>? Replies { get; set; }
}

internal sealed class LanguageDocument
{
    public string? Tag { get; set; }

    // Nullable so that a language which forgets to say is refused, rather than silently counted as unreviewed or reviewed.
    public bool? Reviewed { get; set; }
}

internal sealed class ReplyDocument
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public Dictionary<string, string?>? Text { get; set; }
}

// A misspelt key ("titel") must refuse to load rather than leave a reply without a title.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(CannedReplyDocument))]
internal sealed partial class CannedReplyJsonContext : JsonSerializerContext;
