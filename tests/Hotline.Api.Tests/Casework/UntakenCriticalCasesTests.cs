using Hotline.Api.Inbound;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// Since when a Critical case in the queue whose person nobody can write to has gone untaken: the age behind
/// <c>hotline_queue_oldest_untaken_critical_cannot_be_written_to_seconds</c> and the alert that pages past 10 minutes. Each
/// case is queued at 10:00:00 on the parts clock; the steps that follow are a minute apart, and the case events are written
/// as the hotline writes them (the turn applier, the queue's claim and release).
/// </summary>
public sealed class UntakenCriticalCasesTests
{
    [Theory, DatabaseData]
    public async Task A_Critical_person_who_went_quiet_and_whom_nobody_has_taken_is_untaken_since_they_went_quiet(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");

        await GoQuietAsync(hotline, queued, At(10, 1));

        Assert.Equal(At(10, 1), await OldestUntakenSinceAsync(hotline));
    }

    /// <summary>
    /// Found this session: a caseworker took the case, read the urgent word, called a partner and released it, the person
    /// still waiting until it is safe to write; the alert counted the case in the queue and paged again 10 minutes later,
    /// and every 10 minutes after, for as long as the person stayed quiet.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Taken_by_a_caseworker_then_released_while_the_person_stays_quiet_it_is_no_longer_untaken(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        await GoQuietAsync(hotline, queued, At(10, 1));

        await TakeAndReleaseAsync(hotline, queued, caseworker, At(10, 5));

