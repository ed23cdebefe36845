namespace Hotline.Api.Tests.CaseStore;

public sealed class ConcurrentClaimTests
{
    private const int CaseCount = 2_000;
    private const int Claimers = 8;

    [Theory, DatabaseData]
    public async Task Eight_parallel_claimers_take_each_of_2000_cases_exactly_once(DatabaseProvider engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var queued = await QueueManyAsync(hotline);
        var workers = new List<User>();
        for (var i = 0; i < Claimers; i++)
        {
            workers.Add(await hotline.AddUserAsync(UserRole.Caseworker, "en", "ar"));
        }

        var claimed = new ConcurrentBag<Guid>();
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            while (await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, TimeSpan.FromMinutes(10), ct) is { } lease)
            {
                claimed.Add(lease.Case.Id);
            }
        }, ct)));

        Assert.Equal(CaseCount, claimed.Count);
        Assert.Equal(queued.Order(), claimed.Distinct().Order());
    }

    [Theory, DatabaseData]
    public async Task Parallel_claims_still_come_out_in_priority_order_for_each_claimer(DatabaseProvider engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await QueueManyAsync(hotline, count: 400);
        var workers = new List<User>();
        for (var i = 0; i < 4; i++)
        {
            workers.Add(await hotline.AddUserAsync(UserRole.Caseworker, "en", "ar"));
        }

        var perWorker = await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            var bands = new List<PriorityBand>();
            while (await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, TimeSpan.FromMinutes(10), ct) is { } lease)
            {
                bands.Add(lease.Case.Priority);
            }

            return bands;
        }, ct)));

        Assert.All(perWorker, bands => Assert.Equal(bands.OrderDescending(), bands));
    }

    /// <summary>Cases in two languages and all four bands, written in large transactions to keep the setup quick.</summary>
    private static async Task<List<Guid>> QueueManyAsync(HotlineApp hotline, int count = CaseCount)
    {
        var ct = TestContext.Current.CancellationToken;
        var ids = new List<Guid>();
        await using var session = await hotline.Database.BeginWriteAsync(ct);
        for (var i = 0; i < count; i++)
        {
            var language = i % 3 == 0 ? "ar" : "en";
            var band = (PriorityBand)(i % 4 + 1);
            var conversation = await hotline.Get<ConversationRepository>().CreateAsync(session, hotline.NextPhone(), language, ct);
            var queued = await hotline.Get<CaseQueue>().EnqueueAsync(session, new Api.CaseStore.NewCase(conversation.Id, language, band, 0, []), ct);
            ids.Add(queued.Id);
            hotline.Time.Advance(TimeSpan.FromMilliseconds(10));
        }

        await session.CommitAsync(ct);
        return ids;
    }
}
