namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A case closes with an outcome code; a caseworker's own words on how it ended become an encrypted note, and the
/// words older consoles stored as the outcome move into such a note at the next start.
/// </summary>
public sealed class CaseOutcomeTests
{
    private const string Words = "Called Ramesh at his cousin's in Al Khor";

    [Fact]
    public async Task An_outcome_that_is_not_a_code_is_refused_as_invalid_and_changes_nothing()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        var (worker, lease) = await ClaimAsync(hotline);
        var events = await hotline.CountAsync("SELECT COUNT(*) FROM CaseEvents");

        var closed = await hotline.Get<CaseActions>().CloseAsync(worker, lease.Case.Id, lease.LeaseToken, Words, "a note", Ct);

        Assert.Equal(Refusal.Invalid, closed.Refusal);
        Assert.Equal("Choose an outcome: referred, resolved, no_contact, declined_help, not_trafficking, duplicate, other. Anything else goes into the note.",
            closed.Detail);
        Assert.Equal("Claimed|", await hotline.ScalarAsync($"SELECT Status || '|' || COALESCE(Outcome, '') FROM Cases WHERE Id = '{lease.Case.Id}'"));
        Assert.Equal(0, await hotline.CountAsync("SELECT COUNT(*) FROM CaseNotes"));
        Assert.Equal(events, await hotline.CountAsync("SELECT COUNT(*) FROM CaseEvents"));
    }

    [Fact]
    public async Task The_words_given_with_the_close_become_an_encrypted_note_and_the_outcome_stays_a_code()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        var (worker, lease) = await ClaimAsync(hotline);

        var closed = await hotline.Get<CaseActions>().CloseAsync(worker, lease.Case.Id, lease.LeaseToken, "declined_help", $"  {Words} ", Ct);

        Assert.True(closed.Value);
        Assert.Equal("Closed|declined_help", await hotline.ScalarAsync($"SELECT Status || '|' || Outcome FROM Cases WHERE Id = '{lease.Case.Id}'"));
        Assert.Equal([Words], (await NotesAsync(hotline, lease.Case.Id)).Select(n => n.Body));
        Assert.Equal(0, await hotline.CountAsync($"SELECT COUNT(*) FROM CaseNotes WHERE BodyCipher LIKE '%Ramesh%'"));
        Assert.Equal(0, await hotline.CountAsync($"SELECT COUNT(*) FROM CaseEvents WHERE Data LIKE '%Ramesh%'"));
    }

    [Fact]
    public async Task The_close_dialog_refusal_reaches_the_caseworker_through_the_hub()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var worker = await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, "ravi", UserRole.Caseworker, "en"));
        await harness.TextAsync("+9779800011234", "talk to a person", "help");
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;

        var closed = await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.CloseCase), taken.Case.Id, taken.LeaseToken, "Resolved!", null, Ct);

        Assert.False(closed.Ok);
        Assert.StartsWith("Choose an outcome: referred, resolved,", closed.Refusal);
    }

    [Theory, DatabaseData]
    public async Task A_free_text_outcome_stored_before_migration_0022_becomes_a_note_by_the_closer_at_the_next_start(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await database.MigrateUpToAsync(21);
        var (worker, freeText, codeInOtherLetters) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(ClosedCasesAsOf0021(engine, worker, (freeText, Words), (codeInOtherLetters, " Duplicate")));
        }

        await using var after = await HotlineApp.StartPartsAsync(database);

        Assert.Equal([("Outcome written at closing: " + Words, worker)], (await NotesAsync(after, freeText)).Select(n => (n.Body, n.AuthorUserId)));
        Assert.Empty(await NotesAsync(after, codeInOtherLetters));
        Assert.Equal("other", await after.ScalarAsync($"SELECT Outcome FROM Cases WHERE Id = '{freeText}'"));
        Assert.Equal("duplicate", await after.ScalarAsync($"SELECT Outcome FROM Cases WHERE Id = '{codeInOtherLetters}'"));
        Assert.Equal(0, await after.CountAsync("SELECT COUNT(*) FROM CaseOutcomeTexts"));
        Assert.Equal(0, await after.CountAsync("SELECT COUNT(*) FROM CaseNotes WHERE BodyCipher LIKE '%Ramesh%'"));
        Assert.Equal(0, await after.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Data LIKE '%Ramesh%' OR Data LIKE '% Duplicate%'"));
    }

    /// <summary>
    /// Closed cases as the consoles of migration 0021 wrote them, the outcome as the caseworker typed it, in the case and in
    /// its closing event; written against that schema (a fixture of the past, so SQL here rather than today's code).
    /// </summary>
    private static string ClosedCasesAsOf0021(DatabaseProvider engine, Guid worker, params (Guid Id, string Outcome)[] cases)
    {
        // SQLite keeps times as UTC text; SQL Server as DATETIME2, which takes the same text without the zone letter.
        var at = engine == DatabaseProvider.Sqlite ? "2026-10-01T09:00:00.000Z" : "2026-10-01T09:00:00.000";
        var sql = new StringBuilder($"""
            INSERT INTO Users (Id, UserName, DisplayName, Role, PasswordHash, CreatedAt)
            VALUES ('{worker}', 'ravi', 'Ravi', 'Caseworker', 'not-a-real-hash', '{at}');

            """);
        var sequence = 0;
        foreach (var (id, outcome) in cases)
        {
            var conversation = Guid.NewGuid();
            var words = outcome.Replace("'", "''", StringComparison.Ordinal);
            var closing = $"{{\"Outcome\":\"{words}\"}}";
            sql.Append($"""
                INSERT INTO Conversations (Id, Channel, AddressHash, AddressCipher, Status, CreatedAt)
                VALUES ('{conversation}', 'Sms', '{conversation:N}', 'hl2:old:not-read-here', 'Active', '{at}');
                INSERT INTO Cases (Id, ConversationId, Status, Priority, TriageScore, TriageReasons, Language, AssigneeId, QueuedAt, OpenedAt, ClosedAt, Outcome)
                VALUES ('{id}', '{conversation}', 'Closed', 1, 10, '[]', 'en', '{worker}', '{at}', '{at}', '{at}', '{words}');
                INSERT INTO CaseEvents (Sequence, CaseId, Type, Data, ActorUserId, OccurredAt)
                VALUES ({++sequence}, '{id}', 'CaseClosed', '{closing}', '{worker}', '{at}');

                """);
        }

        // SQL Server hands out event numbers from a counter row (SQLite's are the rowid).
        return engine == DatabaseProvider.Sqlite ? sql.ToString() : sql.Append($"UPDATE Counters SET Value = {sequence} WHERE Name = 'CaseEvents';").ToString();
    }

    private static async Task<(User Worker, CaseLease Lease)> ClaimAsync(HotlineApp hotline)
    {
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "en");
        return (worker, await ClaimAsync(hotline, worker));
    }

    private static async Task<CaseLease> ClaimAsync(HotlineApp hotline, User worker)
    {
        var queued = await hotline.QueueCaseAsync("en", PriorityBand.High);
        return await hotline.Get<CaseQueue>().ClaimAsync(queued.Id, worker.Id, TimeSpan.FromMinutes(5), Ct)
            ?? throw new InvalidOperationException("The case was not claimed.");
    }

    private static async Task<IReadOnlyList<CaseNote>> NotesAsync(HotlineApp hotline, Guid caseId)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await hotline.Get<CaseNoteRepository>().ReadByCaseAsync(session, caseId, Ct);
    }
}
