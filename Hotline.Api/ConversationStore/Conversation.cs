namespace Hotline.Api.ConversationStore;

/// <summary>
/// Whether the hotline may send. Quiet: the person said it is not safe now, or used the discreet word;
/// nothing is sent until they write again. OptedOut: they sent STOP; nothing is sent until START.
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
}

internal record ConversationRow
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
}

/// <summary>
/// What an inbound message needs before it joins the writer, read together: the message it repeats (same channel
/// message id) if any, the conversation of its address, and that conversation's open case.
/// </summary>
public sealed record InboundLookup(RepeatedMessage? Repeat, Conversation? Conversation, OpenCase? OpenCase);

/// <summary>Where a message already stored under the same channel message id went.</summary>
public sealed record RepeatedMessage(Guid ConversationId, Guid? CaseId);

/// <summary>A conversation's row beside the repeat and the open case; the conversation's columns are empty (an empty Id) when none was found.</summary>
internal sealed record InboundLookupRow : ConversationRow
{
    public Guid? RepeatConversationId { get; init; }
    public Guid? RepeatCaseId { get; init; }
    public Guid? OpenCaseId { get; init; }
    public bool CaseworkerHasWritten { get; init; }
}
