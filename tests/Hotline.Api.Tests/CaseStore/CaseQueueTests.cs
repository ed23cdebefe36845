namespace Hotline.Api.Tests.CaseStore;

public sealed class CaseQueueTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory, DatabaseData]
    public async Task Claim_takes_the_highest_priority_first(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        await hotline.QueueCaseAsync("en", PriorityBand.Low);
        var critical = await hotline.QueueCaseAsync("en", PriorityBand.Critical);
        await hotline.QueueCaseAsync("en", PriorityBand.High);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(critical.Id, lease?.Case.Id);
    }

    /// <summary>Below Critical: a Critical person nobody can write to comes before them (ClaimNextCriticalNobodyCanWriteToTests).</summary>
    [Theory, DatabaseData]
    public async Task Claim_takes_a_person_who_can_be_answered_before_more_urgent_ones_who_opted_out_or_went_quiet(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en", "ar");
        await SetConversationStatusAsync(hotline, await hotline.QueueCaseAsync("en", PriorityBand.High), ConversationStatus.OptedOut);
        await SetConversationStatusAsync(hotline, await hotline.QueueCaseAsync("ar", PriorityBand.High), ConversationStatus.Quiet);
        var answerable = await hotline.QueueCaseAsync("en", PriorityBand.Low);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(answerable.Id, lease?.Case.Id);
    }

    [Theory, DatabaseData]
    public async Task Claim_still_hands_out_a_case_nobody_can_answer_when_no_other_waits(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var optedOut = await hotline.QueueCaseAsync("en", PriorityBand.High);
        await SetConversationStatusAsync(hotline, optedOut, ConversationStatus.OptedOut);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(optedOut.Id, lease?.Case.Id);
    }

    [Theory, DatabaseData]
    public async Task Claim_takes_the_longest_waiting_within_a_priority(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var first = await hotline.QueueCaseAsync("en", PriorityBand.High);
        await hotline.QueueCaseAsync("en", PriorityBand.High);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(first.Id, lease?.Case.Id);
    }

    [Theory, DatabaseData]
    public async Task Claim_offers_only_cases_in_a_language_the_caseworker_speaks(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "ne", "hi");
        await hotline.QueueCaseAsync("ar", PriorityBand.Critical);
        var nepali = await hotline.QueueCaseAsync("ne", PriorityBand.Medium);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(nepali.Id, lease?.Case.Id);
    }

    [Theory, DatabaseData]
    public async Task Claim_finds_nothing_when_no_case_is_in_the_caseworkers_languages(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "sw");
        await hotline.QueueCaseAsync("am", PriorityBand.Critical);

        Assert.Null(await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct));
    }

    [Theory, DatabaseData]
    public async Task A_claimed_case_is_not_offered_again(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var first = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        var second = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        await hotline.QueueCaseAsync("en", PriorityBand.High);
        await hotline.Get<CaseQueue>().ClaimNextAsync(first.Id, Lease, Ct);

        Assert.Null(await hotline.Get<CaseQueue>().ClaimNextAsync(second.Id, Lease, Ct));
    }

    [Theory, DatabaseData]
    public async Task A_claim_records_the_assignee_and_a_lease_in_the_future(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        await hotline.QueueCaseAsync("en", PriorityBand.High);

        var lease = (await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct))!;

        Assert.Equal((CaseStatus.Claimed, worker.Id, lease.LeaseToken), (lease.Case.Status, lease.Case.AssigneeId, lease.Case.LeaseToken));
        Assert.InRange(lease.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
    }

    [Theory, DatabaseData]
    public async Task A_case_whose_language_is_not_known_yet_is_offered_to_every_caseworker(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "sw");
        var unknown = await hotline.QueueCaseAsync(NewCase.UnknownLanguage, PriorityBand.Critical);

        var lease = await hotline.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct);

        Assert.Equal(unknown.Id, lease?.Case.Id);
    }

    private static async Task SetConversationStatusAsync(HotlineApp hotline, CaseRecord queued, ConversationStatus status)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        var conversation = (await hotline.Get<ConversationRepository>().FindByIdAsync(session, queued.ConversationId, Ct))!;
        Assert.True(await hotline.Get<ConversationRepository>().UpdateAsync(session, conversation with { Status = status }, Ct));
        await session.CommitAsync(Ct);
    }
}
