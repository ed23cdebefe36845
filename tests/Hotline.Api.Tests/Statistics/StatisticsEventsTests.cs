namespace Hotline.Api.Tests.Statistics;

/// <summary>
/// The statistics projection recounts a case only for events that may change what it counts: a message from the person, a
/// change of the conversation's status, a renewed lease and a note change nothing it counts, and at a busy hour they are most
/// of the log.
/// </summary>
public sealed class StatisticsEventsTests
{
    private static readonly string[] NeverRecounted =
        [CaseEventTypes.MessageReceived, CaseEventTypes.ConversationStatusChanged, CaseEventTypes.LeaseExtended, CaseEventTypes.NoteAdded];

    [Theory, DatabaseData]
    public async Task Every_event_type_but_the_four_that_change_nothing_counted_makes_the_projection_recount_its_case(DatabaseProvider provider)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(provider);
        var queued = await hotline.QueueCaseAsync("ne", PriorityBand.High);
        var everyType = typeof(CaseEventTypes).GetFields().Select(field => (string)field.GetValue(null)!).ToArray();
        await AppendAsync(hotline, queued.Id, everyType);

        var recounted = await hotline.ScalarAsync(
            "SELECT COUNT(*) FROM StatisticsEvents AS s JOIN CaseEvents AS e ON e.Sequence = s.Sequence WHERE e.CaseId = '" + queued.Id + "'");

        // The case's own CaseQueued, then one of each of the 27 types but the four (CaseLanguageLearned among them: it changes
        // the language the case is counted under).
        Assert.Equal("24", recounted);
        Assert.Equal(27, everyType.Length);
        Assert.All(NeverRecounted, type => Assert.Contains(type, everyType));
    }

    [Theory, DatabaseData]
    public async Task A_case_touched_only_by_messages_status_changes_leases_and_notes_is_not_read_again(DatabaseProvider provider)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(provider);
        var queued = await hotline.QueueCaseAsync("ne", PriorityBand.High);
        var projection = hotline.Get<StatisticsProjection>();
        await projection.CatchUpAsync(10, Ct);
        // What the case was counted under can no longer be read: a recount of it would set it aside.
        await hotline.ExecuteAsync("UPDATE StatisticsCaseFacts SET Keys = 'not keys' WHERE CaseId = '" + queued.Id + "'");

        await AppendAsync(hotline, queued.Id, NeverRecounted);
        var quietProgress = await projection.CatchUpAsync(10, Ct);
        var setAsideAfterQuiet = await hotline.ScalarAsync("SELECT COUNT(*) FROM QuarantinedRows");
        await AppendAsync(hotline, queued.Id, [CaseEventTypes.PriorityChanged]);
        await projection.CatchUpAsync(10, Ct);

        Assert.True(quietProgress.UpToDate);
        Assert.Equal("0", setAsideAfterQuiet);
        Assert.Equal($"statistics-facts|{queued.Id}", await hotline.ScalarAsync(
            provider == DatabaseProvider.Sqlite
                ? "SELECT Source || '|' || RowId FROM QuarantinedRows"
                : "SELECT CONCAT(Source, '|', RowId) FROM QuarantinedRows"));
    }

    private static async Task AppendAsync(HotlineApp hotline, Guid caseId, IEnumerable<string> types)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        foreach (var type in types)
        {
            await hotline.Get<CaseEventLog>().AppendAsync(session, caseId, type, new { }, null, Ct);
        }

        await session.CommitAsync(Ct);
    }
}
