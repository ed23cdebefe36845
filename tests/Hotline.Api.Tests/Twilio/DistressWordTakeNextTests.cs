using Microsoft.AspNetCore.SignalR.Client;

namespace Hotline.Api.Tests.Twilio;

/// <summary>
/// A distress word through the signed webhook and "Take next case": the queue agrees with what the phone was told. Found by a
/// newcomer walk: "help me" got "If you can, call 112 now", but the case was High and a caseworker's "Take next case" gave
/// first a Critical case whose person had answered "Are you in danger right now?" no.
/// </summary>
public sealed class DistressWordTakeNextTests
{
    private const string ManyIndicators = "+9779800000611";
    private const string Crying = "+9779800000612";

    [Fact]
    public async Task A_person_told_to_call_the_emergency_number_is_taken_before_an_earlier_Critical_person_who_answered_danger_no()
    {
        await using var harness = await TwilioHarness.StartAsync();
        // Safe, danger no, consent, then documents yes, wages yes, free to leave no, debt yes, threats yes: Critical by score.
        await harness.TextAsync(ManyIndicators, "hello", "1", "2", "1", "1", "1", "2", "1", "1");
        await harness.TextAsync(Crying, "help me please");
        await harness.DispatchAllAsync();
        // Two caseworkers, one after the other: one holding a Critical person who waits for her reply is given that case
        // again by "Take next case" (HeldCasesWaitingTests), so the queue's order is read by two.
        await using var amina = await TakeNextAsync(harness, "amina");
        await using var bina = await TakeNextAsync(harness, "bina");
        var first = amina.Taken;
        var second = bina.Taken;

        Assert.Contains(harness.Twilio.Created,
            m => m.To == Crying && m.Body == "If you can, call 112 now. A person will write to you here soon.");
        Assert.Equal(("Critical", 100, true, "distress_word"), (first.Priority, first.TriageScore, first.InDangerNow, string.Join(" ", first.Reasons)));
        Assert.Equal(
            ("Critical", 125, false, "threats_or_violence not_free_to_leave documents_retained debt_to_employer wages_withheld dependent_on_employer"),
            (second.Priority, second.TriageScore, second.InDangerNow, string.Join(" ", second.Reasons)));
    }

    private static async Task<Taking> TakeNextAsync(TwilioHarness harness, string name)
    {
        var caseworker = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, name, UserRole.Caseworker, "en"));
        var hub = caseworker.Hub();
        await hub.StartAsync(Ct);
        return new Taking(hub, (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!.Case);
    }

    /// <summary>A caseworker's connection and the case her "Take next case" gave.</summary>
    private sealed record Taking(HubConnection Hub, CaseSummary Taken) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Hub.DisposeAsync();
    }
}
