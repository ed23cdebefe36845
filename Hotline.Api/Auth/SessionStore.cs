namespace Hotline.Api.Auth;

/// <summary>
/// Console sessions on the server: started at sign-in, ended at sign-out. The cookie only names a session,
/// so ending it here refuses every copy of that cookie, on every instance.
/// </summary>
public sealed class SessionStore(Database database, TimeProvider time)
{
    public async Task<Guid> StartAsync(Guid userId, CancellationToken cancellationToken)
    {
        var id = RowIds.Version7(time.GetUtcNow());
        await database.WriteAsync((session, token) =>
            session.ExecuteAsync("Sessions_Create", new { Id = id, UserId = userId, StartedAt = time.GetUtcNow() }, token), cancellationToken);
        return id;
    }

    public async Task<bool> IsActiveAsync(DbSession session, Guid sessionId, CancellationToken cancellationToken) =>
        await session.QuerySingleAsync<long>("Sessions_CountActive", new { Id = sessionId }, cancellationToken) == 1;

    public async Task<bool> IsActiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return await IsActiveAsync(session, sessionId, cancellationToken);
    }

    /// <summary>The people signed in now: a session not ended and started after <paramref name="since"/>.</summary>
    public async Task<IReadOnlySet<Guid>> ReadSignedInUserIdsAsync(DbSession session, DateTimeOffset since, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Guid>("Sessions_ReadSignedInUserIds", new { Since = since }, cancellationToken)).ToHashSet();

    public Task EndAsync(Guid sessionId, CancellationToken cancellationToken) =>
        database.WriteAsync((session, token) =>
            session.ExecuteAsync("Sessions_End", new { Id = sessionId, Now = time.GetUtcNow() }, token), cancellationToken);

    /// <summary>Ends every session of the person, in the caller's transaction: their cookies are refused from the next request on.</summary>
    public Task EndEverySessionOfUserAsync(DbSession session, Guid userId, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Sessions_EndAllOfUser", new { UserId = userId, Now = time.GetUtcNow() }, cancellationToken);

    /// <summary>Ends every session of the person but <paramref name="keepSessionId"/>, in the caller's transaction.</summary>
    public Task EndOtherSessionsOfUserAsync(DbSession session, Guid userId, Guid keepSessionId, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Sessions_EndOthersOfUser", new { UserId = userId, KeepId = keepSessionId, Now = time.GetUtcNow() }, cancellationToken);
}
