namespace Hotline.Api.Inbound;

/// <summary>What the engine may know of a conversation: no address (its channel only), no message history.</summary>
public static class EngineSnapshots
{
    /// <param name="caseworkerQuestion">Where a caseworker's question whether it is safe to write is (Casework/SafetyQuestionReplies):
    /// on its way, the person's message crosses it; never to leave, nothing answers it.</param>
    /// <param name="earlierCaseworkerQuestion">Where her earlier asking is, read when the latest never left: the person may be
    /// answering it.</param>
    public static ConversationSnapshot Of(Conversation conversation, OpenCase? openCase, string? registeredLanguage,
        CaseworkerQuestion caseworkerQuestion = CaseworkerQuestion.Left, CaseworkerQuestion earlierCaseworkerQuestion = CaseworkerQuestion.Left) =>
        new(conversation.Language, conversation.EngineState, conversation.Status == ConversationStatus.OptedOut, openCase is not null,
            registeredLanguage, conversation.LastInboundAt, openCase?.CaseworkerHasWritten ?? false,
            conversation.Address.Channel, caseworkerQuestion, conversation.Status == ConversationStatus.Quiet, earlierCaseworkerQuestion);
}
