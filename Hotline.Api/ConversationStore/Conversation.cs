namespace Hotline.Api.ConversationStore;

/// <summary>
/// Whether the hotline may send. Quiet: the person said it is not safe now, or used the discreet word;
/// nothing is sent until they write again and say it is safe (or ask for a person). OptedOut: they sent STOP; nothing is sent until START.
/// </summary>
public enum ConversationStatus
{
    Active,
    Quiet,
    OptedOut,
}

/// <summary>A conversation in the clear, as the host works with it; stored with its address and engine state encrypted.</summary>
public sealed record Conversation(
    Guid Id,
    ChannelAddress Address,
    string? Language,
    string? EngineState,
    ConversationStatus Status,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastInboundAt,
    int Version)
{
    /// <summary>The translations the intake started under (Translations/TranslationBooks); null: the shipped ones.</summary>
    public long? TranslationVersion { get; init; }

    /// <summary>
    /// The caseworker's reply asking whether it is safe to write, while it may not have reached the phone: the person's
    /// messages are read against her question only once it has left (Casework/SafetyQuestionReplies). Null when none is
    /// open or it is known to have left.
    /// </summary>
    public Guid? SafetyQuestionMessageId { get; init; }

    /// <summary>
    /// Her earlier asking, when she asked again before it was known to have left: if the latest never leaves, the person may
    /// be answering this one (Casework/SafetyQuestionReplies). Null otherwise.
    /// </summary>
    public Guid? EarlierSafetyQuestionMessageId { get; init; }

    /// <summary>
    /// The version at which the present quiet spell began, as read (null while not quiet): the last words of the spell are
    /// sent by it (Outbox/OutboxDispatchJob). Kept by the database, not by the host: a save sets it when the conversation
    /// becomes quiet and keeps it while it stays so (Conversations_Update), whatever this record holds.
    /// </summary>
    public int? QuietSinceVersion { get; init; }
}

internal sealed record ConversationRow
{
    public Guid Id { get; init; }
    public Channel Channel { get; init; }
    public string AddressCipher { get; init; } = "";
    public string? Language { get; init; }
    public string? EngineStateCipher { get; init; }
    public ConversationStatus Status { get; init; }
    public string? StatusReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastInboundAt { get; init; }
    public int Version { get; init; }
    public long? TranslationVersion { get; init; }
    public Guid? SafetyQuestionMessageId { get; init; }
    public Guid? EarlierSafetyQuestionMessageId { get; init; }
    public int? QuietSinceVersion { get; init; }
}
