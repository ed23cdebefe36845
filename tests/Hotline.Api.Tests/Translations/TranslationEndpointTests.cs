namespace Hotline.Api.Tests.Translations;

/// <summary>The review page's API: a correction checked as the script loader checks it, a language marked reviewed, and who may do either.</summary>
public sealed class TranslationEndpointTests
{
    private const string SwahiliDanger = "/api/translations/sw/intake/danger";
    private const string Corrected = "Je, uko hatarini sasa? 1 Ndiyo 2 Hapana";

    [Theory, DatabaseData]
    public async Task A_correction_is_stored_as_a_new_version_with_who_made_it(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var reviewer = await SignInAsync(app, "baraka", UserRole.Reviewer, "sw");

        var response = await reviewer.Http.PutAsJsonAsync(SwahiliDanger, new TranslationEndpoints.TranslationEdit(Corrected), Ct);

        var text = await response.Content.ReadFromJsonAsync<TranslationEndpoints.TranslatedText>(Ct);
        Assert.Equal((HttpStatusCode.OK, Corrected, "Are you in danger right now? 1 Yes 2 No", "baraka"), (response.StatusCode, text!.Text, text.English, text.ChangedBy));
        Assert.Equal("1 Intake sw danger", await app.ScalarAsync("SELECT CONCAT(Id, ' ', Kind, ' ', Language, ' ', TextId) FROM TranslationRevisions"));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'translation.corrected' AND Subject = 'sw/intake/danger v1' AND Outcome = 'succeeded'"));
    }

