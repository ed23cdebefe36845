using Channel = System.Threading.Channels.Channel;
using System.Threading.Channels;
using Hotline.Api.Tests.Referrals;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A case a caseworker answered, and referred, comes back to the queue when the claim is released or runs out. Its row
/// must say what happened before, and it must not count as a person waiting for a first reply, until they write again.
/// </summary>
public sealed class BackInQueueTests
{
    private const string Worker = "+639171234567";

    [Fact]
    public async Task A_case_answered_and_referred_back_in_the_queue_says_so_and_waits_again_only_from_the_persons_new_message()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "0");
        var h = await ReferralHarness.OnAsync(harness.App, "en");
        var supervisor = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "sofia", UserRole.Supervisor, "en"));
        var heard = Channel.CreateUnbounded<CaseChange>();
        await using var watching = await HearChangesAsync(supervisor, heard);
        await using var hub = h.Caseworker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
        var reply = (await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken,
            "We are here. Are you safe where you are now?", Guid.NewGuid(), Ct)).Value!;
        await h.SendAsync(taken.Case.Id, h.Shelter, PartnerServices.Shelter, ReferralHarness.Consent("language"));
        Assert.True((await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.ReleaseCase), taken.Case.Id, taken.LeaseToken, Ct)).Ok);

        var back = await SupervisorSeesAsync(supervisor, taken.Case.Id);
        Assert.Equal(("Queued", reply.At, (DateTimeOffset?)null, "sent"), (back.Case.Status, back.Case.AnsweredAt, back.Case.UnansweredSince, back.Case.Referral));
        Assert.Equal((0, 1, 0.0), (back.Statistics.Queued, back.Statistics.Answered, back.Statistics.OldestWaitingSeconds));
        Assert.Empty(back.Statistics.QueuedByPriority);

        await harness.TextAsync(Worker, "my employer took my phone again");

        var pushed = await HubHeard.NextAsync(heard, c => c.Case.Id == taken.Case.Id && c.Case.UnansweredSince is not null);
        var again = await SupervisorSeesAsync(supervisor, taken.Case.Id);
        var written = Assert.Single(again.Detail.Transcript, m => m.Body == "my employer took my phone again");
        Assert.Equal((reply.At, written.At, "sent"), (again.Case.AnsweredAt, again.Case.UnansweredSince, again.Case.Referral));
        Assert.Equal(again.Case.UnansweredSince, pushed.Case.UnansweredSince);
        Assert.Equal((1, 0), (again.Statistics.Queued, again.Statistics.Answered));
        Assert.Equal(new Dictionary<string, int> { [again.Case.Priority] = 1 }, again.Statistics.QueuedByPriority);
        Assert.InRange(again.Statistics.OldestWaitingSeconds, 0, (DateTimeOffset.UtcNow - written.At).TotalSeconds + 1);
    }

    /// <summary>Found by a review: a reply Twilio refused counted as an answer, so the person dropped out of the waiting figures and the alert.</summary>
    [Fact]
    public async Task A_case_whose_only_reply_failed_back_in_the_queue_still_waits_for_a_reply()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "0");
        await harness.DispatchAllAsync();
        var h = await ReferralHarness.OnAsync(harness.App, "en");
        var supervisor = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "sofia", UserRole.Supervisor, "en"));
        await using var hub = h.Caseworker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
        harness.Twilio.RejectNext(21211, "The 'To' number {To} is not a valid phone number.");
        Assert.True((await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken,
            "We are here. Are you safe where you are now?", Guid.NewGuid(), Ct)).Ok);
        await harness.DispatchAllAsync();
        Assert.True((await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.ReleaseCase), taken.Case.Id, taken.LeaseToken, Ct)).Ok);

        var back = await SupervisorSeesAsync(supervisor, taken.Case.Id);

        Assert.Equal("failed", Assert.Single(back.Detail.Transcript, m => m.Body == "We are here. Are you safe where you are now?").DeliveryStatus);
        Assert.Equal(("Queued", (DateTimeOffset?)null), (back.Case.Status, back.Case.AnsweredAt));
        Assert.Equal((1, 0), (back.Statistics.Queued, back.Statistics.Answered));
    }

    /// <summary>Found by a review: the failure of a reply after the case was released reached no console, which still said "answered".</summary>
    [Fact]
    public async Task A_reply_that_fails_after_the_case_was_released_is_pushed_as_waiting_again()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "0");
        await harness.DispatchAllAsync();
        var h = await ReferralHarness.OnAsync(harness.App, "en");
        var supervisor = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "sofia", UserRole.Supervisor, "en"));
        var heard = Channel.CreateUnbounded<CaseChange>();
        await using var watching = await HearChangesAsync(supervisor, heard);
        await using var hub = h.Caseworker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
        Assert.True((await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken,
            "We are here. Are you safe where you are now?", Guid.NewGuid(), Ct)).Ok);
        await harness.DispatchAllAsync();
        Assert.True((await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.ReleaseCase), taken.Case.Id, taken.LeaseToken, Ct)).Ok);
        await HubHeard.NextAsync(heard, c => c.Case.Id == taken.Case.Id && c.Case.Status == "Queued" && c.Case.AnsweredAt is not null);

        var sid = Assert.Single(harness.Twilio.Created, m => m.Body == "We are here. Are you safe where you are now?").Sid;
        await harness.PostSignedAsync("/twilio/status", TwilioHarness.StatusFields(Worker, sid, "undelivered"));

        var pushed = await HubHeard.NextAsync(heard, c => c.Case.Id == taken.Case.Id && c.Case.AnsweredAt is null);
        Assert.Equal("Queued", pushed.Case.Status);
    }

    [Fact]
    public async Task A_case_nobody_answered_waits_from_when_it_was_queued_with_no_history()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "0");
        var supervisor = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "sofia", UserRole.Supervisor, "en"));

        var overview = (await supervisor.Http.GetFromJsonAsync<CaseworkEndpoints.SupervisorOverview>("/api/supervisor/overview", Ct))!;

        var waiting = Assert.Single(overview.Queue.Cases);
        Assert.Equal((null, null, null), (waiting.AnsweredAt, waiting.UnansweredSince, waiting.Referral));
        Assert.Equal((1, 0), (overview.Statistics.Queued, overview.Statistics.Answered));
        Assert.InRange(overview.Statistics.OldestWaitingSeconds, 0, (DateTimeOffset.UtcNow - waiting.QueuedAt).TotalSeconds + 1);
    }

    /// <summary>A supervisor's live connection, every case change it hears written to <paramref name="heard"/>.</summary>
    private static async Task<HubConnection> HearChangesAsync(SignedInClient supervisor, Channel<CaseChange> heard)
    {
        var watching = supervisor.Hub();
        watching.On<IReadOnlyList<CaseChange>>(nameof(ICaseClient.CasesChanged), changes =>
        {
            foreach (var change in changes)
            {
                heard.Writer.TryWrite(change);
            }
        });
        await watching.StartAsync(Ct);
        return watching;
    }

    private sealed record Seen(CaseSummary Case, QueueStatistics Statistics, CaseDetail Detail);

    private static async Task<Seen> SupervisorSeesAsync(SignedInClient supervisor, Guid caseId)
    {
        var overview = (await supervisor.Http.GetFromJsonAsync<CaseworkEndpoints.SupervisorOverview>("/api/supervisor/overview", Ct))!;
        var detail = (await supervisor.Http.GetFromJsonAsync<CaseDetail>($"/api/cases/{caseId}", Ct))!;
        return new Seen(Assert.Single(overview.Queue.Cases, c => c.Id == caseId), overview.Statistics, detail);
    }
}
