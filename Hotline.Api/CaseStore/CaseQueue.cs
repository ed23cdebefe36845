namespace Hotline.Api.CaseStore;

/// <summary>
/// The caseworkers' queue. A claim is a lease judged by the database clock; extend, release and close
/// must present the lease token, and a false result means the lease was lost (expired, or taken over).
/// Every change appends its case event in the same transaction.
/// </summary>
public sealed class CaseQueue(Database database, CaseEventLog events, TimeProvider time, HotlineMetrics metrics)
{
    /// <summary>Queues a new case inside the caller's transaction (the message that caused it commits with it).</summary>
    public async Task<CaseRecord> EnqueueAsync(DbSession session, NewCase newCase, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = RowIds.Version7(now);
        await session.ExecuteAsync("Cases_Create", new
        {
            Id = id,
            newCase.ConversationId,
            Priority = (int)newCase.Priority,
            newCase.TriageScore,
            TriageReasons = JsonSerializer.Serialize(newCase.TriageReasons),
            InDangerNow = InDangerNow.Among(newCase.TriageReasons),
            newCase.Language,
            QueuedAt = now,
            OpenedAt = now,
        }, cancellationToken);
        await events.AppendAsync(session, id, CaseEventTypes.Queued,
            new { newCase.Language, Priority = newCase.Priority.ToString(), newCase.TriageReasons, PersonStatus = newCase.PersonStatus.ToString() }, null, cancellationToken);
        return await ReadByIdAsync(session, id, cancellationToken);
    }

