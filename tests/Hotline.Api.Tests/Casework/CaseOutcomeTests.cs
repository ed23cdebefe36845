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

    [Fact]
    public async Task A_free_text_outcome_stored_before_the_codes_becomes_a_note_by_the_closer_at_the_next_start()
    {
        await using var before = await HotlineApp.StartPartsAsync();
        var (worker, lease) = await ClaimAsync(before);
        Assert.True((await before.Get<CaseActions>().CloseAsync(worker, lease.Case.Id, lease.LeaseToken, "resolved", null, Ct)).Value);
        var kept = await ClaimAsync(before, worker);
        Assert.True((await before.Get<CaseActions>().CloseAsync(worker, kept.Case.Id, kept.LeaseToken, "duplicate", null, Ct)).Value);
        // The database as an older hotline left it: the words in the outcome and in the closing event, migration 0022 not run.
        await before.ExecuteAsync($"""
            UPDATE Cases SET Outcome = '{Words.Replace("'", "''")}' WHERE Id = '{lease.Case.Id}';
            UPDATE Cases SET Outcome = ' Duplicate' WHERE Id = '{kept.Case.Id}';
            UPDATE CaseEvents SET Data = json_set(Data, '$.Outcome', (SELECT Outcome FROM Cases WHERE Id = CaseEvents.CaseId)) WHERE Type = 'CaseClosed';
            DROP TABLE CaseOutcomeTexts;
            DELETE FROM SchemaVersions WHERE ScriptName LIKE '%0022_CaseOutcomeCodes.sql';
            """);

        await using var after = await HotlineApp.StartPartsAsync(settings: new Dictionary<string, string?>
        {
            ["Hotline:Database:ConnectionString"] = $"Data Source={before.DatabaseFile}",
        });

        Assert.Equal("other", await before.ScalarAsync($"SELECT Outcome FROM Cases WHERE Id = '{lease.Case.Id}'"));
        Assert.Equal("duplicate", await before.ScalarAsync($"SELECT Outcome FROM Cases WHERE Id = '{kept.Case.Id}'"));
        Assert.Equal(0, await before.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Data LIKE '%Ramesh%' OR Data LIKE '% Duplicate%'"));
        Assert.Equal(0, await before.CountAsync("SELECT COUNT(*) FROM CaseOutcomeTexts"));
        var notes = await NotesAsync(after, lease.Case.Id);
        Assert.Equal([("Outcome written at closing: " + Words, worker.Id)], notes.Select(n => (n.Body, n.AuthorUserId)));
        Assert.Empty(await NotesAsync(after, kept.Case.Id));
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
