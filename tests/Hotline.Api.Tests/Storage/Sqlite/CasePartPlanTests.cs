namespace Hotline.Api.Tests.Storage.Sqlite;

/// <summary>
/// A case's part of the person's conversation (the view CaseMessages) is read from the case by its key, then along the
/// conversation's indexes, with one probe of the person's earlier cases for a message outside any case: as long as it took
/// with one case, however many people and cases the hotline holds.
/// </summary>
public sealed class CasePartPlanTests
{
    [Theory]
    [InlineData("Messages_ReadByCase", "SEARCH m USING INDEX UX_Messages_ConversationSequence (ConversationId=?)")]
    [InlineData("MediaItems_ReadByIdInCase", "SEARCH mi USING INDEX sqlite_autoindex_MediaItems_1 (Id=?)")]
    [InlineData("MediaItems_ReadShareablePhotosByCase", "SEARCH mi USING INDEX IX_MediaItems_Conversation (ConversationId=?)")]
    [InlineData("MediaItems_CountPhotosToShareByCase", "SEARCH mi USING INDEX IX_MediaItems_Conversation (ConversationId=?)")]
    public async Task A_cases_part_is_read_along_the_conversations_indexes_never_scanning_a_table(string statement, string expectedStep)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.OpenAsync(Ct);

        var plan = await SqlitePlan.OfAsync(session.Connection, statement);

        Assert.Contains("SEARCH c USING INDEX sqlite_autoindex_Cases_1 (Id=?)", plan);
        Assert.Contains(expectedStep, plan);
        Assert.Contains("SEARCH earlier USING INDEX IX_Cases_Conversation (ConversationId=? AND OpenedAt<?)", plan);
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cases_transcript_comes_in_the_order_of_the_conversations_index_without_a_sort()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.OpenAsync(Ct);

        var plan = await SqlitePlan.OfAsync(session.Connection, "Messages_ReadByCase");

        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}
