using Hotline.Api.Tests.Privacy;

namespace Hotline.Api.Tests.Erasure;

/// <summary>
/// Erasure on request leaves nothing of the person: a complete flow through the real webhook, the hub, the
/// outbox, a referral and the SIM registry with canary values, then <c>erase --phone</c>; no table, no column,
/// and no byte of the database file or its write-ahead log holds a canary, nor any value that was stored
/// encrypted for them; the statistics still count the case.
/// </summary>
public sealed class ErasureCanaryTests
{
    private const string CanaryPhone = "+9779800099321";
    private const string CanaryText = "CANARY-ERASE-boss-holds-my-passport";
    private const string CanaryNote = "CANARY-ERASE-note-hiding-at-cousins";
    private const string CanaryReply = "CANARY-ERASE-reply-stay-safe";
    private const string CanarySummary = "CANARY-ERASE-summary-needs-shelter";
    private const string CanaryRegion = "CANARY-ERASE-region-labour-camp-7";

    [Fact]
    public async Task After_erasure_no_table_column_or_byte_of_the_database_files_holds_the_person_and_statistics_still_count_the_case()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var app = harness.App;
        var caseId = await RunCompleteFlowAsync(harness);
        string[] canaries = [CanaryPhone, CanaryPhone[1..], CanaryText, CanaryNote, CanaryReply, CanarySummary, CanaryRegion,
            app.Services.GetRequiredService<AddressHasher>().Hash(new ChannelAddress(Channel.Sms, CanaryPhone))];
        var storedForThePerson = await EncryptedValuesAsync(app);
        Assert.NotEmpty(storedForThePerson);
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(app.Services, ["erase", "--phone", CanaryPhone], TextReader.Null, output, Ct);

        Assert.Equal(0, exit);
        Assert.StartsWith("Erased. Removed: messages ", output.ToString());
        Assert.Contains("notes 1, referrals 1,", output.ToString());
        Assert.Contains("conversations 1, chat routes 0, outbox rows ", output.ToString());
        Assert.Contains("SIM registrations 1;", output.ToString());
        string[] everything = [.. canaries, .. storedForThePerson];
        Assert.Empty(await CanaryScan.InTablesAsync(app.DatabaseFile, everything));
        Assert.Empty(CanaryScan.InFiles([app.DatabaseFile, app.DatabaseFile + "-wal"], everything));
        await app.Services.GetRequiredService<StatisticsProjection>().CatchUpAsync(10, Ct);
        Assert.Equal("1", await app.ScalarAsync($"SELECT SUM(Count) FROM StatisticsCounts WHERE Dimension = '{StatisticsKeys.CaseLanguage}'"));
        Assert.Equal("Closed", await app.ScalarAsync($"SELECT Status FROM Cases WHERE Id = '{caseId}'"));
    }

    /// <summary>
    /// The person's SIM is registered, they text the hotline, a caseworker takes the case, notes, replies (sent to
    /// the phone), refers it to a shelter with a summary and the region the person is in, and closes it as referred.
    /// </summary>
    private static async Task<Guid> RunCompleteFlowAsync(TwilioHarness harness)
    {
        var app = harness.App;
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "admin-erase", UserRole.Admin, "en"));
        (await admin.Http.PostAsync("/api/admin/sims",
            new StringContent($"phone_number,language,issued_on,programme\n{CanaryPhone},ne,2026-01-05,Pilot\n", Encoding.UTF8, "text/csv"), Ct)).EnsureSuccessStatusCode();
        var created = await admin.Http.PostAsJsonAsync("/api/admin/partners", new PartnerInput(
            "Safe House", [PartnerServices.Shelter], ["ne", "en"], ["Doha"], "Intake desk", "intake@example.org", "+97444000000", null, null), Ct);
        var partner = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Partner>(Ct))!;
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne", "en"));
        await harness.TextAsync(CanaryPhone, "talk to a person", CanaryText);
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value
            ?? throw new InvalidOperationException("No case was waiting for the caseworker.");
        var (caseId, lease) = (taken.Case.Id, taken.LeaseToken!.Value);
        Assert.True((await hub.InvokeAsync<ActionAnswer<NoteView>>(nameof(CaseHub.AddNote), caseId, CanaryNote, Guid.NewGuid(), Ct)).Ok);
        Assert.True((await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), caseId, lease, CanaryReply, Guid.NewGuid(), Ct)).Ok);
        await harness.DispatchAllAsync();
        var referral = await ReadAsync<ReferralView>(await worker.Http.PostAsJsonAsync($"/api/cases/{caseId}/referrals",
            new ProposeReferral(partner.Id, PartnerServices.Shelter), Ct));
        await ReadAsync<ReferralView>(await worker.Http.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{referral.Id}/consent",
            new RecordConsent("person", "sms", null, ["summary", "language", "region"], CanarySummary, null, CanaryRegion, null), Ct));
        await ReadAsync<ReferralView>(await worker.Http.PostAsync($"/api/cases/{caseId}/referrals/{referral.Id}/send", null, Ct));
        Assert.True((await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.CloseCase), caseId, lease, "referred", null, Ct)).Value);
        return caseId;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, System.Text.Json.JsonSerializerOptions.Web)!;
    }

    /// <summary>
    /// Every value stored encrypted outside the accounts and the hosts' own key ring (DataProtectionKeys): in this test,
    /// all of them are the person's.
    /// </summary>
    private static async Task<IReadOnlyList<string>> EncryptedValuesAsync(HotlineApp app) =>
        (await CanaryScan.CellsAsync(app.DatabaseFile))
            .Where(cell => !cell.Column.StartsWith("Users.", StringComparison.Ordinal) && !cell.Column.StartsWith("DataProtectionKeys.", StringComparison.Ordinal))
            .Select(cell => cell.Text).Where(value => value.Contains("hl2:", StringComparison.Ordinal) || value.Contains("hl1:", StringComparison.Ordinal)).Distinct().ToList();
}
