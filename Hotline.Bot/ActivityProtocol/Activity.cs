namespace Hotline.Bot.ActivityProtocol;

/// <summary>
/// The fields of a Bot Framework activity that the hotline reads. A channel may send many more (A2005:
/// receivers must accept fields they do not understand); those are skipped by the reader and never stored.
/// The timestamp fields are not read at all: the hotline records its own receipt time (A2042).
/// </summary>
public sealed record Activity
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; init; }

    [JsonPropertyName("channelId")]
    public string? ChannelId { get; init; }

    [JsonPropertyName("from")]
    public ChannelAccount? From { get; init; }

    [JsonPropertyName("recipient")]
    public ChannelAccount? Recipient { get; init; }

    [JsonPropertyName("conversation")]
    public ConversationAccount? Conversation { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("locale")]
    public string? Locale { get; init; }

    [JsonPropertyName("membersAdded")]
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<Attachment>? Attachments { get; init; }
}

public sealed record ChannelAccount
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("role")]
    public string? Role { get; init; }
}

public sealed record ConversationAccount
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("isGroup")]
    public bool? IsGroup { get; init; }
}

/// <summary>An attachment's link and type; inline content (cards) is not read.</summary>
public sealed record Attachment
{
    [JsonPropertyName("contentType")]
    public string? ContentType { get; init; }

    [JsonPropertyName("contentUrl")]
    public string? ContentUrl { get; init; }
}

/// <summary>The activity types the hotline acts on; any other type is acknowledged and ignored (A2014).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string EndOfConversation = "endOfConversation";

    /// <summary>Type values compare ordinally (A2011): "Message" is not a message.</summary>
    public static bool IsHandled(string type) => type is Message or ConversationUpdate or EndOfConversation;
}
