namespace Hotline.Api.Tests.Casework;

/// <summary>
/// The case summaries a console's queue is drawn from say whether the person is in danger right now, so that the console
/// orders and marks the cases as "Take next case" takes them (docs/casework.md, "Take next, take this one").
/// </summary>
public sealed class InDangerNowSummaryTests
{
    [Theory, DatabaseData]
    public async Task The_queue_lists_a_person_in_danger_now_before_an_earlier_Critical_case_and_says_so(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en", "ar");
        var manyIndicators = await hotline.QueueCaseAsync("en", PriorityBand.Critical, "threats_or_violence", "not_free_to_leave", "documents_retained");
        var inDanger = await hotline.QueueCaseAsync("ar", PriorityBand.Critical, "immediate_danger");

        await using var session = await hotline.Database.OpenAsync(Ct);
        var queue = await hotline.Get<CaseReadModel>().ReadQueueAsync(session, worker, Ct);

        Assert.Equal([(inDanger.Id, true), (manyIndicators.Id, false)], queue.Cases.Select(c => (c.Id, c.InDangerNow)));
    }

    [Theory, DatabaseData]
    public async Task A_case_raised_by_an_urgent_word_says_the_person_is_in_danger_now(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.Medium, "documents_retained");
        await using (var write = await hotline.Database.BeginWriteAsync(Ct))
        {
            await hotline.Get<CaseQueue>().ChangePriorityAsync(write, queued.Id, PriorityBand.Critical, 120, ["urgent_word", "documents_retained"], Ct);
            await write.CommitAsync(Ct);
        }

        await using var session = await hotline.Database.OpenAsync(Ct);
        var summary = await hotline.Get<CaseReadModel>().ReadSummaryAsync(session, queued.Id, Ct);

        Assert.Equal(("Critical", true), (summary?.Priority, summary?.InDangerNow));
    }
}
