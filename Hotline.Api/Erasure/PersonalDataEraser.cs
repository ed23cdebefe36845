namespace Hotline.Api.Erasure;

/// <summary>A closed case the retention sweep found past its time, or a case of a person being erased.</summary>
public sealed record CaseToErase(Guid Id, Guid ConversationId, DateTimeOffset? ClosedAt);

/// <summary>
/// Removes personal data and keeps the anonymous skeletons statistics need: a case's row (dates, language,
/// band, indicators, outcome code), its events' codes, the rows of its messages (direction, author, times)
/// and of its referrals (partner, service, status, outcome code); a conversation's channel and language.
/// Shared by the retention sweep and erasure on request. Message contents go in batches, each its own short
/// write, so the single writer is never held for long however much there is.
/// </summary>
public sealed class PersonalDataEraser(Database database, TimeProvider time)
{
    /// <summary>
    /// A case's content: message bodies and media references (in batches of <paramref name="batchSize"/>), notes,
    /// referral summaries and consent details, intake answers' own words, and, when nothing was written after it
    /// closed, the conversation's engine state. Marks the case as emptied in the last write.
    /// </summary>
    public async Task<ErasedCounts> EraseCaseContentAsync(CaseToErase target, int batchSize, CancellationToken cancellationToken)
    {
        var messages = await InBatchesAsync("Messages_EraseContentOfCase", new { CaseId = target.Id, Take = batchSize }, batchSize, cancellationToken);
        return await database.WriteAsync(async (session, token) =>
        {
            var caseArgs = new { CaseId = target.Id };
            var notes = await session.ExecuteAsync("CaseNotes_DeleteByCase", caseArgs, token);
            var referrals = await session.ExecuteAsync("Referrals_EraseDetailsByCase", caseArgs, token);
            var answers = await session.ExecuteAsync("CaseEvents_EraseAnswerTextsByCase", caseArgs, token);
            var engineStates = target.ClosedAt is { } closedAt
                ? await session.ExecuteAsync("Conversations_EraseEngineStateAfterClose", new { target.ConversationId, ClosedAt = closedAt }, token)
                : 0;
            await session.ExecuteAsync("Cases_MarkContentErased", new { CaseId = target.Id, Now = time.GetUtcNow() }, token);
            return new ErasedCounts(Messages: messages, Notes: notes, Referrals: referrals, IntakeAnswers: answers, EngineStates: engineStates);
        }, cancellationToken);
    }

    /// <summary>The contents of a conversation's messages (only those outside any case when <paramref name="caselessOnly"/>), in batches.</summary>
    public Task<int> EraseConversationMessagesAsync(Guid conversationId, bool caselessOnly, int batchSize, CancellationToken cancellationToken) =>
        InBatchesAsync("Messages_EraseContentOfConversation",
            new { ConversationId = conversationId, CaselessOnly = caselessOnly ? 1 : 0, Take = batchSize }, batchSize, cancellationToken);

    /// <summary>How many message contents, and media references among them, a conversation still holds.</summary>
    public async Task<(int Messages, int Media)> CountConversationContentAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        var counts = await session.QuerySingleAsync<ContentCounts>("Messages_CountContentOfConversation", new { ConversationId = conversationId }, cancellationToken);
        return ((int)counts.Messages, (int)counts.Media);
    }

    /// <summary>
    /// Inside the caller's write: a conversation's address, lookup hash and engine state, its chat route and
    /// every outbox row to it. The row stays for the cases that point at it.
    /// </summary>
    public async Task<ErasedCounts> EraseIdentityAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken)
    {
        var conversations = await session.ExecuteAsync("Conversations_EraseIdentity",
            new { Id = conversationId, AddressHash = $"erased:{conversationId:N}", Now = time.GetUtcNow() }, cancellationToken);
        var routes = await session.ExecuteAsync("ChatRoutes_DeleteByConversation", new { ConversationId = conversationId }, cancellationToken);
        var outbox = await session.ExecuteAsync("Outbox_DeleteByConversation", new { ConversationId = conversationId }, cancellationToken);
        return new ErasedCounts(Conversations: conversations, ChatRoutes: routes, OutboxRows: outbox);
    }

    /// <summary>Inside the caller's write: the issued-SIM registry's row for a phone number's lookup hash.</summary>
    public async Task<ErasedCounts> EraseSimRegistrationAsync(DbSession session, string phoneHash, CancellationToken cancellationToken) =>
        new(SimRegistrations: await session.ExecuteAsync("IssuedSims_DeleteByPhoneHash", new { PhoneHash = phoneHash }, cancellationToken));

    private async Task<int> InBatchesAsync(string statement, object args, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var changed = await database.WriteAsync((session, token) => session.ExecuteAsync(statement, args, token), cancellationToken);
            total += changed;
            if (changed < batchSize)
            {
                return total;
            }
        }
    }

    private sealed record ContentCounts(long Messages, long Media);
}