    [Fact]
    public async Task A_correction_without_the_placeholder_of_the_English_is_refused_with_the_reason_and_stores_nothing()
    {
        await using var app = new HotlineApp();
        var admin = await SignInAsync(app, "ines", UserRole.Admin, "en");

        var response = await admin.Http.PutAsJsonAsync("/api/translations/sw/intake/danger_help", new TranslationEndpoints.TranslationEdit("Piga simu sasa."), Ct);

        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Ct);
        Assert.Equal((HttpStatusCode.BadRequest, "danger_help: must keep {emergency_number} exactly as written, brackets included (the hotline fills it in when it sends the text)."),
            (response.StatusCode, problem!.Detail));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM TranslationRevisions"));
        Assert.Equal("sw/intake/danger_help refused",
            await app.ScalarAsync("SELECT CONCAT(Subject, ' ', Outcome) FROM AuditEntries WHERE Action = 'translation.corrected'"));
    }

    [Fact]
    public async Task A_correction_in_another_writing_system_is_refused()
    {
        await using var app = new HotlineApp();
        var admin = await SignInAsync(app, "ines", UserRole.Admin, "en");

        var response = await admin.Http.PutAsJsonAsync("/api/translations/hi/canned-reply/safe_to_write",
            new TranslationEndpoints.TranslationEdit("Is it safe to write now?"), Ct);

        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Ct);
        Assert.Equal((HttpStatusCode.BadRequest, "reply 'safe_to_write': the text in 'hi' is not written in the Devanagari script: 0 of its 18 letters are."),
            (response.StatusCode, problem!.Detail));
    }

    [Fact]
    public async Task Marking_a_language_reviewed_lifts_the_consoles_notice_for_that_language_only()
    {
        await using var app = new HotlineApp();
        var reviewer = await SignInAsync(app, "baraka", UserRole.Reviewer, "sw");
        var caseworker = await SignInAsync(app, "amina", UserRole.Caseworker, "sw");

        var marked = await reviewer.Http.PostAsync("/api/translations/sw/review", null, Ct);

        var languages = await caseworker.Http.GetFromJsonAsync<List<Hotline.Api.IntakeHost.LanguageEndpoints.LanguageView>>("/api/languages", Ct);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal((true, false), (languages!.Single(l => l.Tag == "sw").Reviewed, languages!.Single(l => l.Tag == "fil").Reviewed));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'translation.reviewed' AND Subject = 'sw v1' AND Outcome = 'succeeded'"));
    }

    [Fact]
    public async Task A_correction_after_the_review_makes_the_language_unreviewed_again()
    {
        await using var app = new HotlineApp();
        var reviewer = await SignInAsync(app, "baraka", UserRole.Reviewer, "sw");
        await reviewer.Http.PostAsync("/api/translations/sw/review", null, Ct);

        await reviewer.Http.PutAsJsonAsync(SwahiliDanger, new TranslationEndpoints.TranslationEdit(Corrected), Ct);

        var overview = await reviewer.Http.GetFromJsonAsync<TranslationEndpoints.TranslationOverview>("/api/translations", Ct);
        Assert.Equal((2L, false), (overview!.Version, overview.Languages.Single(l => l.Tag == "sw").Reviewed));
    }

    [Fact]
    public async Task The_page_lists_every_text_of_the_script_and_every_canned_reply_beside_the_English()
    {
        await using var app = new HotlineApp();
        var reviewer = await SignInAsync(app, "baraka", UserRole.Reviewer, "sw");
        var script = app.Services.GetRequiredService<Hotline.Bot.Intake.Scripts.IntakeScript>();
        var replies = app.Services.GetRequiredService<Hotline.Bot.CannedReplies.CannedReplyCatalog>().For("en");

        var page = await reviewer.Http.GetFromJsonAsync<TranslationEndpoints.LanguageTexts>("/api/translations/sw", Ct);

        Assert.Equal([.. script.TextIds.Select(id => "intake " + id), .. replies.Select(r => "canned-reply " + r.Id)], page!.Texts.Select(t => t.Kind + " " + t.Id));
        Assert.Equal(("Kiswahili", "Sawa. Andika tena ukiwa salama.", "OK. Write again when it is safe."),
            (page.Language.Name, page.Texts.Single(t => t.Id == "not_safe").Text, page.Texts.Single(t => t.Id == "not_safe").English));
    }

    [Fact]
    public async Task A_reviewer_acts_only_in_the_languages_of_their_account()
    {
        await using var app = new HotlineApp();
        var reviewer = await SignInAsync(app, "baraka", UserRole.Reviewer, "sw");

        var response = await reviewer.Http.PostAsync("/api/translations/hi/review", null, Ct);

        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Ct);
        Assert.Equal((HttpStatusCode.Forbidden, "You review sw; an admin can add 'hi' to your account."), (response.StatusCode, problem!.Detail));
    }

    [Theory]
    [InlineData(UserRole.Caseworker)]
    [InlineData(UserRole.Supervisor)]
    [InlineData(UserRole.Ngo)]
    public async Task Only_the_admin_and_the_reviewer_reach_the_translations(UserRole role)
    {
        await using var app = new HotlineApp();
        var other = await SignInAsync(app, "someone", role, "sw");

        var answers = new[]
        {
            (await other.Http.GetAsync("/api/translations", Ct)).StatusCode,
            (await other.Http.GetAsync("/api/translations/sw", Ct)).StatusCode,
            (await other.Http.PutAsJsonAsync(SwahiliDanger, new TranslationEndpoints.TranslationEdit(Corrected), Ct)).StatusCode,
            (await other.Http.PostAsync("/api/translations/sw/review", null, Ct)).StatusCode,
        };

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], answers);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM TranslationRevisions"));
    }

    [Fact]
    public async Task The_reviewer_reads_no_case()
    {
        await using var app = new HotlineApp();
        var reviewer = await SignInAsync(app, "baraka", UserRole.Reviewer, "sw");

        var answers = new[]
        {
            (await reviewer.Http.GetAsync("/api/queue", Ct)).StatusCode,
            (await reviewer.Http.GetAsync("/api/languages", Ct)).StatusCode,
            (await reviewer.Http.GetAsync("/api/admin/accounts", Ct)).StatusCode,
        };

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], answers);
    }

    private static async Task<SignedInClient> SignInAsync(HotlineApp app, string name, UserRole role, string language) =>
        await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, name, role, language));

    private sealed record ProblemBody(string? Detail);
}
