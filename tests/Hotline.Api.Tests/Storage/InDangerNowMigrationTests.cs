namespace Hotline.Api.Tests.Storage;

/// <summary>
/// Migration 0032 records, for every case already in the database, whether its person is in danger right now (a triage
/// reason <c>immediate_danger</c> or <c>urgent_word</c>), so that the people queued before the upgrade are taken in the new
/// order too. The database is built as migration 0031 left it, the cases written as the code of that time wrote them (a
/// fixture of the past, so SQL here rather than today's code), and the app started on it.
/// </summary>
public sealed class InDangerNowMigrationTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory, DatabaseData]
    public async Task Cases_queued_before_migration_0032_are_taken_with_the_person_in_danger_now_first(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await database.MigrateUpToAsync(31);
        var (manyIndicators, dangerYes, urgentWord, high) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                QueuedAsOf0031(engine, manyIndicators, "09:00", 4, 115, """["threats_or_violence","not_free_to_leave","documents_retained","wages_withheld","isolated","deceived_about_job"]""")
                + QueuedAsOf0031(engine, dangerYes, "09:01", 4, 120, """["immediate_danger","documents_retained"]""")
                + QueuedAsOf0031(engine, urgentWord, "09:02", 4, 100, """["urgent_word"]""")
                + QueuedAsOf0031(engine, high, "08:00", 3, 45, """["danger_unclear"]"""));
        }

        await using var after = await HotlineApp.StartPartsAsync(database);
        var worker = await after.AddUserAsync(UserRole.Caseworker, "en");
        var order = new List<Guid>();
        while (await after.Get<CaseQueue>().ClaimNextAsync(worker.Id, Lease, Ct) is { } lease)
        {
            order.Add(lease.Case.Id);
        }

        Assert.Equal([dangerYes, urgentWord, manyIndicators, high], order);
    }

    /// <summary>A person's case queued in English at <paramref name="time"/> on the parts' first day, as the code of 0031 wrote it.</summary>
    private static string QueuedAsOf0031(DatabaseProvider engine, Guid caseId, string time, int priority, int score, string reasons)
    {
        // SQLite keeps times as UTC text; SQL Server as DATETIME2, which takes the same text without the zone letter. Before
        // the parts' clock (HotlineApp.PartsClockStart), so the cases are in the queue when the app starts.
        var at = engine == DatabaseProvider.Sqlite ? $"2026-11-27T{time}:00.000Z" : $"2026-11-27T{time}:00.000";
        var conversation = Guid.NewGuid();
        return $"""
            INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Status, CreatedAt, LastInboundAt)
            VALUES ('{conversation}', 'Sms', '{conversation:N}', 'hl2:old:not-read-here', 'Active', '{at}', '{at}');
            INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, PersonLanguage, QueuedAt, OpenedAt)
            VALUES ('{caseId}', '{conversation}', 'Queued', {priority}, {score}, '{reasons}', 'en', 'en', '{at}', '{at}');

            """;
    }
}
