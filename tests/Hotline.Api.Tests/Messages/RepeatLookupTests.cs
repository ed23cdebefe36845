namespace Hotline.Api.Tests.Messages;

/// <summary>A webhook sent again carries a channel message id already stored: it is found, with where its message went.</summary>
public sealed class RepeatLookupTests
{
    [Theory, DatabaseData]
    public async Task A_stored_message_id_is_found_with_the_conversation_and_case_its_message_went_to(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var queued = await CaseWithAMessageAsync(hotline, "SM00000000000000000000000000000001");

        var repeat = await FindRepeatAsync(hotline, Channel.Sms, "SM00000000000000000000000000000001");

        Assert.Equal(new RepeatedMessage(queued.ConversationId, queued.Id), repeat);
    }

    [Theory, DatabaseData]
    public async Task A_stored_message_id_whose_message_went_to_no_case_is_found_with_its_conversation_alone(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var queued = await hotline.QueueCaseAsync(hotline.NextPhone(), "ne", PriorityBand.High);
        await StoreMessageAsync(hotline, queued.ConversationId, caseId: null, "SM00000000000000000000000000000003");

        var repeat = await FindRepeatAsync(hotline, Channel.Sms, "SM00000000000000000000000000000003");

        Assert.Equal(new RepeatedMessage(queued.ConversationId, null), repeat);
    }

    [Theory, DatabaseData]
    public async Task Another_message_id_or_the_same_id_on_another_channel_is_no_repeat(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await CaseWithAMessageAsync(hotline, "SM00000000000000000000000000000001");

        var otherId = await FindRepeatAsync(hotline, Channel.Sms, "SM00000000000000000000000000000002");
        var otherChannel = await FindRepeatAsync(hotline, Channel.WhatsApp, "SM00000000000000000000000000000001");

        Assert.Equal((null, null), (otherId, otherChannel));
    }

    /// <summary>A person whose case is queued, with one message of theirs stored under <paramref name="messageSid"/>.</summary>
    private static async Task<CaseRecord> CaseWithAMessageAsync(HotlineApp hotline, string messageSid)
    {
        var queued = await hotline.QueueCaseAsync(hotline.NextPhone(), "ne", PriorityBand.High);
        await StoreMessageAsync(hotline, queued.ConversationId, queued.Id, messageSid);
        return queued;
    }

    private static async Task StoreMessageAsync(HotlineApp hotline, Guid conversationId, Guid? caseId, string messageSid)
    {
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        await hotline.Get<MessageRepository>().AddAsync(session, new Message(Guid.NewGuid(), conversationId, caseId, MessageDirection.Inbound,
            Channel.Sms, messageSid, "My employer took my passport.", null, 0, null, DeliveryStatuses.Received, hotline.Time.GetUtcNow()), Ct);
        await session.CommitAsync(Ct);
    }

    private static async Task<RepeatedMessage?> FindRepeatAsync(HotlineApp hotline, Channel channel, string messageSid)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await hotline.Get<MessageRepository>().FindRepeatAsync(session, channel, messageSid, Ct);
    }
}