    /// <summary>The case with this id, or null when there is none.</summary>
    public Task<CaseRecord?> FindByIdAsync(DbSession session, Guid caseId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<CaseRecord>("Cases_ReadById", new { Id = caseId }, cancellationToken);

    /// <summary>A case the caller knows exists (it has just checked or written it); its absence is a bug, and throws.</summary>
    public Task<CaseRecord> ReadByIdAsync(DbSession session, Guid caseId, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<CaseRecord>("Cases_ReadById", new { Id = caseId }, cancellationToken);

    /// <summary>The conversation's queued or claimed case, if it has one (it has at most one).</summary>
    public Task<CaseRecord?> FindOpenAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<CaseRecord>("Cases_ReadOpenByConversation", new { ConversationId = conversationId }, cancellationToken);

    /// <summary>The person's closed cases, oldest first: the windows that split their one conversation into the cases it held.</summary>
    public async Task<IReadOnlyList<CaseRecord>> ReadClosedOfConversationAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<CaseRecord>("Cases_ReadClosedByConversation", new { ConversationId = conversationId }, cancellationToken)).AsList();

    /// <summary>The conversation's open case, if it has one, as the intake engine sees it.</summary>
    public Task<OpenCase?> FindOpenForIntakeAsync(DbSession session, Guid conversationId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<OpenCase>("Cases_ReadOpenForIntake", new { ConversationId = conversationId }, cancellationToken);

    /// <summary>Re-triages an open case inside the caller's transaction; the queue order follows at once.</summary>
    public async Task ChangePriorityAsync(DbSession session, Guid caseId, PriorityBand priority, int score, IReadOnlyList<string> reasons,
        CancellationToken cancellationToken)
    {
        var changed = await session.ExecuteAsync("Cases_ChangePriority", new
        {
            Id = caseId,
            Priority = (int)priority,
            TriageScore = score,
            TriageReasons = JsonSerializer.Serialize(reasons),
            InDangerNow = InDangerNow.Among(reasons),
        }, cancellationToken);
        if (changed == 1)
        {
            await events.AppendAsync(session, caseId, CaseEventTypes.PriorityChanged,
                new { Priority = priority.ToString(), Score = score, Reasons = reasons }, null, cancellationToken);
        }
    }

    /// <summary>
    /// Records which question the intake of a waiting case asks now (null once it asks nothing more: the triage is then
    /// final), inside the caller's transaction, with its case event: every console shows the change at once.
    /// </summary>
    public async Task ChangeIntakeProgressAsync(DbSession session, Guid caseId, int? question, int? questions, string eventType, object data,
        CancellationToken cancellationToken)
    {
        var changed = await session.ExecuteAsync("Cases_ChangeIntakeProgress",
            new { Id = caseId, IntakeQuestion = question, IntakeQuestions = questions }, cancellationToken);
        if (changed == 1)
        {
            await events.AppendAsync(session, caseId, eventType, data, null, cancellationToken);
        }
    }

    /// <summary>
    /// Claims the next case in a language the caseworker speaks, or returns null when there is none: a person waiting for a
    /// reply, a Critical one first, then a Critical person nobody can write to now, then the others; within each, a Critical person in
    /// danger right now first, then by band and place (docs/casework.md, "Take next, take this one"). Expired leases are
    /// returned to the queue first.
    /// </summary>
    public Task<CaseLease?> ClaimNextAsync(Guid userId, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimWithAsync("Cases_ClaimNext", userId, lease,
            (token, claimedAt, expires) => new
            {
                UserId = userId, LeaseToken = token, LeaseExpiresAt = expires, Now = claimedAt, Critical = (int)PriorityBand.Critical,
            }, cancellationToken);

    /// <summary>Claims one waiting case in a language the caseworker speaks; null when it is no longer waiting or not theirs to take.</summary>
    public Task<CaseLease?> ClaimAsync(Guid caseId, Guid userId, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimWithAsync("Cases_ClaimById", userId, lease,
            (token, claimedAt, expires) => new { Id = caseId, UserId = userId, LeaseToken = token, LeaseExpiresAt = expires, Now = claimedAt }, cancellationToken);

    /// <summary>Runs a claim statement after returning expired leases to the queue, and records the claim as a case event.</summary>
    private async Task<CaseLease?> ClaimWithAsync(string statement, Guid userId, TimeSpan lease, Func<Guid, DateTimeOffset, DateTimeOffset, object> args,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var now = await session.DatabaseNowAsync(cancellationToken);
        await RequeueExpiredAsync(session, now, cancellationToken);
        var token = Guid.NewGuid();
        // The lease runs on the database clock; the first claim is stamped on the clock QueuedAt was, so the wait it measures is true.
        var claimed = await session.QuerySingleOrDefaultAsync<CaseRecord>(statement, args(token, time.GetUtcNow(), now + lease), cancellationToken);
        if (claimed is null)
        {
            await session.CommitAsync(cancellationToken);
            return null;
        }

        await events.AppendAsync(session, claimed.Id, CaseEventTypes.Claimed, new { AssigneeId = userId }, userId, cancellationToken);
        await session.CommitAsync(cancellationToken);
        metrics.CaseClaimed(claimed.Priority, now - claimed.QueuedAt);
        return new CaseLease(claimed, token, claimed.LeaseExpiresAt!.Value);
    }

    /// <summary>Renews a lease from now; null when the lease was lost.</summary>
    public async Task<DateTimeOffset?> ExtendAsync(Guid caseId, Guid leaseToken, Guid userId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var now = await session.DatabaseNowAsync(cancellationToken);
        var expiresAt = now + lease;
        var changed = await session.ExecuteAsync("Cases_ExtendLease",
            new { Id = caseId, LeaseToken = leaseToken, LeaseExpiresAt = expiresAt, Now = now }, cancellationToken);
        if (changed == 0)
        {
            return null;
        }

        await events.AppendAsync(session, caseId, CaseEventTypes.LeaseExtended, new { LeaseExpiresAt = expiresAt }, userId, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return expiresAt;
    }

    /// <summary>Gives the case back to the queue, keeping its place (its original queue time).</summary>
    public Task<bool> ReleaseAsync(Guid caseId, Guid leaseToken, Guid userId, CancellationToken cancellationToken) =>
        ChangeUnderLeaseAsync("Cases_Release", CaseEventTypes.Released, caseId, leaseToken, userId, cancellationToken);

    /// <summary>
    /// Closes the case with an outcome code (<see cref="CaseOutcomes"/>) inside the caller's transaction, so that a note
    /// written with the close commits with it; false when the lease was lost.
    /// </summary>
    public async Task<bool> CloseAsync(DbSession session, Guid caseId, Guid leaseToken, Guid userId, string outcome, CancellationToken cancellationToken)
    {
        var now = await session.DatabaseNowAsync(cancellationToken);
        if (await session.ExecuteAsync("Cases_Close", new { Id = caseId, LeaseToken = leaseToken, Now = now, Outcome = outcome }, cancellationToken) == 0)
        {
            return false;
        }

        await events.AppendAsync(session, caseId, CaseEventTypes.Closed, new { Outcome = outcome }, userId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Closes an open case whose person is being erased (outcome <c>erased</c>), with its case event, whoever holds it:
    /// nobody could answer it. False when it was closed already.
    /// </summary>
    public async Task<bool> CloseForErasureAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var now = await session.DatabaseNowAsync(cancellationToken);
        if (await session.ExecuteAsync("Cases_CloseForErasure", new { Id = caseId, Now = now }, cancellationToken) == 0)
        {
            return false;
        }

        await events.AppendAsync(session, caseId, CaseEventTypes.Closed, new { Outcome = CaseOutcomes.Erased }, null, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Hands the claim to a colleague, who finds it among their cases with a lease of their own; null when the lease was lost.</summary>
    public async Task<Guid?> TransferToUserAsync(Guid caseId, Guid leaseToken, Guid userId, Guid toUserId, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var now = await session.DatabaseNowAsync(cancellationToken);
        var newToken = Guid.NewGuid();
        var changed = await session.ExecuteAsync("Cases_TransferToUser", new
        {
            Id = caseId,
            LeaseToken = leaseToken,
            Now = now,
            ToUserId = toUserId,
            NewLeaseToken = newToken,
            LeaseExpiresAt = now + lease,
        }, cancellationToken);
        if (changed == 0)
        {
            return null;
        }

        await events.AppendAsync(session, caseId, CaseEventTypes.Transferred, new { ToUserId = toUserId }, userId, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return newToken;
    }

    /// <summary>
    /// Moves the claim on a case someone else holds to a supervisor, with a lease of her own: the previous holder's token no
    /// longer works. The previous holder, or null when the case was not held by someone else (queued, closed, hers already).
    /// </summary>
    public async Task<Guid?> TakeOverAsync(Guid caseId, Guid supervisorId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var now = await session.DatabaseNowAsync(cancellationToken);
        if (await FindByIdAsync(session, caseId, cancellationToken) is not { Status: CaseStatus.Claimed, AssigneeId: { } holder } || holder == supervisorId)
        {
            return null;
        }

        var changed = await session.ExecuteAsync("Cases_TakeOver", new
        {
            Id = caseId,
            SupervisorId = supervisorId,
            FromUserId = holder,
            NewLeaseToken = Guid.NewGuid(),
            LeaseExpiresAt = now + lease,
        }, cancellationToken);
        if (changed == 0)
        {
            return null;
        }

        await events.AppendAsync(session, caseId, CaseEventTypes.TakenOver, new { FromUserId = holder, ToUserId = supervisorId }, supervisorId,
            cancellationToken);
        await session.CommitAsync(cancellationToken);
        return holder;
    }

    /// <summary>Returns the case to the queue for another language's caseworkers, keeping its place.</summary>
    public async Task<bool> TransferToLanguageAsync(Guid caseId, Guid leaseToken, Guid userId, string language, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var now = await session.DatabaseNowAsync(cancellationToken);
        var before = await FindByIdAsync(session, caseId, cancellationToken);
        var changed = await session.ExecuteAsync("Cases_TransferToLanguage",
            new { Id = caseId, LeaseToken = leaseToken, Now = now, Language = language }, cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        await events.AppendAsync(session, caseId, CaseEventTypes.Transferred,
            new { FromLanguage = before!.Language, ToLanguage = language }, userId, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether the token holds the case's lease right now, by the database clock.</summary>
    public static bool Holds(CaseRecord record, Guid leaseToken, DateTimeOffset databaseNow) =>
        record.Status == CaseStatus.Claimed && record.LeaseToken == leaseToken && record.LeaseExpiresAt > databaseNow;

    /// <summary>
    /// Returns every case <paramref name="userId"/> holds to the queue, keeping each one's place, inside the caller's
    /// write: an account disabled or given a role without cases cannot answer them, and they should not wait for the
    /// claim to run out. The count of cases returned.
    /// </summary>
    public async Task<int> ReturnClaimsOfAsync(DbSession session, Guid userId, CancellationToken cancellationToken)
    {
        var returned = 0;
        foreach (var id in await ReadClaimedByAsync(session, userId, cancellationToken))
        {
            if (await session.ExecuteAsync("Cases_ReturnClaimOf", new { Id = id, UserId = userId }, cancellationToken) == 1)
            {
                await events.AppendAsync(session, id, CaseEventTypes.Released, new { }, null, cancellationToken);
                returned++;
            }
        }

        return returned;
    }

    /// <summary>The ids of the cases <paramref name="userId"/> holds (claimed by them, whether or not the claim's time has run out).</summary>
    public async Task<IReadOnlyList<Guid>> ReadClaimedByAsync(DbSession session, Guid userId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Guid>("Cases_ReadClaimedBy", new { UserId = userId }, cancellationToken)).AsList();

    /// <summary>Returns every case whose lease has run out to the queue; the count of cases returned.</summary>
    public async Task<int> RequeueExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var now = await session.DatabaseNowAsync(cancellationToken);
        var requeued = await RequeueExpiredAsync(session, now, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return requeued;
    }

    private async Task<int> RequeueExpiredAsync(DbSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requeued = 0;
        foreach (var expired in await session.QueryAsync<ExpiredLease>("Cases_ReadExpiredLeases", new { Now = now }, cancellationToken))
        {
            if (await session.ExecuteAsync("Cases_RequeueExpired", new { expired.Id, Now = now }, cancellationToken) == 1)
            {
                // Whose claim ran out, as a take-over names it: her consoles are told, whatever her languages (a case routed to
                // another language while she held it is one she no longer sees otherwise, and her card of it would stay).
                await events.AppendAsync(session, expired.Id, CaseEventTypes.LeaseExpired, new { FromUserId = expired.AssigneeId }, null, cancellationToken);
                requeued++;
            }
        }

        return requeued;
    }

    private sealed record ExpiredLease
    {
        public Guid Id { get; init; }
        public Guid? AssigneeId { get; init; }
    }

    private async Task<bool> ChangeUnderLeaseAsync(string statement, string eventType, Guid caseId, Guid leaseToken, Guid userId,
        CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var now = await session.DatabaseNowAsync(cancellationToken);
        var changed = await session.ExecuteAsync(statement,
            new { Id = caseId, LeaseToken = leaseToken, Now = now }, cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        await events.AppendAsync(session, caseId, eventType, new { }, userId, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return true;
    }
}
