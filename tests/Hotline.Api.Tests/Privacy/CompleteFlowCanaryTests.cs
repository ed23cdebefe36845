using Hotline.Api.Tests.Media;

namespace Hotline.Api.Tests.Privacy;

/// <summary>
/// A whole life through the real paths of one host on one SQLite file, with recognisable values for everything a person
/// and a caseworker write: signed Twilio webhooks through the intake, a photo fetched from the Twilio stand-in, a reply
/// through the outbox with its status callback, a note, a referral with consent that the partner reads in its inbox, a
/// close with an outcome and a note. Then every column of every table, the raw database, write-ahead log and media files,
/// and every log line written at Trace are searched: no canary is anywhere in the clear.
/// </summary>
public sealed class CompleteFlowCanaryTests
{
    private const string CanaryPhone = "+9779800066512";
    private const string CanaryName = "Canarymaya Canarythapa";
    private const string CanaryEmployer = "Canaryfield Contracting";
    private const string CanaryPlace = "CANARY-labour-camp-block-9";
    private const string CanaryNepali = "मेरो राहदानी CANARYSAHU ले लियो";
    private const string CanaryCaption = "CANARY-caption-my-room";
    private const string CanaryNote = "CANARY-note-sister-in-Pokhara";
    private const string CanaryReply = "CANARY-reply-we-can-help-you";
    private const string CanarySummary = "CANARY-summary-needs-shelter-tonight";
    private const string CanaryRegion = "CANARY-region-Industrial-Area";
    private const string CanaryCloseNote = "CANARY-close-note-moved-to-shelter";

    /// <summary>Where the test photo says it was taken (<see cref="TestPhotos.WithGps"/>): kept only in the encrypted evidence.</summary>
    private const string PhotoLatitude = "52.520094";

    /// <summary>The partner's contact address, stored in the clear by design: the scans must find it.</summary>
    private const string PartnerEmail = "intake@example.org";

    private static readonly string[] Canaries =
    [
        CanaryPhone, CanaryPhone[1..], CanaryPhone[4..], "Canarymaya", "Canarythapa", "Canaryfield", CanaryPlace, "राहदानी", "CANARYSAHU",
        CanaryCaption, CanaryNote, CanaryReply, CanarySummary, CanaryRegion, CanaryCloseNote, PhotoLatitude,
    ];

