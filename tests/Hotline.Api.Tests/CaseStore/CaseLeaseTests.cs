namespace Hotline.Api.Tests.CaseStore;

public sealed class CaseLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ShortLease = TimeSpan.FromMilliseconds(300);

    [Theory, DatabaseData]
    public async Task Extend_with_the_lease_token_moves_the_expiry(DatabaseProvider engine)
    {
        var (hotline, worker, lease) = await ClaimOneAsync(engine);
        await using var _ = hotline;

        var extended = await hotline.Get<CaseQueue>().ExtendAsync(lease.Case.Id, lease.LeaseToken, worker.Id, TimeSpan.FromMinutes(30), Ct);

        Assert.True(extended > lease.ExpiresAt);
    }

    [Theory, DatabaseData]
    public async Task Extend_with_another_token_is_refused(DatabaseProvider engine)
    {
        var (hotline, worker, lease) = await ClaimOneAsync(engine);
        await using var _ = hotline;

        Assert.Null(await hotline.Get<CaseQueue>().ExtendAsync(lease.Case.Id, Guid.NewGuid(), worker.Id, Lease, Ct));
    }

    [Theory, DatabaseData]
    public async Task Release_returns_the_case_to_the_queue_in_its_place(DatabaseProvider engine)
    {
        var (hotline, worker, lease) = await ClaimOneAsync(engine);
        await using var _ = hotline;
        await hotline.QueueCaseAsync("en", PriorityBand.High);

        Assert.True(await hotline.Get<CaseQueue>().ReleaseAsync(lease.Case.Id, lease.LeaseToken, worker.Id, Ct));
        Assert.Equal(lease.Case.Id, (await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct))?.Case.Id);
    }

    [Theory, DatabaseData]
    public async Task Release_with_another_token_is_refused_and_changes_nothing(DatabaseProvider engine)
    {
        var (hotline, worker, lease) = await ClaimOneAsync(engine);
        await using var _ = hotline;

        Assert.False(await hotline.Get<CaseQueue>().ReleaseAsync(lease.Case.Id, Guid.NewGuid(), worker.Id, Ct));
        Assert.Equal(CaseStatus.Claimed, (await ReadCaseAsync(hotline, lease.Case.Id)).Status);
    }

    [Theory, DatabaseData]
    public async Task Close_with_the_lease_token_records_the_outcome(DatabaseProvider engine)
    {
        var (hotline, worker, lease) = await ClaimOneAsync(engine);
        await using var _ = hotline;

        Assert.True((await hotline.Get<CaseActions>().CloseAsync(worker, lease.Case.Id, lease.LeaseToken, "duplicate", null, Ct)).Value);
        var closed = await ReadCaseAsync(hotline, lease.Case.Id);
        Assert.Equal((CaseStatus.Closed, "duplicate", (Guid?)null), (closed.Status, closed.Outcome, closed.LeaseToken));
    }

    [Theory, DatabaseData]
    public async Task Close_with_another_token_is_refused(DatabaseProvider engine)
    {
        var (hotline, worker, lease) = await ClaimOneAsync(engine);
        await using var _ = hotline;

        Assert.Equal(Refusal.Conflict, (await hotline.Get<CaseActions>().CloseAsync(worker, lease.Case.Id, Guid.NewGuid(), "duplicate", null, Ct)).Refusal);
    }

    [Theory, DatabaseData]
    public async Task A_claimer_that_dies_leaves_its_case_to_return_when_the_lease_expires(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var vanished = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var colleague = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.High);
        await hotline.Get<CaseQueue>().ClaimNextAsync(vanished.Id, ShortLease, Ct);

        await Task.Delay(ShortLease * 2, Ct);

        Assert.Equal(queued.Id, (await hotline.Get<CaseQueue>().ClaimNextAsync(colleague.Id, Lease, Ct))?.Case.Id);
    }

    [Theory, DatabaseData]
    public async Task An_expired_lease_can_no_longer_be_extended(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        await hotline.QueueCaseAsync("en", PriorityBand.High);
        var lease = (await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, ShortLease, Ct))!;

        await Task.Delay(ShortLease * 2, Ct);

        Assert.Null(await hotline.Get<CaseQueue>().ExtendAsync(lease.Case.Id, lease.LeaseToken, worker.Id, Lease, Ct));
    }

    [Theory, DatabaseData]
    public async Task The_sweep_returns_expired_leases_to_the_queue(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.High);
        await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, ShortLease, Ct);
        await Task.Delay(ShortLease * 2, Ct);

        Assert.Equal(1, await hotline.Get<CaseQueue>().RequeueExpiredLeasesAsync(Ct));
        var requeued = await ReadCaseAsync(hotline, queued.Id);
        Assert.Equal((CaseStatus.Queued, (Guid?)null), (requeued.Status, requeued.AssigneeId));
        // Whose claim ran out, so her consoles are told even of a case since routed out of her languages (the final review).
        Assert.Equal($"{{\"FromUserId\":\"{worker.Id}\"}}", await hotline.ScalarAsync("SELECT Data FROM CaseEvents WHERE Type = 'LeaseExpired'"));
    }

    private static async Task<(HotlineApp, User, CaseLease)> ClaimOneAsync(DatabaseProvider engine)
    {
        var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        await hotline.QueueCaseAsync("en", PriorityBand.High);
        var lease = (await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct))!;
        return (hotline, worker, lease);
    }

    private static async Task<CaseRecord> ReadCaseAsync(HotlineApp hotline, Guid id)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await session.QuerySingleAsync<CaseRecord>("Cases_ReadById", new { Id = id }, Ct);
    }
}
