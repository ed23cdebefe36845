namespace Hotline.Bot.ActivityProtocol;

/// <summary>
/// Where a reply to one person goes, as learnt from their latest authenticated activity: the Bot
/// Connector's service URL, the channel, the bot conversation, both accounts, and the activity replied to.
/// </summary>
public sealed record ReplyAddress(
    Uri ServiceUrl,
    string ChannelId,
    string ConversationId,
    ChatParty Bot,
    ChatParty User,
    string ReplyToId,
    string? Locale)
{
    /// <summary>The address to answer <paramref name="activity"/> from its sender: the bot is the activity's recipient.</summary>
    public static ReplyAddress ToSender(ReceivedActivity activity, ChatParty user) => new(
        activity.ServiceUrl, activity.ChannelId, activity.ConversationId, activity.Recipient!, user, activity.Id!, activity.Locale);

    /// <summary>
    /// The Bot Connector's "reply to activity" operation: POST {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}.
    /// Both ids are escaped: Teams and Direct Line ids hold ':', ';' and '|'.
    /// </summary>
    public Uri ReplyUrl() => new(
        $"{ServiceUrl.AbsoluteUri.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(ConversationId)}/activities/{Uri.EscapeDataString(ReplyToId)}");
}

/// <summary>
/// The message activity a reply is posted as: from and recipient swapped relative to what the person sent,
/// threaded with replyToId, in their locale, as plain text so a caseworker's words are shown as typed.
/// </summary>
public sealed record ReplyActivity
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [JsonPropertyName("type")]
    public string Type { get; init; } = ActivityTypes.Message;

    [JsonPropertyName("channelId")]
    public required string ChannelId { get; init; }

    [JsonPropertyName("serviceUrl")]
    public required string ServiceUrl { get; init; }

    [JsonPropertyName("from")]
    public required Account From { get; init; }

    [JsonPropertyName("recipient")]
    public required Account Recipient { get; init; }

    [JsonPropertyName("conversation")]
    public required ConversationReference Conversation { get; init; }

    [JsonPropertyName("replyToId")]
    public required string ReplyToId { get; init; }

    [JsonPropertyName("locale")]
    public string? Locale { get; init; }

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("textFormat")]
    public string TextFormat { get; init; } = "plain";

    public static ReplyActivity Create(ReplyAddress address, string text) => new()
    {
        ChannelId = address.ChannelId,
        ServiceUrl = address.ServiceUrl.AbsoluteUri,
        From = new Account(address.Bot.Id, address.Bot.Name),
        Recipient = new Account(address.User.Id, address.User.Name),
        Conversation = new ConversationReference(address.ConversationId),
        ReplyToId = address.ReplyToId,
        Locale = address.Locale,
        Text = text,
    };

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    public sealed record Account(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string? Name);

    public sealed record ConversationReference([property: JsonPropertyName("id")] string Id);
}