    [Fact]
    public async Task No_number_name_place_employer_text_note_or_summary_is_in_any_table_file_or_log_line_after_a_whole_case()
    {
        var logs = new CapturedLogs();
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Hotline"] = "Trace",
        }, services => services.AddSingleton<ILoggerProvider>(logs));
        var app = harness.App;
        // SQLite folds the write-ahead log into the file when the last connection closes; one held open keeps it to scan.
        await using var holder = await app.Services.GetRequiredService<Database>().OpenAsync(Ct);

        var caseId = await RunWholeCaseAsync(harness);

        var mediaFolder = app.Services.GetRequiredService<IOptions<MediaOptions>>().Value.Path;
        var files = Directory.GetFiles(app.Folder, "hotline.db*").Concat(Directory.GetFiles(mediaFolder, "*", SearchOption.AllDirectories)).ToList();
        Assert.Contains(files, file => file.EndsWith("-wal", StringComparison.Ordinal));
        Assert.Equal(2, files.Count(file => file.EndsWith(".original", StringComparison.Ordinal) || file.EndsWith(".view", StringComparison.Ordinal)));
        Assert.Contains(harness.Twilio.Created, created => created.Body == CanaryReply);
        Assert.Equal("Closed|referred", await app.ScalarAsync($"SELECT Status || '|' || Outcome FROM Cases WHERE Id = '{caseId}'"));
        Assert.Equal(2, await app.CountAsync($"SELECT COUNT(*) FROM CaseNotes WHERE CaseId = '{caseId}'"));
        // One for the referral shown in the inbox list, one for the referral opened.
        Assert.Equal(2L, await app.CountAsync("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'partner-inbox.item-read'"));
        Assert.Contains(logs.Lines, line => line.Contains(" Hotline.Api.", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.StartsWith("Debug ", StringComparison.Ordinal));
        Assert.NotEmpty(await CanaryScan.InTablesAsync(app.DatabaseFile, [PartnerEmail]));
        Assert.NotEmpty(CanaryScan.InFiles(files, [PartnerEmail]));
        Assert.Empty(await CanaryScan.InTablesAsync(app.DatabaseFile, Canaries));
        Assert.Empty(CanaryScan.InFiles(files, Canaries));
        var inLog = CanaryScan.InLines(logs.Lines, Canaries);
        Assert.True(inLog.Count == 0, string.Join(Environment.NewLine, inLog));
    }

    /// <summary>
    /// The person goes through the intake, tells their story and sends a photo; a caseworker takes the case, notes, replies
    /// (delivered), refers it to a shelter with the person's consent, the shelter reads it, and the case closes as referred.
    /// </summary>
    private static async Task<Guid> RunWholeCaseAsync(TwilioHarness harness)
    {
        var app = harness.App;
        var admin = await SignInAsync(app, "root", UserRole.Admin);
        var shelter = await ReferralHarness.Read<Partner>(await admin.Http.PostAsJsonAsync("/api/admin/partners", new PartnerInput(
            "Safe House", [PartnerServices.Shelter], ["en"], ["Doha"], "Intake desk", PartnerEmail, "+97444000000", null, null), Ct));
        var shelterStaff = await SignInAsync(app, "shelter", UserRole.Ngo);
        (await admin.Http.PutAsJsonAsync($"/api/admin/users/{shelterStaff.User.Id}/organisation", new { organisationId = shelter.Id }, Ct)).EnsureSuccessStatusCode();

        await harness.TextAsync(CanaryPhone, "hi", "1", "1", "2", "1", "2", "2", "2", "2", "2", "2", "2", "2", "2", $"Near {CanaryPlace}");
        await harness.TextAsync(CanaryPhone, $"My name is {CanaryName}, I work for {CanaryEmployer}", CanaryNepali);
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg", text: CanaryCaption, from: CanaryPhone);
        Assert.Equal(1, await app.FetchMediaAsync());
        await harness.DispatchAllAsync();

        var worker = await SignInAsync(app, "ravi", UserRole.Caseworker);
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value
            ?? throw new InvalidOperationException("No case was waiting for the caseworker.");
        var (caseId, lease) = (taken.Case.Id, taken.LeaseToken!.Value);
        Assert.True((await hub.InvokeAsync<ActionAnswer<NoteView>>(nameof(CaseHub.AddNote), caseId, CanaryNote, Guid.NewGuid(), Ct)).Ok);
        Assert.True((await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), caseId, lease, CanaryReply, Guid.NewGuid(), Ct)).Ok);
        await harness.DispatchAllAsync();
        foreach (var sent in harness.Twilio.Created.Where(created => created.To == CanaryPhone))
        {
            (await harness.PostSignedAsync("/twilio/status", TwilioHarness.StatusFields(CanaryPhone, sent.Sid, "delivered"))).EnsureSuccessStatusCode();
        }

        (await worker.Http.GetAsync($"/api/cases/{caseId}", Ct)).EnsureSuccessStatusCode();
        var mediaId = await app.ScalarAsync("SELECT Id FROM MediaItems WHERE Status = 'Kept'");
        (await worker.Http.GetAsync($"/api/cases/{caseId}/media/{mediaId}", Ct)).EnsureSuccessStatusCode();

        var referral = await ReferralHarness.Read<ReferralView>(
            await worker.Http.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new ProposeReferral(shelter.Id, PartnerServices.Shelter), Ct));
        await ReferralHarness.Read<ReferralView>(await worker.Http.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{referral.Id}/consent",
            new RecordConsent("person", "sms", null, ["summary", "language", "nationality", "region"], CanarySummary, "NP", CanaryRegion, null), Ct));
        await ReferralHarness.Read<ReferralView>(await worker.Http.PostAsync($"/api/cases/{caseId}/referrals/{referral.Id}/send", null, Ct));
        (await shelterStaff.Http.GetAsync("/api/partner/referrals", Ct)).EnsureSuccessStatusCode();
        (await shelterStaff.Http.GetAsync($"/api/partner/referrals/{referral.Id}", Ct)).EnsureSuccessStatusCode();

        var closed = await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.CloseCase), caseId, lease, "referred", CanaryCloseNote, Ct);
        Assert.True(closed.Ok, closed.Refusal);
        return caseId;
    }

    private static async Task<SignedInClient> SignInAsync(HotlineApp app, string name, UserRole role) =>
        await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, name, role, "en"));
}
