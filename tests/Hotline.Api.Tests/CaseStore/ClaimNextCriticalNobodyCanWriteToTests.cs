namespace Hotline.Api.Tests.CaseStore;

/// <summary>
/// A person who went quiet (the discreet word, "not safe") or opted out, and whose case is Critical (an urgent word written
/// after it), cannot be written to, but a caseworker can read what they wrote, refer the case to a partner and be ready the
/// moment they say it is safe. "Take next case" gives such a case after the Critical people waiting for a reply and before
/// every other case; the other bands keep their order: waiting, answered with nothing new, nobody can write to them
/// (docs/casework.md, "Take next, take this one"). The clock moves a second with each case queued.
/// </summary>
public sealed class ClaimNextCriticalNobodyCanWriteToTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory]
    [DatabaseData(ConversationStatus.Quiet)]
    [DatabaseData(ConversationStatus.OptedOut)]
    public async Task A_Critical_person_nobody_can_write_to_comes_before_a_High_person_waiting_for_a_reply(DatabaseProvider engine,
        ConversationStatus status)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var waitingHigh = await hotline.QueueCaseAsync("en", PriorityBand.High);
        var silentCritical = await QueueNobodyCanWriteToAsync(hotline, "en", PriorityBand.Critical, status);

        var first = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);
        var second = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal((silentCritical.Id, waitingHigh.Id), (first?.Case.Id, second?.Case.Id));
    }

    [Theory, DatabaseData]
    public async Task A_Critical_person_waiting_for_a_reply_comes_before_an_earlier_Critical_person_nobody_can_write_to(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var silentCritical = await QueueNobodyCanWriteToAsync(hotline, "en", PriorityBand.Critical, ConversationStatus.Quiet);
        var waitingCritical = await hotline.QueueCaseAsync("en", PriorityBand.Critical);

        var first = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);
        var second = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal((waitingCritical.Id, silentCritical.Id), (first?.Case.Id, second?.Case.Id));
    }

    /// <summary>Each language's queue has its own head: the Critical person nobody can write to must win across languages too.</summary>
    [Theory, DatabaseData]
    public async Task A_Critical_person_nobody_can_write_to_in_one_language_comes_before_a_person_waiting_in_another(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en", "ar");
        var waitingHigh = await hotline.QueueCaseAsync("en", PriorityBand.High);
        var waitingMedium = await hotline.QueueCaseAsync("ar", PriorityBand.Medium);
        var silentCritical = await QueueNobodyCanWriteToAsync(hotline, "ar", PriorityBand.Critical, ConversationStatus.Quiet);

        var order = await ClaimAllAsync(hotline, worker);

        Assert.Equal([silentCritical.Id, waitingHigh.Id, waitingMedium.Id], order);
    }

    /// <summary>
    /// The answered Critical case has had its reply and a caseworker has read it; the one nobody can write to may have an
    /// urgent word nobody has read yet.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_Critical_person_nobody_can_write_to_comes_before_an_earlier_Critical_case_answered_with_nothing_new(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var answeredCritical = await hotline.QueueCaseAsync("en", PriorityBand.Critical);
        await AnswerAndReleaseAsync(hotline, worker, answeredCritical);
        var silentCritical = await QueueNobodyCanWriteToAsync(hotline, "en", PriorityBand.Critical, ConversationStatus.OptedOut);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(silentCritical.Id, lease?.Case.Id);
    }

    /// <summary>
    /// Every kind of case in one language, each queued before the one it should follow: waiting Critical, Critical nobody can
    /// write to, waiting High, waiting Low, answered Critical, answered High, quiet High, opted-out Low.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Take_next_hands_out_the_whole_queue_in_the_order_of_the_rule(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var optedOutLow = await QueueNobodyCanWriteToAsync(hotline, "en", PriorityBand.Low, ConversationStatus.OptedOut);
        var quietHigh = await QueueNobodyCanWriteToAsync(hotline, "en", PriorityBand.High, ConversationStatus.Quiet);
        var answeredHigh = await hotline.QueueCaseAsync("en", PriorityBand.High);
        var answeredCritical = await hotline.QueueCaseAsync("en", PriorityBand.Critical);
        var waitingLow = await hotline.QueueCaseAsync("en", PriorityBand.Low);
        var waitingHigh = await hotline.QueueCaseAsync("en", PriorityBand.High);
        var silentCritical = await QueueNobodyCanWriteToAsync(hotline, "en", PriorityBand.Critical, ConversationStatus.Quiet);
        var waitingCritical = await hotline.QueueCaseAsync("en", PriorityBand.Critical);
        await AnswerAndReleaseAsync(hotline, worker, answeredHigh);
        await AnswerAndReleaseAsync(hotline, worker, answeredCritical);

        var order = await ClaimAllAsync(hotline, worker);

        Assert.Equal(
            [waitingCritical.Id, silentCritical.Id, waitingHigh.Id, waitingLow.Id, answeredCritical.Id, answeredHigh.Id, quietHigh.Id, optedOutLow.Id],
            order);
    }

    private static async Task<List<Guid>> ClaimAllAsync(HotlineApp hotline, User worker)
    {
        var order = new List<Guid>();
        while (await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct) is { } lease)
        {
            order.Add(lease.Case.Id);
        }

        return order;
    }

    private static async Task<CaseRecord> QueueNobodyCanWriteToAsync(HotlineApp hotline, string language, PriorityBand priority,
        ConversationStatus status)
    {
        var queued = await hotline.QueueCaseAsync(language, priority);
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var conversation = (await hotline.Get<ConversationRepository>().FindByIdAsync(session, queued.ConversationId, Ct))!;
        var reason = status == ConversationStatus.Quiet ? "The person used the discreet word." : "The person sent STOP.";
        Assert.True(await hotline.Get<ConversationRepository>().UpdateAsync(session, conversation with { Status = status, StatusReason = reason }, Ct));
        await session.CommitAsync(Ct);
        return queued;
    }

    /// <summary>A caseworker takes the case, replies (delivered) and gives it back: the person has nothing new since.</summary>
    private static async Task AnswerAndReleaseAsync(HotlineApp hotline, User worker, CaseRecord queued)
    {
        var lease = (await hotline.Get<CaseQueue>().ClaimAsync(queued.Id, worker.Id, Lease, Ct))!;
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            await hotline.Get<MessageRepository>().AddAsync(session, new Message(Guid.NewGuid(), queued.ConversationId, queued.Id,
                MessageDirection.Outbound, Channel.Sms, null, "We are here. Are you safe now?", null, 1, worker.Id, DeliveryStatuses.Delivered,
                hotline.Time.GetUtcNow()), Ct);
            await session.CommitAsync(Ct);
        }

        Assert.True(await hotline.Get<CaseQueue>().ReleaseAsync(queued.Id, lease.LeaseToken, worker.Id, Ct));
    }
}
