namespace Hotline.Api.Inbound;

/// <summary>What the engine may know of a conversation: no address (its channel only), no message history.</summary>
public static class EngineSnapshots
{
    public static ConversationSnapshot Of(Conversation conversation, OpenCase? openCase, string? registeredLanguage) =>
        new(conversation.Language, conversation.EngineState, conversation.Status == ConversationStatus.OptedOut, openCase is not null,
            registeredLanguage, conversation.LastInboundAt, openCase?.CaseworkerHasWritten ?? false,
            conversation.Address.Channel);
}
