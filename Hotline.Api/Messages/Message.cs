namespace Hotline.Api.Messages;

public enum MessageDirection
{
    Inbound,
    Outbound,
}

/// <summary>
/// A message in the clear. <see cref="ChannelMessageId"/> is the channel's own id (Twilio's MessageSid,
/// a Bot Framework activity id): unique per channel, it is what makes a repeated webhook harmless.
/// <see cref="Media"/> holds references to attachments (URLs at the provider), never their content.
/// <see cref="Sequence"/> is its place in the conversation, given when it is stored (0 before that): a message and the
/// replies it causes share a millisecond, so only the sequence says which came first.
/// <see cref="ContentErased"/>: the retention or an erasure removed its body and media (the row stays for statistics), which
/// an empty message is not: its body is sealed like any other.
/// </summary>
public sealed record Message(
    Guid Id,
    Guid ConversationId,
    Guid? CaseId,
    MessageDirection Direction,
    Channel Channel,
    string? ChannelMessageId,
    string Body,
    string? Media,
    int Segments,
    Guid? AuthorUserId,
    string DeliveryStatus,
    DateTimeOffset CreatedAt,
    string? DeliveryError = null,
    long Sequence = 0,
    bool ContentErased = false);

internal sealed record MessageRow
{
    public Guid Id { get; init; }
    public Guid ConversationId { get; init; }
    public Guid? CaseId { get; init; }
    public MessageDirection Direction { get; init; }
    public Channel Channel { get; init; }
    public string? ChannelMessageId { get; init; }
    public string BodyCipher { get; init; } = "";
    public string? MediaCipher { get; init; }
    public int Segments { get; init; }
    public Guid? AuthorUserId { get; init; }
    public string DeliveryStatus { get; init; } = "";
    public string? DeliveryError { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public long Sequence { get; init; }
}
