using Hotline.Api.Tests.Privacy;

namespace Hotline.Api.Tests.Accountability;

/// <summary>The audit trail records who saw what, never what they saw: no number, text, name or note reaches it.</summary>
public sealed class AuditCanaryTests
{
    private const string CanaryPhone = "+9779800077123";
    private const string CanaryText = "CANARY-employer-took-my-passport";
    private const string CanaryNote = "CANARY-note-safe-house-address";
    private const string CanaryName = "CANARY-Rahman";

    [Fact]
    public async Task No_phone_number_message_text_note_or_typed_name_reaches_the_audit_table()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var app = harness.App;
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "en"));
        await harness.TextAsync(CanaryPhone, "talk to a person", CanaryText);
        await using var hub = worker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value
            ?? throw new InvalidOperationException("No case was waiting for the caseworker.");
        await hub.InvokeAsync<ActionAnswer<NoteView>>(nameof(CaseHub.AddNote), taken.Case.Id, CanaryNote, Guid.NewGuid(), Ct);
        (await worker.Http.GetAsync($"/api/cases/{taken.Case.Id}", Ct)).EnsureSuccessStatusCode();
        (await worker.Http.GetAsync($"/api/cases/{taken.Case.Id}/referrals", Ct)).EnsureSuccessStatusCode();
        await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), CanaryName, CanaryText);

        var audit = (await CanaryScan.CellsAsync(app.DatabaseFile)).Where(cell => cell.Column.StartsWith("AuditEntries.", StringComparison.Ordinal)).ToList();

        Assert.Equal(5, await app.CountAsync("SELECT COUNT(*) FROM AuditEntries"));
        string[] canaries = [CanaryPhone, CanaryPhone[1..], CanaryPhone[4..], CanaryText, CanaryNote, CanaryName, "Rahman", "passport"];
        Assert.Empty(CanaryScan.InCells(audit, canaries));
    }
}
