namespace Hotline.Api.Tests.Storage;

/// <summary>
/// What emptying a case and erasing a person left behind before it was fixed, removed by a migration at the next start:
/// a referral's encrypted region in a case already emptied (0029), and the photo rows of emptied cases and of messages
/// outside any case in conversations whose identity is gone (0030), whose files the next retention pass then removes.
/// Each test builds the database as the migration before left it, writes the leftovers as the code of that time wrote
/// them (a fixture of the past, so SQL here rather than today's code), and starts the app.
/// </summary>
public sealed class ErasedLeftoversMigrationTests
{
    // SQLite keeps times as UTC text; SQL Server as DATETIME2, which takes the same text without the zone letter. An hour
    // before the parts' clock (HotlineApp.PartsClockStart), so no retention is due on anything here.
    private static string At(DatabaseProvider engine) => engine == DatabaseProvider.Sqlite ? "2026-11-27T09:00:00.000Z" : "2026-11-27T09:00:00.000";

    [Theory, DatabaseData]
    public async Task A_region_left_in_a_referral_of_a_case_emptied_before_migration_0029_is_gone_at_the_next_start_and_a_case_not_emptied_keeps_its_own(
        DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await database.MigrateUpToAsync(28);
        var (ofEmptiedCase, ofCaseNotEmptied) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(ReferralsAsOf0028(engine, ofEmptiedCase, ofCaseNotEmptied));
        }

        await using var after = await HotlineApp.StartPartsAsync(database);

