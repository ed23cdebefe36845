namespace Hotline.Api.Inbound;

/// <summary>What the engine may know of a conversation: no address (its channel only), no message history.</summary>
public static class EngineSnapshots
{
    /// <param name="caseworkerQuestionUnsent">A caseworker's question whether it is safe to write has not left for the phone yet
    /// (Casework/SafetyQuestionReplies): the person's message crosses it.</param>
    public static ConversationSnapshot Of(Conversation conversation, OpenCase? openCase, string? registeredLanguage,
        bool caseworkerQuestionUnsent = false) =>
        new(conversation.Language, conversation.EngineState, conversation.Status == ConversationStatus.OptedOut, openCase is not null,
            registeredLanguage, conversation.LastInboundAt, openCase?.CaseworkerHasWritten ?? false,
            conversation.Address.Channel, caseworkerQuestionUnsent);
}
