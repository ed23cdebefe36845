namespace Hotline.Api.Tests.Storage.Sqlite;

/// <summary>
/// Taking the next case must cost the same with a million cases queued as with a thousand: each language's queue is read
/// from its head along IX_Cases_Queue (its Critical part first), and whether a case there was answered with nothing new is
/// one probe of the partial index of caseworker replies, then the person's messages after the reply, never a scan of a table.
/// </summary>
public sealed class ClaimNextPlanTests
{
    [Fact]
    public async Task Taking_the_next_case_reads_the_queue_and_each_cases_replies_along_their_indexes_never_scanning_a_table()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.OpenAsync(Ct);

        var plan = await SqlitePlan.OfAsync(session.Connection, "Cases_ClaimNext");

        Assert.Contains("SEARCH q USING INDEX IX_Cases_Queue (Status=? AND Language=?)", plan);
        // The Critical people, waiting or nobody can write to them, are looked for in the Critical part of the index alone.
        Assert.Contains("SEARCH q USING INDEX IX_Cases_Queue (Status=? AND Language=? AND Priority=?)", plan);
        Assert.Contains("SEARCH r USING INDEX IX_Messages_CaseworkerReplies (CaseId=?)", plan);
        Assert.Contains("SEARCH i USING INDEX UX_Messages_ConversationSequence (ConversationId=? AND Sequence>?)", plan);
        Assert.Equal(["SCAN CONSTANT ROW", "SCAN ul"], plan.Where(step => step.StartsWith("SCAN", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        // Each walk reads its language's queue in the index's order (the band, whether the person is in danger right now, the
        // place): only the few heads, one per language, are sorted.
        Assert.Equal(["USE TEMP B-TREE FOR ORDER BY"], plan.Where(step => step.StartsWith("USE TEMP B-TREE", StringComparison.Ordinal)));
    }
}
