using Hotline.Api.Tests.Twilio;
using static Hotline.Api.Tests.Retention.RetentionSeeds;

namespace Hotline.Api.Tests.Retention;

/// <summary>
/// Retention leaves Twilio no copy of a photo either, judged at the local Twilio stand-in. The media job deletes Twilio's copy
/// only once it has kept the file, by the photo's row; a photo still waiting for it when retention removes the row would stay
/// at Twilio for ever, so the message that brought it is deleted there, files and all, as after an erasure. Retentions here:
/// closed case content 90 days, idle conversations 180 days. A reply whose carrier never reports it delivered stays at `sent`,
/// which queues no deletion; retention deletes it there with the rest of the case's or conversation's messages.
/// </summary>
public sealed class RetentionAtTwilioTests
{
    private const string Worker = "+9779800000737";

    [Theory, DatabaseData]
    public async Task A_photo_of_a_closed_case_not_yet_fetched_is_deleted_at_Twilio_when_its_content_goes(DatabaseProvider engine)
    {
        await using var harness = await StartAsync(engine);
        await harness.TextAsync(Worker, "hello", "0");
        var sid = await ReceivePhotoAsync(harness);
        var caseId = Guid.Parse((await harness.ScalarAsync($"SELECT CaseId FROM Messages WHERE ChannelMessageId = '{sid}'"))!);
        await CloseAsync(harness, caseId);
        await RawAsync(harness.App, "UPDATE Cases SET ClosedAt = @At WHERE Id = @Id", new { At = DateTimeOffset.UtcNow.AddDays(-91), Id = caseId });

        var swept = await harness.App.Get<RetentionSweep>().SweepAsync(Ct);
        await DeleteUntilNoneWaitsAsync(harness);

        Assert.Equal((1, 1), (swept.Cases, swept.Content.Media));
        Assert.Equal(0, harness.Twilio.MediaHeld(sid));
        Assert.False(harness.Twilio.Holds(sid), "Twilio still holds the message that brought the photo");
    }

    [Theory, DatabaseData]
    public async Task A_photo_sent_outside_any_case_not_yet_fetched_is_deleted_at_Twilio_with_the_idle_conversation(DatabaseProvider engine)
    {
        await using var harness = await StartAsync(engine);
        var sid = await ReceivePhotoAsync(harness);
        Assert.Equal(0, await harness.CountAsync($"SELECT COUNT(*) FROM Messages WHERE ChannelMessageId = '{sid}' AND CaseId IS NOT NULL"));
        // A conversation with a reply still to send is not idle. Twilio has long finished sending those replies (no status
        // callback reached the hotline here): retention now deletes them there too, which Twilio refuses while one is queued.
        await harness.DispatchAllAsync();
        foreach (var reply in harness.Twilio.Created)
        {
            harness.Twilio.SetStatus(reply.Sid, "sent");
        }

        await RawAsync(harness.App, "UPDATE Conversations SET LastInboundAt = @At", new { At = DateTimeOffset.UtcNow.AddDays(-181) });

        var swept = await harness.App.Get<RetentionSweep>().SweepAsync(Ct);
        await DeleteUntilNoneWaitsAsync(harness);

        Assert.Equal((1, 1), (swept.Conversations, swept.Content.Media));
        Assert.Equal(0, harness.Twilio.MediaHeld(sid));
        Assert.False(harness.Twilio.Holds(sid), "Twilio still holds the message that brought the photo");
    }

    [Theory, DatabaseData]
    public async Task A_reply_that_never_got_past_sent_is_deleted_at_Twilio_when_its_cases_content_goes(DatabaseProvider engine)
    {
        await using var harness = await StartAsync(engine);
        await harness.TextAsync(Worker, "hello", "0");
        await harness.DispatchAllAsync();
        var caseId = Guid.Parse((await harness.ScalarAsync("SELECT CaseId FROM Messages WHERE CaseId IS NOT NULL AND Direction = 'Outbound'"))!);
        var replies = await StuckAtSentAsync(harness, $"CaseId = '{caseId}'");
        await CloseAsync(harness, caseId);
        await RawAsync(harness.App, "UPDATE Cases SET ClosedAt = @At WHERE Id = @Id", new { At = DateTimeOffset.UtcNow.AddDays(-91), Id = caseId });

        var swept = await harness.App.Get<RetentionSweep>().SweepAsync(Ct);
        await DeleteUntilNoneWaitsAsync(harness);

        Assert.Equal(1, swept.Cases);
        Assert.All(replies, reply => Assert.False(harness.Twilio.Holds(reply), $"Twilio still holds the reply {reply}, stuck at sent"));
    }