        Assert.Equal("(no region)", await RegionCipherAsync(after, ofEmptiedCase));
        Assert.Equal("hl2:old:region of the case not emptied", await RegionCipherAsync(after, ofCaseNotEmptied));
    }

    [Theory, DatabaseData]
    public async Task Photo_rows_left_by_emptied_cases_and_erased_conversations_before_migration_0030_are_gone_at_the_next_start_and_the_others_stay(
        DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await database.MigrateUpToAsync(29);
        var photos = Photos.New();
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(PhotosAsOf0029(engine, photos));
        }

        await using var after = await HotlineApp.StartPartsAsync(database);

        Assert.Equal(["caseless photo of a conversation whose identity is kept", "photo of the open case"], await PhotoRowsAsync(after));
    }

    [Theory, DatabaseData]
    public async Task The_files_of_the_photo_rows_migration_0030_removed_go_at_the_first_retention_pass_and_the_others_stay(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await database.MigrateUpToAsync(29);
        var photos = Photos.New();
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(PhotosAsOf0029(engine, photos));
        }

        await using var after = await HotlineApp.StartPartsAsync(database);
        // The four photos' files, as the media job had stored them. Written through the store once the app runs (it seals
        // them with the hotline's keys); the pass reads only the store's file names and the rows, so when makes no difference.
        var files = photos.All.ToDictionary(photo => photo.Label, photo => AddFile(after, photo));

        var swept = await after.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal("cases 0, messages 0, media 0, conversations 0, SIM registrations 0, outbox 0, audit 0, protocol 0, stranded media 2", swept.Describe());
        Assert.Equal(["caseless photo of a conversation whose identity is kept", "photo of the open case"],
            files.Where(file => File.Exists(file.Value)).Select(file => file.Key).Order(StringComparer.Ordinal));
    }

    private sealed record Photo(string Label, Guid ConversationId, Guid MessageId, Guid MediaId)
    {
        public static Photo New(string label, Guid conversationId) => new(label, conversationId, Guid.NewGuid(), Guid.NewGuid());
    }

    /// <summary>
    /// Four photos in three conversations: one in a case emptied (its conversation's identity kept) and, in that same
    /// conversation, one sent outside any case; one outside any case in a conversation whose identity was erased; one in an
    /// open case.
    /// </summary>
    private sealed record Photos(Guid EmptiedCase, Guid OpenCase, Photo OfEmptiedCase, Photo CaselessIdentityKept, Photo CaselessIdentityErased,
        Photo OfOpenCase)
    {
        public static Photos New()
        {
            var (keptIdentity, erasedIdentity, ofOpenCase) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            return new(Guid.NewGuid(), Guid.NewGuid(),
                Photo.New("photo of the emptied case", keptIdentity),
                Photo.New("caseless photo of a conversation whose identity is kept", keptIdentity),
                Photo.New("caseless photo of a conversation whose identity is erased", erasedIdentity),
                Photo.New("photo of the open case", ofOpenCase));
        }

        public IEnumerable<Photo> All => [OfEmptiedCase, CaselessIdentityKept, CaselessIdentityErased, OfOpenCase];
    }

    /// <summary>
    /// Two referrals sent to a partner with the person's consent, each of a closed case: one case emptied by retention before
    /// migration 0029, whose erasure then took every detail of its referral but the encrypted region (RegionCipher); one case
    /// closed and not yet emptied, whose referral keeps all it said.
    /// </summary>
    private static string ReferralsAsOf0028(DatabaseProvider engine, Guid ofEmptiedCase, Guid ofCaseNotEmptied)
    {
        var at = At(engine);
        var (worker, partner, emptiedCase, caseNotEmptied) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var sql = new StringBuilder($"""
            INSERT INTO Users (Id, UserName, DisplayName, Role, PasswordHash, CreatedAt)
            VALUES ('{worker}', 'ravi', 'Ravi', 'Caseworker', 'not-a-real-hash', '{at}');
            INSERT INTO Partners (Id, Name, Services, Languages, Regions, CreatedAt, UpdatedAt)
            VALUES ('{partner}', 'Migrant Shelter Doha', '["shelter"]', '["en"]', '["Doha"]', '{at}', '{at}');

            """);
        foreach (var (caseId, emptied) in new[] { (emptiedCase, true), (caseNotEmptied, false) })
        {
            var conversation = Guid.NewGuid();
            sql.Append($"""
                INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Status, CreatedAt, LastInboundAt)
                VALUES ('{conversation}', 'Sms', '{conversation:N}', 'hl2:old:not-read-here', 'Active', '{at}', '{at}');
                INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, QueuedAt, OpenedAt, ClosedAt,
                                   Outcome, ContentErasedAt)
                VALUES ('{caseId}', '{conversation}', 'Closed', 1, 10, '[]', 'en', '{worker}', '{at}', '{at}', '{at}', 'referred', {(emptied ? $"'{at}'" : "NULL")});

                """);
        }

        sql.Append($"""
            INSERT INTO Referrals (Id, CaseId, PartnerId, Service, Status, ConsentGivenBy, ConsentChannel, ConsentGivenAt, SharedFields, SummaryCipher,
                                   RegionCipher, CreatedAt, CreatedBy, SentAt, UpdatedAt)
            VALUES ('{ofEmptiedCase}', '{emptiedCase}', '{partner}', 'shelter', 'Sent', NULL, NULL, '{at}', NULL, NULL,
                    'hl2:old:region of the emptied case', '{at}', '{worker}', '{at}', '{at}');
            INSERT INTO Referrals (Id, CaseId, PartnerId, Service, Status, ConsentGivenBy, ConsentChannel, ConsentGivenAt, SharedFields, SummaryCipher,
                                   RegionCipher, CreatedAt, CreatedBy, SentAt, UpdatedAt)
            VALUES ('{ofCaseNotEmptied}', '{caseNotEmptied}', '{partner}', 'shelter', 'Sent', 'person', 'Sms', '{at}', '["region"]',
                    'hl2:old:summary of the case not emptied', 'hl2:old:region of the case not emptied', '{at}', '{worker}', '{at}', '{at}');
            """);
        return sql.ToString();
    }

    /// <summary>
    /// <see cref="Photos"/> as a hotline of migration 0029 left them: the emptied case's messages blanked (body and media
    /// reference) and the erased conversation's address gone, but every photo's row still there, with the provider's link
    /// and what the file said of itself. Each row names its photo in SourceCipher (the provider's link, encrypted in life),
    /// so the test reads which remain.
    /// </summary>
    private static string PhotosAsOf0029(DatabaseProvider engine, Photos photos)
    {
        var at = At(engine);
        var keptIdentity = photos.OfEmptiedCase.ConversationId;
        var erasedIdentity = photos.CaselessIdentityErased.ConversationId;
        var ofOpenCase = photos.OfOpenCase.ConversationId;
        return $"""
            INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Status, CreatedAt, LastInboundAt, IdentityErasedAt)
            VALUES ('{keptIdentity}', 'Sms', '{keptIdentity:N}', 'hl2:old:not-read-here', 'Active', '{at}', '{at}', NULL);
            INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Status, CreatedAt, LastInboundAt, IdentityErasedAt)
            VALUES ('{erasedIdentity}', 'Sms', 'erased:{erasedIdentity:N}', '', 'Active', '{at}', '{at}', '{at}');
            INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Status, CreatedAt, LastInboundAt, IdentityErasedAt)
            VALUES ('{ofOpenCase}', 'Sms', '{ofOpenCase:N}', 'hl2:old:not-read-here', 'Active', '{at}', '{at}', NULL);
            INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, QueuedAt, OpenedAt, ClosedAt, Outcome, ContentErasedAt)
            VALUES ('{photos.EmptiedCase}', '{keptIdentity}', 'Closed', 1, 10, '[]', 'en', '{at}', '{at}', '{at}', 'resolved', '{at}');
            INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, QueuedAt, OpenedAt)
            VALUES ('{photos.OpenCase}', '{ofOpenCase}', 'Queued', 1, 10, '[]', 'en', '{at}', '{at}');
            {Message(photos.OfEmptiedCase, photos.EmptiedCase, 1, erased: true)}
            {Message(photos.CaselessIdentityKept, null, 2, erased: false)}
            {Message(photos.CaselessIdentityErased, null, 1, erased: true)}
            {Message(photos.OfOpenCase, photos.OpenCase, 1, erased: false)}
            {string.Concat(photos.All.Select(MediaItem))}
            """;

        string Message(Photo photo, Guid? caseId, int sequence, bool erased) => $"""
            INSERT INTO Messages (Id, ConversationId, CaseId, Direction, Channel, BodyCipher, MediaCipher, Segments, DeliveryStatus, CreatedAt, Sequence)
            VALUES ('{photo.MessageId}', '{photo.ConversationId}', {(caseId is { } id ? $"'{id}'" : "NULL")}, 'Inbound', 'Sms',
                    '{(erased ? "" : "hl2:old:not-read-here")}', {(erased ? "NULL" : "'hl2:old:not-read-here'")}, 1, 'received', '{at}', {sequence});
            """;

        string MediaItem(Photo photo) => $"""
            INSERT INTO MediaItems (Id, MessageId, ConversationId, Position, Channel, SourceCipher, Status, Attempts, NextAttemptAt, ContentType, SizeBytes,
                                    Sha256, HasView, EvidenceCipher, StoredAt, CreatedAt)
            VALUES ('{photo.MediaId}', '{photo.MessageId}', '{photo.ConversationId}', 0, 'Sms', '{photo.Label}', 'Kept', 1, '{at}', 'image/jpeg', 4,
                    '{new string('a', 64)}', 0, 'hl2:old:capture time, position and device', '{at}', '{at}');

            """;
    }

    /// <summary>The referral's RegionCipher, "(no region)" when it has none; null when the row itself is gone.</summary>
    private static async Task<string?> RegionCipherAsync(HotlineApp hotline, Guid referralId) =>
        await hotline.ScalarAsync($"SELECT COALESCE(RegionCipher, '(no region)') FROM Referrals WHERE Id = '{referralId}'");

    /// <summary>The photos whose rows are there, by the name each row carries.</summary>
    private static async Task<IReadOnlyList<string>> PhotoRowsAsync(HotlineApp hotline)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return [.. (await session.Connection.QueryAsync<string>("SELECT SourceCipher FROM MediaItems")).Order(StringComparer.Ordinal)];
    }

    /// <summary>The photo's original in the media store, where the media job kept it; the path of that file.</summary>
    private static string AddFile(HotlineApp hotline, Photo photo)
    {
        using (var original = new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0]))
        {
            hotline.Get<MediaStore>().Write(photo.ConversationId, photo.MediaId, MediaCopy.Original, original);
        }

        var file = Path.Combine(hotline.Folder, "media", photo.ConversationId.ToString("N"), $"{photo.MediaId:N}.original");
        Assert.True(File.Exists(file), "the test's photo is not where the media store keeps it");
        return file;
    }
}
