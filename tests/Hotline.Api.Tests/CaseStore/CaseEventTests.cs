namespace Hotline.Api.Tests.CaseStore;

public sealed class CaseEventTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory, DatabaseData]
    public async Task Every_queue_change_appends_its_event_with_a_strictly_increasing_sequence(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.High);
        var lease = (await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct))!;
        await hotline.Get<CaseQueue>().ExtendAsync(queued.Id, lease.LeaseToken, worker.Id, Lease, Ct);
        await hotline.Get<CaseQueue>().ReleaseAsync(queued.Id, lease.LeaseToken, worker.Id, Ct);
        var again = (await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct))!;
        await hotline.Get<CaseActions>().CloseAsync(worker, queued.Id, again.LeaseToken, "resolved", null, Ct);

        var events = await ReadAllAsync(hotline);

        Assert.Equal(
            [CaseEventTypes.Queued, CaseEventTypes.Claimed, CaseEventTypes.LeaseExtended, CaseEventTypes.Released, CaseEventTypes.Claimed, CaseEventTypes.Closed],
            events.Select(e => e.Type));
        Assert.All(events.Zip(events.Skip(1)), pair => Assert.True(pair.Second.Sequence > pair.First.Sequence));
    }

    [Theory, DatabaseData]
    public async Task A_refused_change_appends_no_event(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.High);
        await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        await hotline.Get<CaseQueue>().ReleaseAsync(queued.Id, Guid.NewGuid(), worker.Id, Ct);

        Assert.Equal([CaseEventTypes.Queued, CaseEventTypes.Claimed], (await ReadAllAsync(hotline)).Select(e => e.Type));
    }

    [Theory, DatabaseData]
    public async Task Reading_after_a_sequence_returns_only_the_later_events(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await hotline.QueueCaseAsync("en", PriorityBand.High);
        var seen = (await ReadAllAsync(hotline)).Last().Sequence;
        var later = await hotline.QueueCaseAsync("ar", PriorityBand.Low);

        await using var session = await hotline.Database.OpenAsync(Ct);
        var missed = await hotline.Get<CaseEventLog>().ReadAfterAsync(session, seen, 100, Ct);

        Assert.Equal([later.Id], missed.Select(e => e.CaseId));
    }

    [Theory, DatabaseData]
    public async Task A_failed_write_leaves_neither_the_case_nor_its_event(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(async () =>
        {
            await using var session = await hotline.Database.BeginWriteAsync(Ct);
            var conversation = await hotline.Get<ConversationRepository>().CreateAsync(session, hotline.NextPhone(), "en", Ct);
            await hotline.Get<CaseQueue>().EnqueueAsync(session, new NewCase(conversation.Id, "en", PriorityBand.High, 30, []), Ct);
            var duplicate = new Message(Guid.NewGuid(), conversation.Id, null, MessageDirection.Inbound, conversation.Address.Channel,
                "SM-same", "hello", null, 1, null, "received", hotline.Time.GetUtcNow());
            await hotline.Get<MessageRepository>().AddAsync(session, duplicate, Ct);
            await hotline.Get<MessageRepository>().AddAsync(session, duplicate with { Id = Guid.NewGuid() }, Ct);
            await session.CommitAsync(Ct);
        });

        Assert.Empty(await ReadAllAsync(hotline));
        await using var read = await hotline.Database.OpenAsync(Ct);
        Assert.Equal(0L, await read.Connection.ExecuteScalarCountAsync("SELECT COUNT(*) FROM Cases"));
    }

    private static async Task<IReadOnlyList<CaseEvent>> ReadAllAsync(HotlineApp hotline)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await hotline.Get<CaseEventLog>().ReadAfterAsync(session, 0, CaseEventLog.MaxPage, Ct);
    }
}