        Assert.Null(await OldestUntakenSinceAsync(hotline));
    }

    [Theory, DatabaseData]
    public async Task Taken_and_released_then_quiet_again_after_writing_it_is_untaken_since_the_new_quiet(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        await GoQuietAsync(hotline, queued, At(10, 1));
        await TakeAndReleaseAsync(hotline, queued, caseworker, At(10, 5));

        await WriteAgainAsync(hotline, queued, At(10, 20));
        await GoQuietAsync(hotline, queued, At(10, 21));

        Assert.Equal(At(10, 21), await OldestUntakenSinceAsync(hotline));
    }

    [Theory, DatabaseData]
    public async Task Taken_and_released_then_another_urgent_word_while_quiet_it_is_untaken_since_the_word(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        await GoQuietAsync(hotline, queued, At(10, 1));
        await TakeAndReleaseAsync(hotline, queued, caseworker, At(10, 5));

        await ApplyAsync(hotline, queued, At(10, 30), conversation => conversation, [new UrgentWordMatched("beats", "en")], wokeUp: false);

        Assert.Equal(At(10, 30), await OldestUntakenSinceAsync(hotline));
    }

    /// <summary>A caseworker who held the case when the person went quiet had it before them; a caseworker's claim returned
    /// when their account was disabled is nobody reading it.</summary>
    [Theory, DatabaseData]
    public async Task Held_when_the_person_went_quiet_then_returned_with_the_account_disabled_it_is_untaken_since_the_quiet(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        hotline.Time.SetUtcNow(At(10, 1));
        Assert.NotNull(await hotline.Get<CaseQueue>().ClaimAsync(queued.Id, caseworker.Id, TimeSpan.FromMinutes(15), Ct));

        await GoQuietAsync(hotline, queued, At(10, 2));
        await ReturnClaimsOfAsync(hotline, caseworker, At(10, 3));

        Assert.Equal(At(10, 2), await OldestUntakenSinceAsync(hotline));
    }

    /// <summary>Found in review: STOP after the quiet is the person still out of reach, not a new start.</summary>
    [Theory, DatabaseData]
    public async Task A_Critical_person_quiet_then_opted_out_is_untaken_since_the_quiet(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        await GoQuietAsync(hotline, queued, At(10, 1));

        await OptOutAsync(hotline, queued, At(10, 3));

        Assert.Equal(At(10, 1), await OldestUntakenSinceAsync(hotline));
    }

    /// <summary>
    /// Found in review: a person quiet before their case was opened (an urgent word written while quiet opens it, Critical)
    /// who then sent STOP was untaken only since the STOP: the replay took their first change of status, to opted out, for
    /// one from a person who could be written to.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_case_opened_Critical_while_the_person_was_quiet_then_opted_out_is_untaken_since_it_was_opened(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var conversation = await QuietConversationAsync(hotline, At(10, 0));
        var opened = await ApplyToAsync(hotline, conversation, null, At(10, 2), c => c,
            [new CaseRequested(PriorityBand.Critical, 100, ["urgent_word"]), new UrgentWordMatched("beats", "en")], wokeUp: false);
        var queued = await ReadCaseAsync(hotline, opened!.Value);

        await OptOutAsync(hotline, queued, At(10, 3));

        Assert.Equal(At(10, 2), await OldestUntakenSinceAsync(hotline));
    }

    /// <summary>
    /// Found in review: START from a person waiting to say it is safe is answered with the safety question, and the one turn
    /// writes two changes of status, active then quiet, at one instant: the replay read the first as the person writable,
    /// which restarted the clock, though nobody could write to them at any moment.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Quiet_then_STOP_then_START_answered_with_the_safety_question_is_untaken_since_the_quiet(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        await GoQuietAsync(hotline, queued, At(10, 1));
        await OptOutAsync(hotline, queued, At(10, 3));

        await ApplyAsync(hotline, queued, At(10, 5), conversation => conversation,
            [new OptedIn("START"), new WaitsUntilSafe(null)], wokeUp: false);

        Assert.Equal(At(10, 1), await OldestUntakenSinceAsync(hotline));
    }

    /// <summary>
    /// Found in review: a caseworker's claim that ran out with nothing done under it (her laptop closed; the console renews
    /// a claim by itself while it shows the case) stopped the clock, and the case went back to the queue as if taken.
    /// </summary>
    [Theory, DatabaseData]
    public async Task A_claim_that_lapsed_with_nothing_done_leaves_it_untaken_since_the_quiet(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        await GoQuietAsync(hotline, queued, At(10, 1));
        hotline.Time.SetUtcNow(At(10, 5));
        var lease = await hotline.Get<CaseQueue>().ClaimAsync(queued.Id, caseworker.Id, TimeSpan.FromMilliseconds(300), Ct);
        Assert.NotNull(lease);
        Assert.NotNull(await hotline.Get<CaseQueue>().ExtendAsync(queued.Id, lease.LeaseToken, caseworker.Id, TimeSpan.FromMilliseconds(300), Ct));

        await Task.Delay(TimeSpan.FromMilliseconds(700), Ct);
        hotline.Time.SetUtcNow(At(10, 20));
        Assert.Equal(1, await hotline.Get<CaseQueue>().RequeueExpiredLeasesAsync(Ct));

        Assert.Equal(At(10, 1), await OldestUntakenSinceAsync(hotline));
    }

    /// <summary>
    /// Found in review: a hand-over stopped the clock for good. Handed to a colleague who never opened it, whose claim then ran
    /// out, the case was back in the queue as if taken; a hand-over moves the claim, and what counts is the colleague acting.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Handed_to_a_colleague_whose_claim_lapsed_with_nothing_done_it_is_untaken_since_the_quiet(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var first = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var second = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        await GoQuietAsync(hotline, queued, At(10, 1));
        hotline.Time.SetUtcNow(At(10, 5));
        var lease = await hotline.Get<CaseQueue>().ClaimAsync(queued.Id, first.Id, TimeSpan.FromMinutes(15), Ct);
        Assert.NotNull(lease);
        Assert.NotNull(await hotline.Get<CaseQueue>().TransferToUserAsync(queued.Id, lease.LeaseToken, first.Id, second.Id, TimeSpan.FromMilliseconds(300), Ct));

        await Task.Delay(TimeSpan.FromMilliseconds(700), Ct);
        hotline.Time.SetUtcNow(At(10, 20));
        Assert.Equal(1, await hotline.Get<CaseQueue>().RequeueExpiredLeasesAsync(Ct));

        Assert.Equal(At(10, 1), await OldestUntakenSinceAsync(hotline));
    }

    /// <summary>
    /// A supervisor's take-over moves the claim, as a hand-over does: the take-over as first written stopped the clock for good,
    /// so a case she took over from a caseworker gone home, and whose claim then ran out with nothing done, was back in the queue
    /// as if someone had read its urgent word.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Taken_over_by_a_supervisor_whose_claim_lapsed_with_nothing_done_it_is_untaken_since_the_quiet(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var supervisor = await hotline.AddUserAsync(UserRole.Supervisor, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        await GoQuietAsync(hotline, queued, At(10, 1));
        hotline.Time.SetUtcNow(At(10, 5));
        Assert.NotNull(await hotline.Get<CaseQueue>().ClaimAsync(queued.Id, caseworker.Id, TimeSpan.FromMinutes(15), Ct));
        Assert.Equal(caseworker.Id, await hotline.Get<CaseQueue>().TakeOverAsync(queued.Id, supervisor.Id, TimeSpan.FromMilliseconds(300), Ct));

        await Task.Delay(TimeSpan.FromMilliseconds(700), Ct);
        hotline.Time.SetUtcNow(At(10, 20));
        Assert.Equal(1, await hotline.Get<CaseQueue>().RequeueExpiredLeasesAsync(Ct));

        Assert.Equal(At(10, 1), await OldestUntakenSinceAsync(hotline));
    }

    /// <summary>
    /// Found in review: sending the case to another language's queue stopped the clock, though its urgent word was read by
    /// nobody who could act on it (no caseworker of that language may be on shift).
    /// </summary>
    [Theory, DatabaseData]
    public async Task Sent_to_another_languages_queue_it_is_still_untaken_since_the_quiet(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        await GoQuietAsync(hotline, queued, At(10, 1));
        hotline.Time.SetUtcNow(At(10, 5));
        var lease = await hotline.Get<CaseQueue>().ClaimAsync(queued.Id, caseworker.Id, TimeSpan.FromMinutes(15), Ct);
        Assert.NotNull(lease);

        Assert.True(await hotline.Get<CaseQueue>().TransferToLanguageAsync(queued.Id, lease.LeaseToken, caseworker.Id, "tl", Ct));

        Assert.Equal(At(10, 1), await OldestUntakenSinceAsync(hotline));
    }

    /// <summary>A note is a caseworker acting on the case (what she read, whom she called), whoever holds it.</summary>
    [Theory, DatabaseData]
    public async Task A_note_written_on_it_while_the_person_stays_quiet_it_is_no_longer_untaken(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        await GoQuietAsync(hotline, queued, At(10, 1));

        hotline.Time.SetUtcNow(At(10, 4));
        var noted = await hotline.Get<CaseActions>().AddNoteAsync(caseworker, queued.Id, "Called the shelter; they will be ready.", Guid.NewGuid(), Ct);
        Assert.Null(noted.Refusal);

        Assert.Null(await OldestUntakenSinceAsync(hotline));
    }

    [Theory, DatabaseData]
    public async Task A_quiet_person_raised_to_Critical_is_untaken_since_the_raise_not_since_the_quiet(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.High);
        await GoQuietAsync(hotline, queued, At(10, 1));

        hotline.Time.SetUtcNow(At(10, 4));
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            await hotline.Get<CaseQueue>().ChangePriorityAsync(session, queued.Id, PriorityBand.Critical, 100, ["urgent_word"], Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal(At(10, 4), await OldestUntakenSinceAsync(hotline));
    }

    [Theory, DatabaseData]
    public async Task Of_two_untaken_cases_the_oldest_counts_and_a_High_or_writable_one_never_does(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var older = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        var newer = await hotline.QueueCaseAsync("ar", PriorityBand.Critical, "urgent_word");
        var high = await hotline.QueueCaseAsync("en", PriorityBand.High);
        await hotline.QueueCaseAsync("hi", PriorityBand.Critical, "immediate_danger");
        await GoQuietAsync(hotline, high, At(10, 1));
        await GoQuietAsync(hotline, older, At(10, 2));
        await GoQuietAsync(hotline, newer, At(10, 3));

        Assert.Equal(At(10, 2), await OldestUntakenSinceAsync(hotline));
    }

    /// <summary>Found in review: a payload that does not parse, or a field that is not text, threw, and with it every gauge the sampler reads in the same pass.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "{not json")]
    [InlineData(DatabaseProvider.Sqlite, "{\"Priority\": 4}")]
    public async Task An_event_that_does_not_parse_is_passed_over_and_the_age_still_read(DatabaseProvider engine, string data)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");
        await GoQuietAsync(hotline, queued, At(10, 1));

        await hotline.ExecuteAsync($"INSERT INTO CaseEvents (CaseId, Type, Data, OccurredAt) VALUES ('{queued.Id}', 'PriorityChanged', '{data}', '2026-11-27T10:02:00+00:00')");

        Assert.Equal(At(10, 1), await OldestUntakenSinceAsync(hotline));
    }

    [Theory, DatabaseData]
    public async Task With_no_such_case_there_is_no_age(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await hotline.QueueCaseAsync("en", PriorityBand.Critical, "urgent_word");

        Assert.Null(await OldestUntakenSinceAsync(hotline));
    }

    private static async Task<DateTimeOffset?> OldestUntakenSinceAsync(HotlineApp hotline)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await hotline.Get<UntakenCriticalCases>().ReadOldestUntakenSinceAsync(session, Ct);
    }

    /// <summary>The person says it is not safe to text now, as the engine's turn is applied.</summary>
    private static Task GoQuietAsync(HotlineApp hotline, CaseRecord queued, DateTimeOffset at) =>
        ApplyAsync(hotline, queued, at, conversation => conversation, [new WentQuiet("not_safe_now")], wokeUp: false);

    /// <summary>The person sends STOP, as the engine's turn is applied.</summary>
    private static Task OptOutAsync(HotlineApp hotline, CaseRecord queued, DateTimeOffset at) =>
        ApplyAsync(hotline, queued, at, conversation => conversation, [new OptedOut("STOP")], wokeUp: false);

    /// <summary>A person who said it is not safe to text before any case of theirs was opened.</summary>
    private static async Task<Conversation> QuietConversationAsync(HotlineApp hotline, DateTimeOffset at)
    {
        hotline.Time.SetUtcNow(at);
        Conversation created;
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            created = await hotline.Get<ConversationRepository>().CreateAsync(session, hotline.NextPhone(), "en", Ct);
            await session.CommitAsync(Ct);
        }

        await ApplyToAsync(hotline, created, null, at, c => c, [new WentQuiet("not_safe_now")], wokeUp: false);
        return created;
    }

    private static async Task<CaseRecord> ReadCaseAsync(HotlineApp hotline, Guid caseId)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return (await hotline.Get<CaseQueue>().FindByIdAsync(session, caseId, Ct))!;
    }

    /// <summary>The quiet person writes again, which ends the quiet spell.</summary>
    private static Task WriteAgainAsync(HotlineApp hotline, CaseRecord queued, DateTimeOffset at) =>
        ApplyAsync(hotline, queued, at, conversation => conversation with { Status = ConversationStatus.Active, StatusReason = null }, [], wokeUp: true);

    private static Task ApplyAsync(HotlineApp hotline, CaseRecord queued, DateTimeOffset at, Func<Conversation, Conversation> before,
        IReadOnlyList<EngineEvent> events, bool wokeUp) =>
        ApplyToAsync(hotline, queued.ConversationId, queued.Id, at, before, events, wokeUp);

    private static Task<Guid?> ApplyToAsync(HotlineApp hotline, Conversation conversation, Guid? caseId, DateTimeOffset at,
        Func<Conversation, Conversation> before, IReadOnlyList<EngineEvent> events, bool wokeUp) =>
        ApplyToAsync(hotline, conversation.Id, caseId, at, before, events, wokeUp);

    /// <summary>Applies an engine turn as the inbound pipeline does; the case the turn leaves open, if any.</summary>
    private static async Task<Guid?> ApplyToAsync(HotlineApp hotline, Guid conversationId, Guid? caseId, DateTimeOffset at,
        Func<Conversation, Conversation> before, IReadOnlyList<EngineEvent> events, bool wokeUp)
    {
        hotline.Time.SetUtcNow(at);
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var stored = (await hotline.Get<ConversationRepository>().FindByIdAsync(session, conversationId, Ct))!;
        var conversation = before(stored);
        var applied = await hotline.Get<EngineTurnApplier>().ApplyAsync(session, conversation, caseId,
            new EngineTurn(conversation.EngineState, null, [], events), Ct, wokeUpFrom: wokeUp ? stored : null);
        await session.CommitAsync(Ct);
        return applied.CaseId;
    }

    private static async Task TakeAndReleaseAsync(HotlineApp hotline, CaseRecord queued, User caseworker, DateTimeOffset at)
    {
        hotline.Time.SetUtcNow(at);
        var lease = await hotline.Get<CaseQueue>().ClaimAsync(queued.Id, caseworker.Id, TimeSpan.FromMinutes(15), Ct);
        Assert.NotNull(lease);
        Assert.True(await hotline.Get<CaseQueue>().ReleaseAsync(queued.Id, lease.LeaseToken, caseworker.Id, Ct));
    }

    private static async Task ReturnClaimsOfAsync(HotlineApp hotline, User caseworker, DateTimeOffset at)
    {
        hotline.Time.SetUtcNow(at);
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        Assert.Equal(1, await hotline.Get<CaseQueue>().ReturnClaimsOfAsync(session, caseworker.Id, Ct));
        await session.CommitAsync(Ct);
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 27, hour, minute, 0, TimeSpan.Zero);
}
