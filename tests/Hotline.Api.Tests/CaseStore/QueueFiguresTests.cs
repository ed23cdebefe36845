namespace Hotline.Api.Tests.CaseStore;

/// <summary>
/// What the queue's figures count as a person waiting for a reply, and since when: the console header, the supervisor view
/// and the metrics (by band and by language) read one statement, so they count alike. The clock starts at 10:00:00 and
/// moves a second with each case queued.
/// </summary>
public sealed class QueueFiguresTests
{
    [Theory, DatabaseData]
    public async Task Only_people_who_can_be_written_to_and_are_owed_a_reply_are_waiting_the_rest_are_counted_by_why_not(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await QueueOneOfEachAsync(hotline);
        hotline.Time.SetUtcNow(At(10, 1, 0));
        await using var session = await hotline.Database.OpenAsync(Ct);

        var figures = await hotline.Get<QueueStatisticsReader>().ReadAsync(session, 7, Ct);

        Assert.Equal((7L, 2, 0), (figures.Sequence, figures.Queued, figures.Claimed));
        Assert.Equal(new Dictionary<string, int> { ["Critical"] = 1, ["Low"] = 1 }, figures.QueuedByPriority);
        Assert.Equal(58.0, figures.OldestWaitingSeconds);
        Assert.Equal((1, 1, 1), (figures.Answered, figures.Quiet, figures.OptedOut));
    }

    /// <summary>
    /// Found last session: a Critical person who went quiet (an urgent word after the discreet word) was in no Critical figure,
    /// though what they wrote is Critical work. Their case stays in Quiet (or OptedOut) and out of the wait, and is counted
    /// by band beside it, so the consoles can say "Nothing can be sent to 1 in the queue (1 critical)" without counting it twice.
    /// </summary>
    [Theory, DatabaseData]
    public async Task The_people_nobody_can_write_to_are_counted_by_band_too_so_a_Critical_one_is_not_lost(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await QueueOneOfEachAsync(hotline);
        await using var session = await hotline.Database.OpenAsync(Ct);

        var figures = await hotline.Get<QueueStatisticsReader>().ReadAsync(session, 7, Ct);

        Assert.Equal(new Dictionary<string, int> { ["Critical"] = 1, ["High"] = 1 }, figures.CannotBeWrittenToByPriority);
        Assert.Equal(new Dictionary<string, int> { ["Critical"] = 1, ["Low"] = 1 }, figures.QueuedByPriority);
        Assert.Equal((2, 1, 1), (figures.Queued, figures.Quiet, figures.OptedOut));
    }

    /// <summary>
    /// Found by a newcomer on the supervisor view: two people whose cases were taken and never answered waited 44 s and 5 min in
    /// its table, while "Waiting for a reply" read 0 and "Being answered" counted them. A taken case's person waits by the same
    /// rule as one in the queue; the taken cases are counted by it, and those whose person waits for nothing are apart.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Taken_cases_are_counted_by_the_same_wait_as_the_queue_and_those_whose_person_waits_are_not_being_answered(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await QueueOneOfEachAsync(hotline);
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en", "hi", "ar", "ne");
        while (await hotline.Get<CaseQueue>().ClaimNextAsync(caseworker.Id, TimeSpan.FromMinutes(30), Ct) is not null)
        {
        }
        hotline.Time.SetUtcNow(At(10, 1, 0));
        await using var session = await hotline.Database.OpenAsync(Ct);

        var figures = await hotline.Get<QueueStatisticsReader>().ReadAsync(session, 7, Ct);

