namespace Hotline.Api.Tests.CaseStore;

/// <summary>
/// A person who has just said they are in danger right now (reason <c>immediate_danger</c>) or written an urgent word (reason
/// <c>urgent_word</c>) or a distress word (<c>distress_word</c>) is the next case: within each step of "Take next case", such
/// a Critical case comes before the other Critical cases, then the band, then the place in the queue (docs/casework.md, "Take
/// next, take this one"). Found walking the product: an English intake with many indicators but danger answered "no"
/// (Critical, 115) was handed out before an Arabic intake queued a minute later whose person answered danger "yes" (Critical,
/// 120). The clock moves a minute with each case queued.
/// </summary>
public sealed class ClaimNextInDangerNowTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    // Threats 30, not free to leave 25, documents 20, wages 15, isolated 15, deceived 10: Critical by score alone.
    private static readonly string[] ManyIndicatorsNoDanger =
        ["threats_or_violence", "not_free_to_leave", "documents_retained", "wages_withheld", "isolated", "deceived_about_job"];

    [Theory, DatabaseData]
    public async Task A_person_who_answered_danger_yes_is_taken_before_an_earlier_Critical_person_who_answered_no(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en", "ar");
        var manyIndicators = await QueueAsync(hotline, "en", 115, ManyIndicatorsNoDanger);
        var inDanger = await QueueAsync(hotline, "ar", 120, "immediate_danger", "documents_retained");

        var order = await ClaimAllAsync(hotline, worker);

        Assert.Equal([inDanger.Id, manyIndicators.Id], order);
    }

    [Theory, DatabaseData]
    public async Task A_person_who_wrote_an_urgent_word_is_taken_before_an_earlier_Critical_person_of_the_same_language(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var manyIndicators = await QueueAsync(hotline, "en", 115, ManyIndicatorsNoDanger);
        var urgentWord = await QueueAsync(hotline, "en", 100, "urgent_word");

        var order = await ClaimAllAsync(hotline, worker);

        Assert.Equal([urgentWord.Id, manyIndicators.Id], order);
    }

    /// <summary>
    /// A distress word ("help me", "sos", गुहार) tells the phone to call the emergency number now: the queue takes it as it takes
    /// an urgent word (DistressWordTakeNextTests plays it through the webhook).
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_person_who_wrote_a_distress_word_is_taken_before_an_earlier_Critical_person_who_answered_danger_no(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "ne");
        var manyIndicators = await QueueAsync(hotline, "ne", 115, ManyIndicatorsNoDanger);
        var distressWord = await QueueAsync(hotline, "ne", 100, "distress_word");

        var order = await ClaimAllAsync(hotline, worker);

        Assert.Equal([distressWord.Id, manyIndicators.Id], order);
    }

    /// <summary>The intake raises a waiting case when the person writes an urgent word: from then on it is taken first.</summary>
    [Theory, DatabaseData]
    public async Task A_case_raised_by_an_urgent_word_while_it_waits_is_taken_before_an_earlier_Critical_case(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var manyIndicators = await QueueAsync(hotline, "en", 115, ManyIndicatorsNoDanger);
        var raised = await QueueAsync(hotline, "en", 20, "documents_retained");
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            await hotline.Get<CaseQueue>().ChangePriorityAsync(session, raised.Id, PriorityBand.Critical, 120, ["urgent_word", "documents_retained"], Ct);
            await session.CommitAsync(Ct);
        }

        var order = await ClaimAllAsync(hotline, worker);

        Assert.Equal([raised.Id, manyIndicators.Id], order);
    }

    /// <summary>
    /// Being in danger orders Critical cases within a step; it does not move a case across steps: a person nobody can write to
    /// now (went quiet) who wrote an urgent word still follows the Critical people waiting for a reply, and comes before the
    /// Critical people nobody can write to who did not.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_person_in_danger_nobody_can_write_to_follows_the_Critical_people_waiting_and_leads_the_others_nobody_can_write_to(
        DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var quietCritical = await QueueAsync(hotline, "en", 115, ManyIndicatorsNoDanger);
        var quietInDanger = await QueueAsync(hotline, "en", 100, "urgent_word");
        var waitingCritical = await QueueAsync(hotline, "en", 115, ManyIndicatorsNoDanger);
        await GoQuietAsync(hotline, quietCritical);
        await GoQuietAsync(hotline, quietInDanger);

        var order = await ClaimAllAsync(hotline, worker);

        Assert.Equal([waitingCritical.Id, quietInDanger.Id, quietCritical.Id], order);
    }

    /// <summary>Every band in one language, each queued before the one it should follow.</summary>
    [Theory, DatabaseData]
    public async Task People_waiting_are_taken_in_danger_first_then_by_band_then_by_place(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var low = await QueueAsync(hotline, "en", 0);
        var high = await QueueAsync(hotline, "en", 45, "danger_unclear");
        var laterCritical = await QueueAsync(hotline, "en", 115, ManyIndicatorsNoDanger);
        var urgentWord = await QueueAsync(hotline, "en", 100, "urgent_word");
        var dangerYes = await QueueAsync(hotline, "en", 100, "immediate_danger");

        var order = await ClaimAllAsync(hotline, worker);

        Assert.Equal([urgentWord.Id, dangerYes.Id, laterCritical.Id, high.Id, low.Id], order);
    }

    [Theory, DatabaseData]
    public async Task With_nobody_in_the_queue_take_next_gives_nothing(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en", "ar");

        Assert.Null(await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct));
    }

    /// <summary>Queues a case as the intake would, with its score and reasons; the band is the triage table's for them.</summary>
    private static async Task<CaseRecord> QueueAsync(HotlineApp hotline, string language, int score, params string[] reasons)
    {
        var band = reasons.Contains("immediate_danger") || reasons.Contains("urgent_word") || reasons.Contains("distress_word") || score >= 80
            ? PriorityBand.Critical
            : score >= 45 ? PriorityBand.High
            : score >= 15 ? PriorityBand.Medium
            : PriorityBand.Low;
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var conversation = await hotline.Get<ConversationRepository>().CreateAsync(session, hotline.NextPhone(), language, Ct);
        var queued = await hotline.Get<CaseQueue>().EnqueueAsync(session, new NewCase(conversation.Id, language, band, score, reasons), Ct);
        await session.CommitAsync(Ct);
        hotline.Time.Advance(TimeSpan.FromMinutes(1));
        return queued;
    }

    private static async Task GoQuietAsync(HotlineApp hotline, CaseRecord queued)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var conversation = (await hotline.Get<ConversationRepository>().FindByIdAsync(session, queued.ConversationId, Ct))!;
        Assert.True(await hotline.Get<ConversationRepository>().UpdateAsync(session,
            conversation with { Status = ConversationStatus.Quiet, StatusReason = "The person used the discreet word." }, Ct));
        await session.CommitAsync(Ct);
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
}
