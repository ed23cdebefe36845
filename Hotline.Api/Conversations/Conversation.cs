using Hotline.Api.Privacy;
using Hotline.Bot.Channels;

namespace Hotline.Api.Conversations;

public enum ConversationStatus
{
    Active,
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
    int Version);

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
}
