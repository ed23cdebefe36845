namespace Hotline.Api.Tests.CaseStore;

/// <summary>
/// "Take next case" gives a caseworker a person waiting for a reply (never answered, or written since the last reply) before
/// a case back in the queue that was answered and has nothing new from the person, whatever their bands: the answered one
/// waits for nobody (docs/casework.md, "Back in the queue after a reply"). A person who can be written to still comes first,
/// but for a Critical person nobody can write to (ClaimNextCriticalNobodyCanWriteToTests); among those who opted out or went
/// quiet nobody can reply either way, and the band decides as before.
/// </summary>
public sealed class ClaimNextAfterReplyTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory, DatabaseData]
    public async Task Claim_takes_a_person_waiting_for_a_first_reply_before_an_earlier_case_answered_with_nothing_new(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var answered = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.High);
        var waiting = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.High);
        await AnswerAndReleaseAsync(hotline, worker, answered, DeliveryStatuses.Delivered);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(waiting.Id, lease?.Case.Id);
    }

    [Theory, DatabaseData]
    public async Task Releasing_the_waiting_person_again_does_not_hand_out_the_answered_case_in_their_place(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var answered = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.High);
        var waiting = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.High);
        await AnswerAndReleaseAsync(hotline, worker, answered, DeliveryStatuses.Delivered);
        var first = (await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct))!;
        Assert.True(await hotline.Get<CaseQueue>().ReleaseAsync(first.Case.Id, first.LeaseToken, worker.Id, Ct));

        var again = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal((waiting.Id, waiting.Id), (first.Case.Id, again?.Case.Id));
    }

    [Theory, DatabaseData]
    public async Task An_answered_case_competes_by_its_old_place_again_once_the_person_writes(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var answered = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.High);
        await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.High);
        await AnswerAndReleaseAsync(hotline, worker, answered, DeliveryStatuses.Delivered);

        await AddMessageAsync(hotline, answered, MessageDirection.Inbound, null, DeliveryStatuses.Received);
        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(answered.Id, lease?.Case.Id);
    }

    [Theory]
    [DatabaseData("failed")]
    [DatabaseData("undelivered")]
    [DatabaseData("canceled")]
    [DatabaseData("cancelled")]
    public async Task A_reply_that_never_reached_the_person_answered_nobody_and_the_case_keeps_its_place(DatabaseProvider engine, string deliveryStatus)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var replyFailed = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.High);
        await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.High);
        await AnswerAndReleaseAsync(hotline, worker, replyFailed, deliveryStatus);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(replyFailed.Id, lease?.Case.Id);
    }

    [Theory, DatabaseData]
    public async Task A_case_answered_with_nothing_new_is_still_handed_out_when_no_person_waits(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en", "ar");
        var low = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.Low);
        var critical = await QueueWithFirstMessageAsync(hotline, "ar", PriorityBand.Critical);
        await AnswerAndReleaseAsync(hotline, worker, low, DeliveryStatuses.Delivered);
        await AnswerAndReleaseAsync(hotline, worker, critical, DeliveryStatuses.Sent);

        var first = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);
        var second = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal((critical.Id, low.Id), (first?.Case.Id, second?.Case.Id));
    }

    /// <summary>
    /// The rule a supervisor chose: the band says how urgent a person's situation is, but the answered Critical case has had
    /// its reply and waits on nobody (the figures count no Critical waiting), while the Low one's person waits for any word.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_person_waiting_in_a_lower_band_comes_before_a_Critical_case_answered_with_nothing_new(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var critical = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.Critical);
        var low = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.Low);
        await AnswerAndReleaseAsync(hotline, worker, critical, DeliveryStatuses.Delivered);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(low.Id, lease?.Case.Id);
    }

    [Theory, DatabaseData]
    public async Task A_person_waiting_in_another_of_the_caseworkers_languages_comes_before_an_answered_Critical_case(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en", "ar");
        var critical = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.Critical);
        var medium = await QueueWithFirstMessageAsync(hotline, "ar", PriorityBand.Medium);
        await AnswerAndReleaseAsync(hotline, worker, critical, DeliveryStatuses.Delivered);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(medium.Id, lease?.Case.Id);
    }

    [Theory, DatabaseData]
    public async Task A_person_who_can_be_written_to_comes_first_even_when_answered_with_nothing_new(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var answered = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.Low);
        await AnswerAndReleaseAsync(hotline, worker, answered, DeliveryStatuses.Delivered);
        await CaseSeeding.QueueCaseAsync(hotline, "en", PriorityBand.High, ConversationStatus.OptedOut);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(answered.Id, lease?.Case.Id);
    }

    [Theory, DatabaseData]
    public async Task Among_people_nobody_can_write_to_the_band_decides_answered_or_not(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var critical = await QueueWithFirstMessageAsync(hotline, "en", PriorityBand.Critical);
        await AnswerAndReleaseAsync(hotline, worker, critical, DeliveryStatuses.Delivered);
        await OptOutAsync(hotline, critical);
        await CaseSeeding.QueueCaseAsync(hotline, "en", PriorityBand.Low, ConversationStatus.OptedOut);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(critical.Id, lease?.Case.Id);
    }

    /// <summary>A case as the intake queues it: the person's first message is on it.</summary>
    private static async Task<CaseRecord> QueueWithFirstMessageAsync(HotlineApp hotline, string language, PriorityBand priority)
    {
        var queued = await hotline.QueueCaseAsync(language, priority);
        await AddMessageAsync(hotline, queued, MessageDirection.Inbound, null, DeliveryStatuses.Received);
        return queued;
    }

    /// <summary>A caseworker takes the case, replies (the reply then reaches <paramref name="deliveryStatus"/>) and gives it back.</summary>
    private static async Task AnswerAndReleaseAsync(HotlineApp hotline, User worker, CaseRecord queued, string deliveryStatus)
    {
        var lease = (await hotline.Get<CaseQueue>().ClaimAsync(queued.Id, worker.Id, Lease, Ct))!;
        await AddMessageAsync(hotline, queued, MessageDirection.Outbound, worker.Id, deliveryStatus);
        Assert.True(await hotline.Get<CaseQueue>().ReleaseAsync(queued.Id, lease.LeaseToken, worker.Id, Ct));
    }

    private static async Task OptOutAsync(HotlineApp hotline, CaseRecord queued)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var conversation = (await hotline.Get<ConversationRepository>().FindByIdAsync(session, queued.ConversationId, Ct))!;
        Assert.True(await hotline.Get<ConversationRepository>().UpdateAsync(session,
            conversation with { Status = ConversationStatus.OptedOut, StatusReason = "The person sent STOP." }, Ct));
        await session.CommitAsync(Ct);
    }

    private static async Task AddMessageAsync(HotlineApp hotline, CaseRecord queued, MessageDirection direction, Guid? author, string deliveryStatus)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        await hotline.Get<MessageRepository>().AddAsync(session, new Message(Guid.NewGuid(), queued.ConversationId, queued.Id, direction, Channel.Sms,
            null, direction == MessageDirection.Inbound ? "my employer keeps my passport" : "We are here. Are you safe now?", null, 1, author,
            deliveryStatus, hotline.Time.GetUtcNow()), Ct);
        await session.CommitAsync(Ct);
        hotline.Time.Advance(TimeSpan.FromSeconds(1));
    }
}
