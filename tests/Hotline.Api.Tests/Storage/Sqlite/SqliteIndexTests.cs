using System.Data.Common;
using System.Text.RegularExpressions;

namespace Hotline.Api.Tests.Storage.Sqlite;

/// <summary>
/// An index is one more page to write for every row it holds: on the tables a webhook writes, each index must be one that
/// some statement reads through, as SQLite plans it (<see cref="SqlitePlan"/>).
/// </summary>
public sealed class SqliteIndexTests
{
    private static readonly string[] TablesEachWebhookWrites = ["Conversations", "Cases", "Messages", "Outbox", "MediaItems"];

    [Fact]
    public async Task Every_index_on_the_tables_each_webhook_writes_is_read_by_some_statement()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.OpenAsync(Ct);
        var plans = await AllPlansAsync(session.Connection);

        var unread = new List<string>();
        foreach (var table in TablesEachWebhookWrites)
        {
            var indexes = await CreatedIndexesAsync(session.Connection, table);
            Assert.NotEmpty(indexes);
            foreach (var index in indexes)
            {
                if (!plans.Any(step => Regex.IsMatch(step, $@"\bINDEX {index}\b")))
                {
                    unread.Add(index);
                }
            }
        }

        Assert.Empty(unread);
    }

    [Fact]
    public async Task A_conversations_messages_are_indexed_by_conversation_once_in_the_order_of_the_transcript()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.OpenAsync(Ct);

        var byConversation = new List<string>();
        foreach (var index in await CreatedIndexesAsync(session.Connection, "Messages"))
        {
            if (await FirstColumnAsync(session.Connection, index) == "ConversationId")
            {
                byConversation.Add(index);
            }
        }

        Assert.Equal(["UX_Messages_ConversationSequence"], byConversation);
    }

    [Fact]
    public async Task Outbox_rows_are_indexed_by_conversation_only_while_unsent_held_or_a_reengagement_so_a_sent_reply_keeps_no_such_entry()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.OpenAsync(Ct);

        var byConversation = new List<string?>();
        foreach (var index in await CreatedIndexesAsync(session.Connection, "Outbox"))
        {
            if (await FirstColumnAsync(session.Connection, index) == "ConversationId")
            {
                byConversation.Add(await IndexSqlAsync(session.Connection, index));
            }
        }

        Assert.Equal([
            "CREATE INDEX IX_Outbox_HeldByConversation ON Outbox (ConversationId, CreatedAt) WHERE Status = 'Held'",
            "CREATE INDEX IX_Outbox_ReengagementsByConversation ON Outbox (ConversationId, CreatedAt) WHERE Reengagement = 1",
            "CREATE INDEX IX_Outbox_UnsentByConversation ON Outbox (ConversationId) WHERE Status IN ('Pending', 'Sending')",
        ], byConversation);
    }

    [Theory]
    [InlineData("Outbox_ReadHeldByConversation", "SEARCH o USING INDEX IX_Outbox_HeldByConversation (ConversationId=?)")]
    [InlineData("Outbox_ReleaseHeld", "SEARCH Outbox USING INDEX IX_Outbox_HeldByConversation (ConversationId=?)")]
    [InlineData("Outbox_CountReengagementsSince", "SEARCH Outbox USING INDEX IX_Outbox_ReengagementsByConversation (ConversationId=? AND CreatedAt>?)")]
    [InlineData("Outbox_DeleteByConversation", "SEARCH m USING INDEX UX_Messages_ConversationSequence (ConversationId=?)")]
    [InlineData("Conversations_ReadIdentityToErase", "SEARCH m USING INDEX UX_Messages_ConversationSequence (ConversationId=?)")]
    public async Task A_persons_outbox_rows_are_found_through_a_held_or_reengagement_index_or_through_their_messages(string statement, string expectedStep)
    {
        var plan = await PlanOnTheMigratedSchemaAsync(statement);

        Assert.Contains(expectedStep, plan);
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Cases_ReadContentToErase", "SEARCH Cases USING INDEX IX_Cases_ContentToErase (ClosedAt<?)")]
    [InlineData("Outbox_DeleteFinishedBefore", "SEARCH Outbox USING INDEX IX_Outbox_Finished (CreatedAt<?)")]
    [InlineData("Outbox_ReadBacklog", "SEARCH Outbox USING INDEX IX_Outbox_Due (Status=?)")]
    [InlineData("MediaItems_ReadDueIds", "SEARCH MediaItems USING INDEX IX_MediaItems_Due (Status=? AND NextAttemptAt<?)")]
    [InlineData("Conversations_ReadSilentIntakes", "SEARCH v USING INDEX IX_Conversations_IdentityToErase (LastInboundAt>? AND LastInboundAt<?)")]
    public async Task A_periodic_pass_reads_only_what_is_due_through_its_own_index_whatever_else_the_table_holds(string statement, string expectedStep)
    {
        var plan = await PlanOnTheMigratedSchemaAsync(statement);

        var table = expectedStep.Split(' ')[1]; // as the statement names it: its alias where it has one
        Assert.Contains(expectedStep, plan);
        Assert.DoesNotContain(plan, step => step.StartsWith($"SCAN {table}", StringComparison.Ordinal) || step.Contains("TEMP B-TREE"));
    }

    [Theory]
    [InlineData("AuditEntries_SearchBySubject", "SEARCH AuditEntries USING INDEX IX_AuditEntries_Subject (Subject=? AND rowid<?)")]
    [InlineData("AuditEntries_SearchByActor", "SEARCH AuditEntries USING INDEX IX_AuditEntries_Actor (Actor=? AND rowid<?)")]
    public async Task Who_read_a_case_and_what_one_person_did_are_read_from_their_own_rows_newest_first_not_from_the_whole_trail(
        string statement, string expectedStep)
    {
        var plan = await PlanOnTheMigratedSchemaAsync(statement);

        Assert.Equal([expectedStep], plan);
    }

    private static async Task<List<string>> PlanOnTheMigratedSchemaAsync(string statement)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var session = await db.Database.OpenAsync(Ct);
        return await SqlitePlan.OfAsync(session.Connection, statement);
    }

    private static async Task<List<string>> AllPlansAsync(DbConnection connection)
    {
        var steps = new List<string>();
        foreach (var name in SqlStatements.For(DatabaseProvider.Sqlite).Names)
        {
            steps.AddRange(await SqlitePlan.OfAsync(connection, name));
        }

        return steps;
    }

    /// <summary>The indexes a migration created by name; not those SQLite makes for a PRIMARY KEY or UNIQUE constraint, which keep rows unique.</summary>
    private static async Task<List<string>> CreatedIndexesAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_index_list(@Table) WHERE origin = 'c' ORDER BY name";
        command.Parameters.Add(new SqliteParameter("@Table", table));
        var names = new List<string>();
        await using var rows = await command.ExecuteReaderAsync(Ct);
        while (await rows.ReadAsync(Ct))
        {
            names.Add(rows.GetString(0));
        }

        return names;
    }

    /// <summary>The statement that created the index, as SQLite keeps it.</summary>
    private static async Task<string?> IndexSqlAsync(DbConnection connection, string index)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = @Index";
        command.Parameters.Add(new SqliteParameter("@Index", index));
        return (string?)await command.ExecuteScalarAsync(Ct);
    }

    private static async Task<string?> FirstColumnAsync(DbConnection connection, string index)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_index_info(@Index) WHERE seqno = 0";
        command.Parameters.Add(new SqliteParameter("@Index", index));
        return (string?)await command.ExecuteScalarAsync(Ct);
    }
}
