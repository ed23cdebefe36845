namespace Hotline.Api.Tests.Storage;

/// <summary>
/// <see cref="Database.WriteAsync{T}"/> on SQLite: writes queued while the writer is busy share one
/// transaction, each under its own savepoint. Partners stand in for any row: their names are unique.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Writes_queued_while_the_writer_is_busy_share_one_transaction()
    {
        await using var db = await TestDatabase.CreateAsync();

        var sessions = await WhileWriterIsBusyAsync(db, () => new[] { "Asha", "Bilal", "Chen" }.Select(name =>
            db.Database.WriteAsync(async (session, token) =>
            {
                await AddPartnerAsync(session, name, token);
                return session;
            }, Ct)).ToArray());

        Assert.Single((await Task.WhenAll(sessions)).Distinct());
        Assert.Equal(3, await CountPartnersAsync(db));
    }

    [Fact]
    public async Task Each_write_of_a_group_gets_its_own_result()
    {
        await using var db = await TestDatabase.CreateAsync();

        var results = await WhileWriterIsBusyAsync(db, () => Enumerable.Range(1, 5).Select(i =>
            db.Database.WriteAsync((_, _) => Task.FromResult(i * 10), Ct)).ToArray());

        Assert.Equal(new[] { 10, 20, 30, 40, 50 }, await Task.WhenAll(results));
    }

    [Fact]
    public async Task A_failing_write_rolls_back_alone_and_the_rest_of_its_group_commits()
    {
        await using var db = await TestDatabase.CreateAsync();

        var writes = await WhileWriterIsBusyAsync<int>(db, () =>
        [
            db.Database.WriteAsync((session, token) => AddPartnerAsync(session, "Asha", token), Ct),
            db.Database.WriteAsync<int>(async (session, token) =>
            {
                await AddPartnerAsync(session, "Bilal", token);
                throw new InvalidOperationException("refused");
            }, Ct),
            db.Database.WriteAsync((session, token) => AddPartnerAsync(session, "Chen", token), Ct),
        ]);

        Assert.Equal("refused", writes[1].Exception?.InnerException?.Message);
        Assert.Equal(["Asha", "Chen"], await PartnerNamesAsync(db));
    }

    [Fact]
    public async Task A_write_refused_by_a_unique_index_rolls_back_alone()
    {
        await using var db = await TestDatabase.CreateAsync();

        var writes = await WhileWriterIsBusyAsync<int>(db, () =>
        [
            db.Database.WriteAsync((session, token) => AddPartnerAsync(session, "Asha", token), Ct),
            db.Database.WriteAsync((session, token) => AddPartnerAsync(session, "Asha", token), Ct),
            db.Database.WriteAsync((session, token) => AddPartnerAsync(session, "Bilal", token), Ct),
        ]);

        Assert.True(writes[1].IsFaulted);
        Assert.Equal(["Asha", "Bilal"], await PartnerNamesAsync(db));
    }

    [Fact]
    public async Task A_rolled_back_write_does_not_run_what_it_asked_to_run_after_the_commit()
    {
        await using var db = await TestDatabase.CreateAsync();
        var ran = new List<string>();

        var writes = await WhileWriterIsBusyAsync<int>(db, () =>
        [
            db.Database.WriteAsync((session, _) =>
            {
                session.AfterCommit(() => ran.Add("kept"));
                return Task.FromResult(0);
            }, Ct),
            db.Database.WriteAsync<int>((session, _) =>
            {
                session.AfterCommit(() => ran.Add("rolled back"));
                throw new InvalidOperationException("refused");
            }, Ct),
        ]);

        Assert.True(writes[1].IsFaulted);
        Assert.Equal(["kept"], ran);
    }

    [Fact]
    public async Task No_write_is_reported_written_before_its_group_commits()
    {
        await using var db = await TestDatabase.CreateAsync();
        var holdLast = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<int> first, last;
        await using (await db.Database.BeginWriteAsync(Ct))
        {
            first = db.Database.WriteAsync((session, token) => AddPartnerAsync(session, "Asha", token), Ct);
            last = db.Database.WriteAsync(async (session, token) =>
            {
                lastStarted.SetResult();
                await holdLast.Task.WaitAsync(token);
                return await AddPartnerAsync(session, "Bilal", token);
            }, Ct);
        }

        await lastStarted.Task.WaitAsync(Ct);
        var firstReportedEarly = first.IsCompleted;
        holdLast.SetResult();
        await Task.WhenAll(first, last);

        Assert.False(firstReportedEarly);
    }

    [Fact]
    public async Task When_the_transaction_is_lost_no_write_of_its_group_is_reported_written()
    {
        await using var db = await TestDatabase.CreateAsync();

        var writes = await WhileWriterIsBusyAsync<int>(db, () =>
        [
            db.Database.WriteAsync((session, token) => AddPartnerAsync(session, "Asha", token), Ct),
            db.Database.WriteAsync(async (session, token) =>
            {
                await AddPartnerAsync(session, "Bilal", token);
                await session.Connection.CloseAsync();
                return 0;
            }, Ct),
        ]);

        Assert.All(writes, write => Assert.True(write.IsFaulted));
        Assert.Empty(await PartnerNamesAsync(db));
    }

    [Fact]
    public async Task A_write_whose_commit_cannot_be_synced_to_disk_is_not_reported_written()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Database.WriteAsync((session, token) => AddPartnerAsync(session, "Asha", token), Ct);
        // SQLite keeps writing to the log it has open; the sync after the commit finds no log to sync.
        File.Delete(db.SqliteFile + "-wal");

        var write = db.Database.WriteAsync((session, token) => AddPartnerAsync(session, "Bilal", token), Ct);

        await Assert.ThrowsAsync<FileNotFoundException>(() => write);
    }

    [Fact]
    public async Task A_write_cancelled_while_it_waits_for_the_writer_is_not_run()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var ran = false;

        var writes = await WhileWriterIsBusyAsync<bool>(db, () =>
        {
            var cancelled = db.Database.WriteAsync((_, _) => Task.FromResult(ran = true), cancel.Token);
            cancel.Cancel();
            return [cancelled];
        });

        Assert.True(writes[0].IsCanceled);
        Assert.False(ran);
    }

    [Theory, DatabaseData]
    public async Task A_write_is_committed_when_it_is_reported_written(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        await db.Database.WriteAsync((session, token) => AddPartnerAsync(session, "Asha", token), Ct);

        Assert.Equal(["Asha"], await PartnerNamesAsync(db));
    }

    /// <summary>
    /// Holds the writer while the writes are queued, so that they form one group when it is let go; answers
    /// each write's task once all have ended, however they ended.
    /// </summary>
    private static async Task<Task<T>[]> WhileWriterIsBusyAsync<T>(TestDatabase db, Func<Task<T>[]> queueWrites)
    {
        Task<T>[] writes;
        await using (await db.Database.BeginWriteAsync(Ct))
        {
            writes = queueWrites();
        }

        await Task.WhenAll(writes).ContinueWith(_ => { }, Ct, TaskContinuationOptions.None, TaskScheduler.Default);
        return writes;
    }

    private static Task<int> AddPartnerAsync(DbSession session, string name, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Partners_Create", new
        {
            Id = Guid.NewGuid(),
            Name = name,
            Services = "[]",
            Languages = "[]",
            Regions = "[]",
            ContactName = (string?)null,
            ContactEmail = (string?)null,
            ContactPhone = (string?)null,
            Active = true,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        }, cancellationToken);

    private sealed class Partner
    {
        public string Name { get; init; } = "";
    }

    private static async Task<int> CountPartnersAsync(TestDatabase db) => (await PartnerNamesAsync(db)).Count;

    private static async Task<List<string>> PartnerNamesAsync(TestDatabase db)
    {
        await using var session = await db.Database.OpenAsync(Ct);
        return (await session.QueryAsync<Partner>("Partners_ReadAll", null, Ct)).Select(partner => partner.Name).Order().ToList();
    }
}
