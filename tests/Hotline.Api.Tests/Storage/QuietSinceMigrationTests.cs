namespace Hotline.Api.Tests.Storage;

/// <summary>
/// Migration 0034 records when each conversation's quiet spell began (Conversations.QuietSinceVersion): a last word before
/// the silence is sent while the conversation stays in the spell it was written in. A conversation already quiet at the
/// upgrade counts as quiet since its present version, so a last word waiting then goes exactly when it went before (its
/// turn wrote that version); an active one is in no spell. The database is built as migration 0033 left it, the
/// conversations written as the code of that time wrote them (a fixture of the past, so SQL here rather than today's code).
/// </summary>
public sealed class QuietSinceMigrationTests
{
    [Theory, DatabaseData]
    public async Task A_conversation_quiet_before_migration_0034_is_quiet_since_its_present_version_and_an_active_one_in_no_spell(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await database.MigrateUpToAsync(33);
        var (quiet, active) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(ConversationAsOf0033(engine, quiet, "Quiet", 7) + ConversationAsOf0033(engine, active, "Active", 4));
        }

        await using var after = await HotlineApp.StartPartsAsync(database);

        Assert.Equal("7", await QuietSinceAsync(after, quiet));
        Assert.Equal("(none)", await QuietSinceAsync(after, active));
    }

    private static string ConversationAsOf0033(DatabaseProvider engine, Guid id, string status, int version)
    {
        // SQLite keeps times as UTC text; SQL Server as DATETIME2, which takes the same text without the zone letter.
        var at = engine == DatabaseProvider.Sqlite ? "2026-11-27T09:00:00.000Z" : "2026-11-27T09:00:00.000";
        return $"""
            INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Status, StatusReason, CreatedAt, LastInboundAt, Version)
            VALUES ('{id}', 'Sms', '{id:N}', 'hl2:old:not-read-here', '{status}', NULL, '{at}', '{at}', {version});

            """;
    }

    private static async Task<string?> QuietSinceAsync(HotlineApp hotline, Guid conversationId) =>
        await hotline.ScalarAsync($"SELECT COALESCE(CAST(QuietSinceVersion AS VARCHAR(10)), '(none)') FROM Conversations WHERE Id = '{conversationId}'");
}
