namespace Hotline.Api.Tests.Statistics;

public sealed class StatisticsProjectionTests
{
    private const string Month = "2026-11";

    private static async Task<long> CounterAsync(HotlineApp hotline, string dimension, string value)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await session.Connection.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(Count), 0) FROM StatisticsCounts WHERE Month = @Month AND Dimension = @Dimension AND Value = @Value",
            new { Month, Dimension = dimension, Value = value });
    }

    [Theory, DatabaseData]
    public async Task Each_case_is_counted_once_under_each_of_its_dimensions(DatabaseProvider provider)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(provider);
        await hotline.QueueCaseAsync("ne", PriorityBand.High, "documents_retained", "debt_to_employer", "dependent_on_employer");
        await hotline.QueueCaseAsync("ne", PriorityBand.Low);
        var projection = hotline.Get<StatisticsProjection>();

        var progress = await projection.CatchUpAsync(10, Ct);

        Assert.True(progress.UpToDate);
        Assert.Equal(2, await CounterAsync(hotline, StatisticsKeys.CaseLanguage, "ne"));
        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CasePriority, "High"));
        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CaseIndicator, "debt_bondage"));
        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CaseIndicator, "abuse_of_vulnerability"));
        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CaseIndicator, StatisticsKeys.NoIndicator));
        Assert.Equal(2, await CounterAsync(hotline, StatisticsKeys.CaseChannel, "Sms"));
    }

    [Theory, DatabaseData]
    public async Task Counting_the_same_events_again_counts_nothing_twice(DatabaseProvider provider)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(provider);
        await hotline.QueueCaseAsync("ne", PriorityBand.High);
        var projection = hotline.Get<StatisticsProjection>();
        await projection.CatchUpAsync(10, Ct);
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            await session.Connection.ExecuteAsync("UPDATE StatisticsCheckpoints SET LastSequence = 0", transaction: null);
            await session.CommitAsync(Ct);
        }

        await projection.CatchUpAsync(10, Ct);

        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CaseLanguage, "ne"));
    }

    [Theory, DatabaseData]
    public async Task Two_instances_counting_at_once_count_each_case_once(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        for (var i = 0; i < 30; i++)
        {
            await hotline.QueueCaseAsync("bn", PriorityBand.Medium);
        }

        var first = ActivatorUtilities.CreateInstance<StatisticsProjection>(hotline.Services);
        var second = ActivatorUtilities.CreateInstance<StatisticsProjection>(hotline.Services);

        await Task.WhenAll(first.CatchUpAsync(100, Ct), second.CatchUpAsync(100, Ct), first.CatchUpAsync(100, Ct));

        Assert.Equal(30, await CounterAsync(hotline, StatisticsKeys.CaseLanguage, "bn"));
    }

    [Theory, DatabaseData]
    public async Task A_closed_case_moves_from_open_to_its_outcome_code(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "ne");
        var projection = hotline.Get<StatisticsProjection>();
        foreach (var outcome in new[] { "resolved", "declined_help" })
        {
            var queued = await hotline.QueueCaseAsync("ne", PriorityBand.High);
            await projection.CatchUpAsync(10, Ct);
            var lease = (await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, TimeSpan.FromMinutes(5), Ct))!;
            Assert.True((await hotline.Get<CaseActions>().CloseAsync(worker, queued.Id, lease.LeaseToken, outcome, null, Ct)).Value);
        }

        await projection.CatchUpAsync(10, Ct);

        Assert.Equal(0, await CounterAsync(hotline, StatisticsKeys.CaseOutcome, "open"));
        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CaseOutcome, "resolved"));
        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CaseOutcome, "declined_help"));
    }

    /// <summary>
    /// A month is final once its days after it are over (none here), but what happened while it was provisional still counts
    /// there when it is counted after: a case opened a second before December, raised to Critical a few seconds into it and
    /// both counted together, is November's (as it stood when counted; a reader in December had not seen November without
    /// it, since the page counts first).
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_case_opened_at_the_end_of_a_month_and_counted_after_it_is_counted_in_its_month(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine, new Dictionary<string, string?> { ["Hotline:Statistics:FinalAfterDays"] = "0" });
        hotline.Time.Advance(new DateTimeOffset(2026, 11, 30, 23, 59, 58, TimeSpan.Zero) - hotline.Time.GetUtcNow());
        var queued = await hotline.QueueCaseAsync("ne", PriorityBand.High);
        hotline.Time.Advance(TimeSpan.FromSeconds(5));
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            await hotline.Get<CaseQueue>().ChangePriorityAsync(session, queued.Id, PriorityBand.Critical, 90, ["threats"], Ct);
            await session.CommitAsync(Ct);
        }

        await hotline.Get<StatisticsProjection>().CatchUpAsync(10, Ct);

        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CaseLanguage, "ne"));
        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CasePriority, "Critical"));
    }

    [Theory, DatabaseData]
    public async Task A_caseworkers_first_reply_moves_the_case_into_the_band_of_its_waiting_time(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "ne");
        var queued = await hotline.QueueCaseAsync("ne", PriorityBand.High);
        var projection = hotline.Get<StatisticsProjection>();
        await projection.CatchUpAsync(10, Ct);
        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CaseFirstResponse, StatisticsKeys.NotYet));

        hotline.Time.Advance(TimeSpan.FromMinutes(20));
        var reply = await ReplyAsync(hotline, queued, worker, "pending");
        await SentAsync(hotline, reply, "SM-first");

        await projection.CatchUpAsync(10, Ct);

        Assert.Equal(0, await CounterAsync(hotline, StatisticsKeys.CaseFirstResponse, StatisticsKeys.NotYet));
        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CaseFirstResponse, "15_to_60_min"));
    }

    [Theory, DatabaseData]
    public async Task A_reply_Twilio_refused_or_never_delivered_is_no_first_reply_and_the_first_reply_sent_is(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "ne");
        var queued = await hotline.QueueCaseAsync("ne", PriorityBand.High);
        var projection = hotline.Get<StatisticsProjection>();
        hotline.Time.Advance(TimeSpan.FromMinutes(20));
        await ReplyAsync(hotline, queued, worker, "failed");
        hotline.Time.Advance(TimeSpan.FromMinutes(10));
        var undelivered = await ReplyAsync(hotline, queued, worker, "pending");
        await SentAsync(hotline, undelivered, "SM-undelivered");
        await hotline.Get<DeliveryRecorder>().RecordCallbackAsync(Channel.Sms, "SM-undelivered", "undelivered", "30003", windowClosed: false, Ct);

        await projection.CatchUpAsync(10, Ct);

        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CaseFirstResponse, StatisticsKeys.NotYet));
        Assert.Equal(0, await CounterAsync(hotline, StatisticsKeys.CaseFirstResponse, "15_to_60_min"));

        hotline.Time.Advance(TimeSpan.FromMinutes(90));
        var delivered = await ReplyAsync(hotline, queued, worker, "pending");
        await SentAsync(hotline, delivered, "SM-delivered");

        await projection.CatchUpAsync(10, Ct);

        Assert.Equal(0, await CounterAsync(hotline, StatisticsKeys.CaseFirstResponse, StatisticsKeys.NotYet));
        Assert.Equal(1, await CounterAsync(hotline, StatisticsKeys.CaseFirstResponse, "1_to_4_h"));
    }

    /// <summary>A caseworker's reply as the console stores it, in the state the outbox left it.</summary>
    private static async Task<Message> ReplyAsync(HotlineApp hotline, CaseRecord queued, User worker, string deliveryStatus)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var message = new Message(Guid.NewGuid(), queued.ConversationId, queued.Id, MessageDirection.Outbound, Channel.Sms, null,
            "We are here to help.", null, 1, worker.Id, deliveryStatus, hotline.Time.GetUtcNow());
        await hotline.Get<MessageRepository>().AddAsync(session, message, Ct);
        await hotline.Get<CaseEventLog>().AppendAsync(session, queued.Id, CaseEventTypes.ReplyQueued, new { MessageId = message.Id }, worker.Id, Ct);
        await session.CommitAsync(Ct);
        return message;
    }

    /// <summary>Twilio accepted the reply (what the dispatcher records on a 201).</summary>
    private static async Task SentAsync(HotlineApp hotline, Message reply, string sid)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        await hotline.Get<DeliveryRecorder>().RecordSentAsync(session, reply, sid, "queued", hotline.Time.GetUtcNow(), Ct);
        await session.CommitAsync(Ct);
    }
}
