using Hotline.Api.Media;
using Hotline.Api.TwilioDeletion;

namespace Hotline.Api.Erasure;

/// <summary>A closed case the retention sweep found past its time, or a case of a person being erased.</summary>
public sealed record CaseToErase(Guid Id, Guid ConversationId, DateTimeOffset? ClosedAt);

/// <summary>
/// Removes personal data and keeps the anonymous skeletons statistics need: a case's row (dates, language,
/// band, indicators, outcome code), its events' codes, the rows of its messages (direction, author, times)
/// and of its referrals (partner, service, status, outcome code); a conversation's channel and language.
/// Shared by the retention sweep and erasure on request. Message contents go in batches, each its own short
/// write, so the single writer is never held for long however much there is. Photos and files go as rows in the
/// write and as files once it has committed (<see cref="StrandedMediaFiles"/>, which also finds the files of a
/// process that stopped in between). Content never goes without its SMS and WhatsApp messages queued for deletion at Twilio in
/// the same write (<see cref="TwilioDeletions"/>): a reply stuck at `sent` was never queued, and photos' rows are what the
/// media job deletes Twilio's copy by.
/// </summary>
public sealed class PersonalDataEraser(Database database, MediaItemRepository mediaItems, StrandedMediaFiles mediaFiles, TwilioDeletions twilioDeletions,
    TimeProvider time)
{
    /// <summary>
    /// A case's content: message bodies and media references (in batches of <paramref name="batchSize"/>; the case's messages and
    /// those that led to it, written before the intake opened it, which hold no case), its photos
    /// and files, notes, referral summaries and consent details, intake answers' own words, and, when nothing was
    /// written after it closed, the conversation's engine state. Marks the case as emptied in the last write, with
    /// the photos' rows; their files go once that has committed.
    /// </summary>
    public async Task<ErasedCounts> EraseCaseContentAsync(CaseToErase target, int batchSize, CancellationToken cancellationToken)
    {
        var messages = await InBatchesAsync("Messages_EraseContentOfCase",
            new { CaseId = target.Id, target.ConversationId, target.ClosedAt, Take = batchSize }, batchSize, cancellationToken);
        var erased = await database.WriteAsync(async (session, token) =>
        {
            var caseArgs = new { CaseId = target.Id };
            await twilioDeletions.EnqueueForCaseContentAsync(session, target.Id, target.ConversationId, target.ClosedAt, token);
            var media = await mediaItems.DeleteCaseAsync(session, target.Id, target.ConversationId, target.ClosedAt, token);
            var notes = await session.ExecuteAsync("CaseNotes_DeleteByCase", caseArgs, token);
            var referrals = await session.ExecuteAsync("Referrals_EraseDetailsByCase", caseArgs, token);
            var answers = await session.ExecuteAsync("CaseEvents_EraseAnswerTextsByCase", caseArgs, token);
            var engineStates = target.ClosedAt is { } closedAt
                ? await session.ExecuteAsync("Conversations_EraseEngineStateAfterClose", new { target.ConversationId, ClosedAt = closedAt }, token)
                : 0;
            await session.ExecuteAsync("Cases_MarkContentErased", new { CaseId = target.Id, Now = time.GetUtcNow() }, token);
            return new ErasedCounts(Messages: messages, Media: media, Notes: notes, Referrals: referrals, IntakeAnswers: answers, EngineStates: engineStates);
        }, cancellationToken);
        await mediaFiles.RemoveAsync(target.ConversationId, cancellationToken);
        return erased;
    }

    /// <summary>
    /// The contents of a conversation's messages (only those outside any case when <paramref name="caselessOnly"/>; only those
    /// written at or before <paramref name="writtenThrough"/> when given), in batches.
    /// </summary>
    public Task<int> EraseConversationMessagesAsync(Guid conversationId, bool caselessOnly, DateTimeOffset? writtenThrough, int batchSize,
        CancellationToken cancellationToken) =>
        InBatchesAsync("Messages_EraseContentOfConversation",
            new { ConversationId = conversationId, CaselessOnly = caselessOnly ? 1 : 0, WrittenThrough = writtenThrough, Take = batchSize }, batchSize,
            cancellationToken);

    /// <summary>
    /// Inside the caller's write: a conversation's photos and files (only those of messages outside any case when
    /// <paramref name="caselessOnly"/>), with those messages queued for deletion at Twilio (all of them, with or without
    /// photos); the caller removes the files with <see cref="RemoveMediaFilesAsync"/> once it has committed.
    /// </summary>
    public async Task<ErasedCounts> EraseMediaAsync(DbSession session, Guid conversationId, bool caselessOnly, CancellationToken cancellationToken)
    {
        await twilioDeletions.EnqueueForConversationContentAsync(session, conversationId, caselessOnly, cancellationToken);
        return new(Media: await mediaItems.DeleteConversationAsync(session, conversationId, caselessOnly, cancellationToken));
    }

    /// <summary>After the commit of <see cref="EraseMediaAsync"/>: the files of the conversation's items whose rows are gone.</summary>
    public Task RemoveMediaFilesAsync(Guid conversationId, CancellationToken cancellationToken) => mediaFiles.RemoveAsync(conversationId, cancellationToken);

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

    /// <summary>
    /// Inside the caller's write: every outbox row to the conversation, so that nothing waiting reaches the phone while the rest
    /// is erased, batch by batch (<see cref="EraseIdentityAsync"/> deletes what was written meanwhile). The messages stay
    /// (their contents go with the rest), unsent.
    /// </summary>
    public async Task<ErasedCounts> StopSendingAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken) =>
        new(OutboxRows: await session.ExecuteAsync("Outbox_DeleteByConversation", new { ConversationId = conversationId }, cancellationToken));

    /// <summary>Inside the caller's write: the issued-SIM registry's row for a phone number's lookup hash.</summary>
    public async Task<ErasedCounts> EraseSimRegistrationAsync(DbSession session, string phoneHash, CancellationToken cancellationToken) =>
        new(SimRegistrations: await session.ExecuteAsync("IssuedSims_DeleteByPhoneHash", new { PhoneHash = phoneHash }, cancellationToken));

    /// <summary>
    /// Inside the caller's write, before <see cref="EraseIdentityAsync"/> replaces the lookup hash: the registry's row of the
    /// conversation's number (none for a chat).
    /// </summary>
    public async Task<ErasedCounts> EraseSimRegistrationOfAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken) =>
        new(SimRegistrations: await session.ExecuteAsync("IssuedSims_DeleteByConversation", new { ConversationId = conversationId }, cancellationToken));

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
}
