namespace Hotline.Api.Tests.PhonesView;

/// <summary>What the outbox records about a reply is what the phone holds, even when a send's outcome was unknown.</summary>
[Collection(nameof(PhoneViewHost))]
public sealed class OutboxPhoneViewTests(PhoneViewHost host)
{
    [Fact]
    public async Task A_reply_that_reached_the_phone_before_the_person_went_quiet_is_recorded_as_sent_not_cancelled()
    {
        var phone = host.NewPhone();
        await phone.WriteBeforeTheOutboxRunsAsync("👋");
        host.Harness.Twilio.FailNextAfterCreating(1, 500);
        await host.Harness.App.Services.GetRequiredService<OutboxDispatchJob>().DispatchDueAsync(TestContext.Current.CancellationToken);
        phone.NoteWhileTheOutboxWaits("the first reply reached Twilio but the answer was lost (500): its outcome is unknown");

        await phone.WriteAsync(IntakePhoneViewTests.DiscreetWord);

        GoldenFile.Match("reply-reached-phone-before-quiet", phone.View);
        // The scenarios of this host run one at a time: the newest conversation is this phone's. The list of languages waited
        // behind the reply whose outcome was unknown (sent first, it could have reached the phone before it), and was then
        // cancelled, unsent, when the person went quiet.
        Assert.Equal("queued,cancelled,queued", await host.Harness.ScalarAsync("""
            SELECT group_concat(DeliveryStatus, ',') FROM (
                SELECT DeliveryStatus FROM Messages
                WHERE Direction = 'Outbound' AND ConversationId = (SELECT Id FROM Conversations ORDER BY CreatedAt DESC LIMIT 1)
                ORDER BY CreatedAt)
            """));
    }
}
