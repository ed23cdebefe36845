namespace Hotline.Api.Outbox;

public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Cancelled,

    /// <summary>WhatsApp's 24-hour window is closed: it waits, unsent, until the person writes again (WhatsApp/WhatsAppHolds).</summary>
    Held,
}

/// <summary>Where a message's outbox row is (Casework/SafetyQuestionReplies): its status, and whether an attempt may have reached the provider.</summary>
public sealed record OutboxRowState
{
    public OutboxStatus Status { get; init; }
    public bool OutcomeUnknown { get; init; }
}

/// <summary>
/// A message waiting to leave. <see cref="OutcomeUnknown"/> is set when an earlier attempt may have
/// reached the provider (a timeout, a 5xx, a dispatcher that died mid-send): the provider is asked
/// before anything is sent again, since a duplicate text to a person in danger is itself a risk.
/// </summary>
public sealed record OutboxItem
{
    public Guid Id { get; init; }
    public Guid MessageId { get; init; }
    public Guid ConversationId { get; init; }
    public Channel Channel { get; init; }
    public OutboxStatus Status { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public Guid? LeaseToken { get; init; }
    public DateTimeOffset? LeaseExpiresAt { get; init; }
    public bool OutcomeUnknown { get; init; }
    public string? ProviderMessageId { get; init; }
    public string? LastError { get; init; }

    /// <summary>
    /// Set on the replies of a turn that left the conversation quiet: the conversation version that turn wrote. Such a
    /// reply is a last word and goes out while the conversation stays in the quiet spell it was written in (quiet since
    /// that version or earlier: Conversation.QuietSinceVersion); anything else waiting for a quiet conversation, and a
    /// last word of an earlier spell, is cancelled.
    /// </summary>
    public int? SendWhileQuietAtVersion { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The trace context the reply was written in, for the send's span; null when none was recorded.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The approved WhatsApp template sent outside the 24-hour window: it goes as a template, never as free text.</summary>
    public bool Reengagement { get; init; }
}
