namespace Hotline.Api.Outbox;

/// <summary>
/// A reply failed for good before the person had a case (a chat greeting the Bot Connector answered 5xx, an SMS greeting
/// Twilio kept refusing): its case event would go only to a case, so the person heard nothing and nobody knew they had
/// written. A case is queued in the same write, with the reason <see cref="Reason"/>, for a caseworker to read what they
/// wrote and answer. None for a conversation that is quiet or opted out (it is to be sent nothing: the dispatcher cancels its
/// replies rather than fail them, and one that failed just as it went quiet needs no answer), whose identity is erased, or that
/// has a queued or claimed case (the failure's own case event reaches that one).
/// </summary>
public sealed class FailedReplyCases(CaseQueue queue)
{
    public const string Reason = "reply_failed";

    /// <summary>Inside the write that records the failure: queues the case when nobody would otherwise know.</summary>
    public async Task QueueIfNobodyKnowsAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken)
    {
        var language = await session.QuerySingleOrDefaultAsync<string>("Conversations_ReadLanguageIfActiveWithoutOpenCase",
            new { Id = conversationId, Unknown = NewCase.UnknownLanguage }, cancellationToken);
        if (language is null)
        {
            return;
        }

        // High, as an engine fault's hand-off: nobody knows what the person needs, and they have had no answer.
        await queue.EnqueueAsync(session, new NewCase(conversationId, language, PriorityBand.High, 0, [Reason]), cancellationToken);
    }
}
