namespace Hotline.Api.Tests.Privacy;

/// <summary>
/// Logs leave the hotline (a log shipper, an operator's terminal) and are read by people who must not learn who
/// wrote or what: a whole flow with recognisable numbers and texts, every category at Debug, then every line and
/// every exception in full is scanned for them.
/// </summary>
public sealed class LogCanaryTests
{
    private const string CanaryPhone = "+9779800077123";
    private const string CanaryText = "CANARY-log-passport-taken-by-Rahman";
    private const string CanaryReply = "CANARY-log-reply-shelter-in-Doha";
    private const string CanarySummary = "CANARY-log-summary-camp-7";

    [Fact]
    public async Task Webhook_intake_hand_off_claim_reply_a_twilio_error_and_a_referral_log_no_number_and_no_text()
    {
        var logs = new CapturedLogs();
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        }, services => services.AddSingleton<ILoggerProvider>(logs));

        await harness.TextAsync(CanaryPhone, CanaryText, "1", "1", "yes");
        await harness.DispatchAllAsync();
        var caseId = await ClaimAndReplyAsync(harness);
        harness.Twilio.FailNext(1, 500);
        await harness.DispatchAllAsync();
        await ReferAsync(harness, caseId);
        await harness.PostSignedAsync("/twilio/sms", new Dictionary<string, string> { ["From"] = CanaryPhone, ["Body"] = CanaryText });

        var lines = logs.Lines;
        Assert.Contains(lines, line => line.Contains("Hotline.Api", StringComparison.Ordinal));
        Assert.Contains(harness.Twilio.Created, created => created.Body == CanaryReply);
        string[] canaries = [CanaryPhone, CanaryPhone[1..], CanaryPhone[4..], CanaryText, "Rahman", CanaryReply, CanarySummary];
        var leaks = lines.Where(line => canaries.Any(canary => line.Contains(canary, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    private static async Task<Guid> ClaimAndReplyAsync(TwilioHarness harness)
    {
        var caseworker = await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, "amina", UserRole.Caseworker, "en"));
        await using var hub = caseworker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
        var reply = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken, CanaryReply, Guid.NewGuid(), Ct);
        Assert.True(reply.Ok, reply.Refusal);
        return taken.Case.Id;
    }

    private static async Task ReferAsync(TwilioHarness harness, Guid caseId)
    {
        var admin = await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, "root", UserRole.Admin, "en"));
        var created = await admin.Http.PostAsJsonAsync("/api/admin/partners", new PartnerInput(
            "Safe House Doha", [PartnerServices.Shelter], ["en"], ["Doha"], "Intake desk", "intake@example.org", "+97444000000", null, null), Ct);
        var shelter = (await created.Content.ReadFromJsonAsync<Partner>(Ct))!;
        var caseworker = await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, "bilal", UserRole.Supervisor, "en"));
        var referral = await ReferralHarness.Read<ReferralView>(
            await caseworker.Http.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new ProposeReferral(shelter.Id, PartnerServices.Shelter), Ct));
        var consent = ReferralHarness.Consent("summary") with { Summary = CanarySummary };
        await ReferralHarness.Read<ReferralView>(await caseworker.Http.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{referral.Id}/consent", consent, Ct));
        var sent = await caseworker.Http.PostAsync($"/api/cases/{caseId}/referrals/{referral.Id}/send", null, Ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }
}
