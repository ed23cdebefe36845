using Hotline.Api.Retention;
using Hotline.Api.TwilioDeletion;

namespace Hotline.Api.Erasure;

/// <summary>What an erasure on request did: whether the hotline held anything of the person, what it removed, which open cases it closed.</summary>
public sealed record ErasureReport(bool Known, ErasedCounts Removed, int CasesClosed);

/// <summary>
/// Erasure on request (GDPR Art. 17), the one service behind <c>erase</c> on the command line and the admin's
/// erase page. Removes every piece of a person's personal data and keeps the anonymous skeletons statistics
/// count; closes their open cases (outcome <c>erased</c>), since nobody could answer them; refuses while a
/// caseworker holds one of their cases, unless forced. Writes one audit row, with counts only. A second run
/// finds nothing: the lookup hash that found the person is gone.
/// </summary>
public sealed class PersonErasure(Database database, AddressHasher hasher, PersonalDataEraser eraser, CaseQueue queue, AuditTrail audit,
    TwilioDeletions twilioDeletions, IOptions<RetentionOptions> options, ILogger<PersonErasure> logger)
{
    public async Task<Outcome<ErasureReport>> EraseAsync(ChannelAddress address, bool force, string actor, string? clientAddress,
        CancellationToken cancellationToken)
    {
        var addressHash = hasher.Hash(address);
        var people = await ReadAsync(addressHash, cancellationToken);
        if (!force && people.Cases.Any(c => c.Status == "Claimed"))
        {
            await audit.RecordAsync(new AuditEntry(actor, AuditActions.PersonErased, null, clientAddress, AuditOutcomes.Refused), cancellationToken);
            return Outcome<ErasureReport>.Refused(Refusal.Conflict,
                "Not erased: a caseworker holds this person's case right now. Erase again once the case is closed, or force it.");
        }

        // The first write: what waits in the outbox for them goes before anything else. Left to the identity's write, the last,
        // it stayed live while cases were closed and bodies erased in batches, and the dispatcher sent it meanwhile (a
        // WhatsApp template goes by its id whatever the erased body says).
        var removed = await database.WriteAsync(async (session, token) =>
        {
            var stopped = ErasedCounts.None;
            foreach (var conversationId in people.Conversations)
            {
                stopped += await eraser.StopSendingAsync(session, conversationId, token);
            }

            return stopped;
        }, cancellationToken);

        var closed = 0;
        foreach (var open in people.Cases.Where(c => c.Status != "Closed"))
        {
            closed += await queue.CloseForErasureAsync(open.Id, cancellationToken) ? 1 : 0;
        }

        var batchSize = options.Value.BatchSize;
        foreach (var conversationId in people.Conversations)
        {
            foreach (var ofConversation in people.Cases.Where(c => c.ConversationId == conversationId))
            {
                removed += await eraser.EraseCaseContentAsync(new CaseToErase(ofConversation.Id, conversationId, null), batchSize, cancellationToken);
            }

            removed += new ErasedCounts(Messages: await eraser.EraseConversationMessagesAsync(conversationId, caselessOnly: false, writtenThrough: null, batchSize, cancellationToken));
        }

        removed += await database.WriteAsync(async (session, token) =>
        {
            var identities = ErasedCounts.None;
            foreach (var conversationId in people.Conversations)
            {
                // Whatever Twilio still keeps of their messages (text, number, photos) is deleted there too.
                await twilioDeletions.EnqueueForConversationAsync(session, conversationId, token);
                identities += await eraser.EraseIdentityAsync(session, conversationId, token);
                identities += await eraser.EraseMediaAsync(session, conversationId, caselessOnly: false, token);
            }

            // The SIM registry shares the phone numbers' lookup space, so the same hash finds the person's SIM.
            identities += await eraser.EraseSimRegistrationAsync(session, addressHash, token);
            await audit.AppendAsync(session, new AuditEntry(actor, AuditActions.PersonErased, Summary(removed + identities, closed), clientAddress,
                AuditOutcomes.Succeeded), token);
            return identities;
        }, cancellationToken);
        var (lateClosed, lateRemoved) = await EraseLatecomersAsync(people, batchSize, cancellationToken);
        closed += lateClosed;
        removed += lateRemoved;
        // The photos' rows went with the identity; their encrypted files go once that is committed (should the process
        // stop before, the retention sweep's pass over the media store finds them).
        foreach (var conversationId in people.Conversations)
        {
            await eraser.RemoveMediaFilesAsync(conversationId, cancellationToken);
        }

        if (!await database.ForgetOverwrittenPagesAsync(cancellationToken))
        {
            logger.LogWarning("After an erasure the write-ahead log could not be emptied (readers held it): the erased pages stay in it until it is reused.");
        }

        return Outcome<ErasureReport>.Done(new ErasureReport(people.Conversations.Count > 0 || removed.SimRegistrations > 0, removed, closed));
    }

    /// <summary>
    /// The person may write while this runs: their message joins the conversation and, their case being closed, opens a new
    /// one, which nobody could answer once the address is gone. Nothing more can join once the identity's write has
    /// committed (a later message starts a conversation of its own), so the conversations are read again by id and what came
    /// meanwhile is closed and erased like the rest. The audit row, written with the identity's removal, does not count it;
    /// the report does.
    /// </summary>
    private async Task<(int Closed, ErasedCounts Removed)> EraseLatecomersAsync((IReadOnlyList<Guid> Conversations, IReadOnlyList<PersonCase> Cases) people,
        int batchSize, CancellationToken cancellationToken)
    {
        var latecomers = (await ReadCasesAsync(people.Conversations, cancellationToken)).Where(c => people.Cases.All(known => known.Id != c.Id)).ToList();
        var closed = 0;
        var removed = ErasedCounts.None;
        foreach (var late in latecomers)
        {
            closed += late.Status != "Closed" && await queue.CloseForErasureAsync(late.Id, cancellationToken) ? 1 : 0;
            removed += await eraser.EraseCaseContentAsync(new CaseToErase(late.Id, late.ConversationId, null), batchSize, cancellationToken);
        }

        foreach (var conversationId in people.Conversations)
        {
            removed += new ErasedCounts(Messages: await eraser.EraseConversationMessagesAsync(conversationId, caselessOnly: false, writtenThrough: null, batchSize, cancellationToken));
        }

        return (closed, removed);
    }

    /// <summary>The audit row's subject: how much went, never whose.</summary>
    private static string Summary(ErasedCounts removed, int closed) =>
        $"messages {removed.Messages}, notes {removed.Notes}, conversations {removed.Conversations}, SIM registrations {removed.SimRegistrations}, cases closed {closed}";

    private async Task<(IReadOnlyList<Guid> Conversations, IReadOnlyList<PersonCase> Cases)> ReadAsync(string addressHash,
        CancellationToken cancellationToken)
    {
        List<Guid> conversations;
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            conversations = (await session.QueryAsync<Guid>("Conversations_ReadIdsByAddressHash", new { AddressHash = addressHash }, cancellationToken)).ToList();
        }

        return (conversations, await ReadCasesAsync(conversations, cancellationToken));
    }

    private async Task<IReadOnlyList<PersonCase>> ReadCasesAsync(IReadOnlyList<Guid> conversations, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        var cases = new List<PersonCase>();
        foreach (var conversationId in conversations)
        {
            cases.AddRange((await session.QueryAsync<CaseStatus>("Cases_ReadStatusByConversation", new { ConversationId = conversationId }, cancellationToken))
                .Select(c => new PersonCase(c.Id, conversationId, c.Status)));
        }

        return cases;
    }

    private sealed record PersonCase(Guid Id, Guid ConversationId, string Status);

    internal sealed record CaseStatus(Guid Id, string Status);
}
