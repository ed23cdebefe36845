namespace Hotline.Api.Inbound;

/// <summary>
/// A reference to an attachment held by the provider, with the type the sender declared; for chat, the
/// activity's service URL, the only host its attachments are fetched from. The media job fetches it.
/// </summary>
public sealed record MediaReference(string Url, string ContentType, string? ServiceUrl = null);

/// <summary>
/// One inbound message, already authenticated and validated by its channel adapter.
/// <see cref="ChannelMessageId"/> is the channel's own id, which makes a repeated delivery harmless.
/// </summary>
public sealed record InboundEnvelope(
    ChannelAddress From,
    string ChannelMessageId,
    string Text,
    IReadOnlyList<MediaReference> Media,
    string? Locale,
    DateTimeOffset ReceivedAt);

public enum IngestResult
{
    Stored,
    Duplicate,
}

public sealed record IngestOutcome(IngestResult Kind, Guid ConversationId, Guid? CaseId);
