using Hotline.Api.Inbound;
using Hotline.Api.IntakeHost;
using Hotline.Api.Translations;

namespace Hotline.Api.Casework;

/// <summary>
/// A caseworker's reply that asks whether it is safe to write (the canned reply, alone or inside a message of hers): the
/// engine records the question open in the conversation's state, in the reply's own transaction, so that the person's "no"
/// makes the conversation wait until they say it is safe, as a "no" to the intake's question does (docs/casework.md). Read
/// from the words she sends, not from how they reached the reply box, so no console can leave the question unrecorded.
/// </summary>
public sealed class SafetyQuestionReplies(TranslationBooks books, IntakeEngines engines, ConversationRepository conversations)
{
    /// <summary>
    /// Whether <paramref name="body"/> asks it; if it does, the conversation is saved with the question open, which gives it
    /// a new version: an engine turn taken on it as read before the reply fails its save and is taken again, seeing the question.
    /// </summary>
    public async Task<bool> RecordIfAskedAsync(DbSession session, Conversation conversation, OpenCase? openCase, string body,
        CancellationToken cancellationToken)
    {
        if (!(await books.CurrentAsync(session, cancellationToken)).SafetyQuestion.IsAskedIn(body))
        {
            return false;
        }

        var chosen = await engines.ForConversationAsync(session, conversation, cancellationToken);
        var state = chosen.Engine.CaseworkerAskedIfSafe(EngineSnapshots.Of(conversation, openCase, registeredLanguage: null));
        if (!await conversations.UpdateAsync(session, conversation with { EngineState = state, TranslationVersion = chosen.TranslationVersion },
                cancellationToken))
        {
            throw new ConcurrencyConflictException($"Conversation {conversation.Id} changed while a caseworker's question whether it is safe to write was recorded.");
        }

        return true;
    }
}
