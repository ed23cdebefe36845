using Hotline.Api.Referrals;

namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// A review: a consent recorded before migration 0018 kept its region (a camp, a street) in the clear in Referrals.Region,
/// where it stayed, readable in the database file and its backups, until its case's content went. The next start seals it
/// into RegionCipher and removes the clear copy; the partner still reads the region. The rows are written as the code of
/// that time wrote them (SQL, a fixture of the past) into today's schema, whose Region column still holds such rows.
/// </summary>
public sealed class ReferralRegionBackfillTests
{
    private const string Region = "labour camp 7, Al Khor";

    // SQLite keeps times as UTC text; SQL Server as DATETIME2, which takes the same text without the zone letter.
    private static string At(DatabaseProvider engine) => engine == DatabaseProvider.Sqlite ? "2026-11-27T09:00:00.000Z" : "2026-11-27T09:00:00.000";

    [Theory, DatabaseData]
    public async Task A_region_kept_in_the_clear_before_migration_0018_is_sealed_at_the_next_start_and_the_partner_still_reads_it(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await database.MigrateUpToAsync(38);
        var (partner, referral) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(ReferralWithClearRegion(engine, partner, referral));
        }

        await using var after = await HotlineApp.StartPartsAsync(database);

        Assert.Equal(0, await after.CountAsync("SELECT COUNT(*) FROM Referrals WHERE Region IS NOT NULL"));
        Assert.Equal(1, await after.CountAsync("SELECT COUNT(*) FROM Referrals WHERE RegionCipher LIKE 'hl2:%'"));
        await using var session = await after.Database.OpenAsync(Ct);
        var inbox = await after.Get<ReferralRepository>().ReadInboxAsync(session, partner, Ct);
        Assert.Equal([(referral, (string?)Region)], inbox.Select(view => (view.Id, view.Shared?.Region)));
    }

    private static string ReferralWithClearRegion(DatabaseProvider engine, Guid partner, Guid referral)
    {
        var at = At(engine);
        var (worker, conversation, caseId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        return $"""
            INSERT INTO Users (Id, UserName, DisplayName, Role, PasswordHash, CreatedAt)
            VALUES ('{worker}', 'ravi', 'Ravi', 'Caseworker', 'not-a-real-hash', '{at}');
            INSERT INTO Partners (Id, Name, Services, Languages, Regions, CreatedAt, UpdatedAt)
            VALUES ('{partner}', 'Migrant Shelter Doha', '["shelter"]', '["en"]', '["Doha"]', '{at}', '{at}');
            INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Status, CreatedAt, LastInboundAt)
            VALUES ('{conversation}', 'Sms', '{conversation:N}', 'hl2:old:not-read-here', 'Active', '{at}', '{at}');
            INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, QueuedAt, OpenedAt, ClosedAt, Outcome)
            VALUES ('{caseId}', '{conversation}', 'Closed', 1, 10, '[]', 'en', '{worker}', '{at}', '{at}', '{at}', 'referred');
            INSERT INTO Referrals (Id, CaseId, PartnerId, Service, Status, ConsentGivenBy, ConsentChannel, ConsentGivenAt, SharedFields, SummaryCipher,
                                   Region, CreatedAt, CreatedBy, SentAt, UpdatedAt)
            VALUES ('{referral}', '{caseId}', '{partner}', 'shelter', 'Sent', 'person', 'Sms', '{at}', '["region"]', NULL,
                    '{Region}', '{at}', '{worker}', '{at}', '{at}');
            """;
    }
}