        Assert.Equal((0, 0, 0, 0, 5), (figures.Queued, figures.Answered, figures.Quiet, figures.OptedOut, figures.Claimed));
        Assert.Equal((2, 3), (figures.Taken.Waiting, figures.Taken.BeingAnswered));
        Assert.Equal(new Dictionary<string, int> { ["Critical"] = 1, ["Low"] = 1 }, figures.Taken.WaitingByPriority);
        Assert.Equal(58.0, figures.Taken.OldestWaitingSeconds);
        Assert.Equal(new Dictionary<string, int> { ["Critical"] = 1, ["High"] = 1 }, figures.Taken.CannotBeWrittenToByPriority);
    }

    [Theory, DatabaseData]
    public async Task The_metrics_count_every_case_of_a_band_and_those_nobody_can_write_to_but_by_language_only_the_people_waiting(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await QueueOneOfEachAsync(hotline);
        await using var session = await hotline.Database.OpenAsync(Ct);

        var waits = await hotline.Get<QueueStatisticsReader>().ReadWaitsAsync(session, Ct);

        Assert.Equal(
            [
                new WaitingBand(PriorityBand.Low, 1, 0, At(10, 0, 6)),
                new WaitingBand(PriorityBand.Medium, 1, 0, null),
                new WaitingBand(PriorityBand.High, 1, 1, null),
                new WaitingBand(PriorityBand.Critical, 2, 1, At(10, 0, 2)),
            ],
            waits.Bands);
        Assert.Equal([new WaitingLanguage("en", 1, At(10, 0, 2)), new WaitingLanguage("hi", 1, At(10, 0, 6))], waits.Languages);
    }

    /// <summary>
    /// A console that connects is given the figures read less than a second before, as of their own sequence, rather than a
    /// read of every open case: after a restart every console reconnects at once. The stream sends anything newer.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_connecting_console_gets_the_figures_of_the_last_second_and_after_it_a_fresh_read(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await QueueOneOfEachAsync(hotline);
        var reader = hotline.Get<QueueStatisticsReader>();
        await using var session = await hotline.Database.OpenAsync(Ct);
        await reader.ReadAsync(session, 7, Ct);
        await hotline.QueueCaseAsync(hotline.NextPhone(), "en", PriorityBand.High);

        hotline.Time.Advance(TimeSpan.FromMilliseconds(900));
        var withinTheSecond = await reader.ReadForConnectingAsync(session, 8, Ct);
        hotline.Time.Advance(TimeSpan.FromMilliseconds(100));
        var afterIt = await reader.ReadForConnectingAsync(session, 8, Ct);

        Assert.Equal((7L, 2), (withinTheSecond.Sequence, withinTheSecond.Queued));
        Assert.Equal((8L, 3), (afterIt.Sequence, afterIt.Queued));
    }

    /// <summary>
    /// 10:00:00 Critical, Arabic, the person said it is not safe now (quiet); 10:00:01 High, Nepali, sent STOP; 10:00:02
    /// Critical, English, nobody answered yet; 10:00:03 Medium, English, answered at 10:00:05 and nothing since; 10:00:04 Low,
    /// Hindi, answered at 10:00:05, the person wrote again at 10:00:06 and 10:00:07. A second caseworker reply that failed
    /// answered nobody; the clock is then at 10:00:08.
    /// </summary>
    private static async Task QueueOneOfEachAsync(HotlineApp hotline)
    {
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en", "hi");
        await SetConversationStatusAsync(hotline, await hotline.QueueCaseAsync("ar", PriorityBand.Critical), ConversationStatus.Quiet,
            "The person said it is not safe to text now.");
        await SetConversationStatusAsync(hotline, await hotline.QueueCaseAsync("ne", PriorityBand.High), ConversationStatus.OptedOut,
            "The person sent STOP.");
        await hotline.QueueCaseAsync("en", PriorityBand.Critical);
        var answered = await hotline.QueueCaseAsync("en", PriorityBand.Medium);
        var wroteAgain = await hotline.QueueCaseAsync("hi", PriorityBand.Low);
        await AddMessageAsync(hotline, answered, MessageDirection.Outbound, caseworker.Id, "sent", At(10, 0, 5));
        await AddMessageAsync(hotline, wroteAgain, MessageDirection.Outbound, caseworker.Id, "delivered", At(10, 0, 5));
        await AddMessageAsync(hotline, wroteAgain, MessageDirection.Inbound, null, "received", At(10, 0, 6));
        await AddMessageAsync(hotline, wroteAgain, MessageDirection.Inbound, null, "received", At(10, 0, 7));
        await AddMessageAsync(hotline, wroteAgain, MessageDirection.Outbound, caseworker.Id, "failed", At(10, 0, 8));
        hotline.Time.SetUtcNow(At(10, 0, 8));
    }

    private static DateTimeOffset At(int hour, int minute, int second) =>
        new(2026, 11, 27, hour, minute, second, TimeSpan.Zero);

    private static async Task SetConversationStatusAsync(HotlineApp hotline, CaseRecord queued, ConversationStatus status, string reason)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var conversation = (await hotline.Get<ConversationRepository>().FindByIdAsync(session, queued.ConversationId, Ct))!;
        Assert.True(await hotline.Get<ConversationRepository>().UpdateAsync(session, conversation with { Status = status, StatusReason = reason }, Ct));
        await session.CommitAsync(Ct);
    }

    private static async Task AddMessageAsync(HotlineApp hotline, CaseRecord @case, MessageDirection direction, Guid? author, string status,
        DateTimeOffset at)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        await hotline.Get<MessageRepository>().AddAsync(session, new Message(Guid.NewGuid(), @case.ConversationId, @case.Id, direction,
            Hotline.Bot.Channels.Channel.Sms, direction == MessageDirection.Inbound ? $"SM{Guid.NewGuid():N}" : null, "text", null, 1, author,
            status, at), Ct);
        await session.CommitAsync(Ct);
    }
}
