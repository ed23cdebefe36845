namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A case opened at the language menu (here: the person wrote "👋" and answered nothing until the intake timer handed it to
/// a caseworker) has no language: every caseworker sees it. When the person then chooses one ("language", then "6", नेपाली), it
/// goes to that language's caseworkers, as a transfer to the language would send it. Before, it stayed "und" for good.
/// </summary>
public sealed class CaseLanguageLearnedTests
{
    private const string Worker = "+9779800000931";

    /// <summary>Long enough for a push sent at the same moment as the control's to arrive over long polling.</summary>
    private static readonly TimeSpan Straggler = TimeSpan.FromSeconds(1);

    [Theory, DatabaseData]
    public async Task A_case_opened_before_the_language_was_chosen_moves_to_the_language_the_person_then_chooses(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await OpenAtTheMenuAsync(harness);
        Assert.Equal("Queued|und|und", await harness.ScalarAsync("SELECT CONCAT(Status, '|', Language, '|', PersonLanguage) FROM Cases"));

        await harness.TextAsync(Worker, "language", "6");

        Assert.Equal("Queued|ne|ne", await harness.ScalarAsync("SELECT CONCAT(Status, '|', Language, '|', PersonLanguage) FROM Cases"));
        var learned = JsonDocument.Parse((await harness.ScalarAsync("SELECT Data FROM CaseEvents WHERE Type = 'CaseLanguageLearned'"))!).RootElement;
        Assert.Equal(("und", "ne"), (learned.GetProperty("FromLanguage").GetString(), learned.GetProperty("ToLanguage").GetString()));
    }

    [Theory, DatabaseData]
    public async Task A_number_from_the_menu_the_timer_left_on_the_phone_moves_the_case_too(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await OpenAtTheMenuAsync(harness);

        await harness.TextAsync(Worker, "6");

        Assert.Equal("Queued|ne|ne", await harness.ScalarAsync("SELECT CONCAT(Status, '|', Language, '|', PersonLanguage) FROM Cases"));
    }

    [Theory, DatabaseData]
    public async Task A_case_left_with_no_language_after_its_person_chose_one_is_routed_at_the_next_start(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await OpenAtTheMenuAsync(harness);
        await harness.TextAsync(Worker, "language", "6");
        // As a case opened at the menu before cases learned their language was left: the choice made, the case still "und".
        await harness.App.ExecuteAsync("UPDATE Cases SET Language = 'und', PersonLanguage = 'und'");
        await harness.App.ExecuteAsync("DELETE FROM CaseEvents WHERE Type = 'CaseLanguageLearned'");

        await harness.App.Get<CaseLanguageBackfill>().RunAsync(Ct);

        Assert.Equal("Queued|ne|ne", await harness.ScalarAsync("SELECT CONCAT(Status, '|', Language, '|', PersonLanguage) FROM Cases"));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'CaseLanguageLearned'"));
    }

    [Theory, DatabaseData]
    public async Task A_language_chosen_again_later_moves_the_case_no_more(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await OpenAtTheMenuAsync(harness);
        await harness.TextAsync(Worker, "language", "6");

        await harness.TextAsync(Worker, "language", "2");

        Assert.Equal("ne|ne", await harness.ScalarAsync("SELECT CONCAT(Language, '|', PersonLanguage) FROM Cases"));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'CaseLanguageLearned'"));
    }

    [Theory, DatabaseData]
    public async Task A_caseworker_of_another_language_who_had_the_case_open_stops_seeing_it_once_the_person_chooses_theirs(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var amal = await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, "amal", UserRole.Caseworker, "ar"));
        await using var hub = amal.Hub();
        var changes = HubHeard.Changes(hub);
        var messages = HubHeard.Messages(hub);
        await hub.StartAsync(Ct);
        var caseId = await OpenAtTheMenuAsync(harness);
        Assert.Equal("und", (await HubHeard.NextAsync(changes, c => c.Case.Id == caseId)).Case.Language);
        Assert.True((await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), caseId, Ct)).Ok);

        await harness.TextAsync(Worker, "language", "6");

        var moved = await HubHeard.NextAsync(changes, c => c.Type == "CaseLanguageLearned");
        Assert.Equal((caseId, "ne"), (moved.Case.Id, moved.Case.Language));
        while (messages.Reader.TryRead(out _))
        {
            // The choice itself may reach her: it was written while the case was hers to see.
        }

        await harness.TextAsync(Worker, "my passport was taken");
        var reopened = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), caseId, Ct);
        await Task.Delay(Straggler, Ct);

        Assert.False(messages.Reader.TryRead(out var leaked), $"amal heard '{leaked.Body}' of a Nepali case");
        Assert.False(reopened.Ok);
        Assert.Equal("You may not work on this case.", reopened.Refusal);
    }

    /// <summary>"👋", the language menu, no answer, and an hour later the intake timer hands the case over. The case.</summary>
    private static async Task<Guid> OpenAtTheMenuAsync(TwilioHarness harness)
    {
        await harness.TextAsync(Worker, "👋");
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
        Assert.Equal(1, await ActivatorUtilities.CreateInstance<IntakeTimeoutJob>(harness.App.Services, (TimeProvider)later).TickSilentIntakesAsync(Ct));
        return Guid.Parse((await harness.ScalarAsync("SELECT Id FROM Cases"))!);
    }
}