    [Theory, DatabaseData]
    public async Task A_reply_outside_any_case_that_never_got_past_sent_is_deleted_at_Twilio_with_the_idle_conversation(DatabaseProvider engine)
    {
        await using var harness = await StartAsync(engine);
        await harness.TextAsync(Worker, "hello");
        await harness.DispatchAllAsync();
        var replies = await StuckAtSentAsync(harness, "CaseId IS NULL");
        await RawAsync(harness.App, "UPDATE Conversations SET LastInboundAt = @At", new { At = DateTimeOffset.UtcNow.AddDays(-181) });

        var swept = await harness.App.Get<RetentionSweep>().SweepAsync(Ct);
        await DeleteUntilNoneWaitsAsync(harness);

        Assert.Equal(1, swept.Conversations);
        Assert.All(replies, reply => Assert.False(harness.Twilio.Holds(reply), $"Twilio still holds the reply {reply}, stuck at sent"));
    }

    /// <summary>
    /// The replies sent so far that match <paramref name="where"/> reach `sent` and go no further (their carrier sends no
    /// delivery receipt), so nothing queued them for deletion at Twilio. Their sids; at least one.
    /// </summary>
    private static async Task<IReadOnlyList<string>> StuckAtSentAsync(TwilioHarness harness, string where)
    {
        var sids = new List<string>();
        foreach (var created in harness.Twilio.Created)
        {
            if (await harness.CountAsync($"SELECT COUNT(*) FROM Messages WHERE ChannelMessageId = '{created.Sid}' AND {where}") == 1)
            {
                harness.Twilio.SetStatus(created.Sid, "sent");
                (await harness.PostSignedAsync("/twilio/status", TwilioHarness.StatusFields(Worker, created.Sid, "sent"))).EnsureSuccessStatusCode();
                sids.Add(created.Sid);
            }
        }

        Assert.NotEmpty(sids);
        await harness.DeleteAtTwilioAsync();
        Assert.All(sids, sid => Assert.True(harness.Twilio.Holds(sid), $"The reply {sid} was deleted at Twilio before retention"));
        return sids;
    }

    private static Task<TwilioHarness> StartAsync(DatabaseProvider engine) =>
        TwilioHarness.StartAsync(engine, new Dictionary<string, string?>
        {
            [$"{RetentionOptions.Section}:ClosedCaseContentDays"] = "90",
            [$"{RetentionOptions.Section}:IdleConversationDays"] = "180",
        });

    /// <summary>The person sends a photo; Twilio holds the message and the file, and the media job has not fetched it yet. The message's sid.</summary>
    private static async Task<string> ReceivePhotoAsync(TwilioHarness harness)
    {
        var sid = harness.Twilio.AddInbound(Worker, TwilioHarness.HotlineNumber, "hello", media: 1);
        var fields = TwilioHarness.InboundFields(Worker, "hello", sid);
        fields["NumMedia"] = "1";
        fields["MediaUrl0"] = harness.Twilio.MediaUrls(sid)[0];
        fields["MediaContentType0"] = "image/jpeg";
        (await harness.PostSignedAsync("/twilio/sms", fields)).EnsureSuccessStatusCode();
        Assert.Equal("Pending", await harness.ScalarAsync("SELECT Status FROM MediaItems"));
        return sid;
    }

    /// <summary>A caseworker takes the case and closes it as resolved.</summary>
    private static async Task CloseAsync(TwilioHarness harness, Guid caseId)
    {
        var worker = await SignedInClient.AddUserAsync(harness.App, "ravi", UserRole.Caseworker, "en");
        var lease = await harness.App.Get<CaseQueue>().ClaimAsync(caseId, worker.Id, TimeSpan.FromMinutes(5), Ct)
            ?? throw new InvalidOperationException("The case was not claimed.");
        Assert.True((await harness.App.Get<CaseActions>().CloseAsync(worker, caseId, lease.LeaseToken, "resolved", null, Ct)).Value);
    }

    /// <summary>Runs the deletions at Twilio until none is waiting; the backoff in these tests is a millisecond.</summary>
    private static Task DeleteUntilNoneWaitsAsync(TwilioHarness harness) =>
        Poll.UntilAsync(async () =>
        {
            await harness.DeleteAtTwilioAsync();
            return await harness.CountAsync("SELECT COUNT(*) FROM TwilioDeletions") == 0;
        }, "every deletion at Twilio to be done", TimeSpan.FromSeconds(10));
}
