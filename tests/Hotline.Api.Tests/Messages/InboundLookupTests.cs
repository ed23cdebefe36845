namespace Hotline.Api.Tests.Messages;

/// <summary>
/// What an inbound message reads before the writer, in one statement: whether its id is stored already, the person's
/// conversation and its open case.
/// </summary>
public sealed class InboundLookupTests
{
    [Theory, DatabaseData]
    public async Task A_stored_message_id_is_found_as_a_repeat_with_the_conversation_and_its_open_case(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var (phone, queued) = await PersonWithACaseAsync(hotline, "SM00000000000000000000000000000001");

        var lookup = await LookUpAsync(hotline, phone, "SM00000000000000000000000000000001");

        Assert.Equal(new RepeatedMessage(queued.ConversationId, queued.Id), lookup.Repeat);
        Assert.Equal((queued.ConversationId, phone, "ne"), (lookup.Conversation?.Id, lookup.Conversation?.Address, lookup.Conversation?.Language));
        Assert.Equal(new OpenCase { Id = queued.Id, CaseworkerHasWritten = false }, lookup.OpenCase);
    }

    [Theory, DatabaseData]
    public async Task A_new_message_id_from_a_known_person_is_no_repeat_but_finds_the_conversation_and_its_open_case(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var (phone, queued) = await PersonWithACaseAsync(hotline, "SM00000000000000000000000000000001");

        var lookup = await LookUpAsync(hotline, phone, "SM00000000000000000000000000000002");

        Assert.Null(lookup.Repeat);
        Assert.Equal(queued.ConversationId, lookup.Conversation?.Id);
        Assert.Equal(new OpenCase { Id = queued.Id, CaseworkerHasWritten = false }, lookup.OpenCase);
    }

    [Theory, DatabaseData]
    public async Task A_message_id_stored_for_another_person_is_a_repeat_and_this_person_is_unknown(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var (_, queued) = await PersonWithACaseAsync(hotline, "SM00000000000000000000000000000001");

        var lookup = await LookUpAsync(hotline, hotline.NextPhone(), "SM00000000000000000000000000000001");

        Assert.Equal(new InboundLookup(new RepeatedMessage(queued.ConversationId, queued.Id), null, null), lookup);
    }

    /// <summary>A person whose case is queued, with one message of theirs stored under <paramref name="messageSid"/>.</summary>
    private static async Task<(ChannelAddress Phone, CaseRecord Queued)> PersonWithACaseAsync(HotlineApp hotline, string messageSid)
    {
        var phone = hotline.NextPhone();
        var queued = await hotline.QueueCaseAsync(phone, "ne", PriorityBand.High);
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        await hotline.Get<MessageRepository>().AddAsync(session, new Message(Guid.NewGuid(), queued.ConversationId, queued.Id, MessageDirection.Inbound,
            Channel.Sms, messageSid, "My employer took my passport.", null, 0, null, DeliveryStatuses.Received, hotline.Time.GetUtcNow()), Ct);
        await session.CommitAsync(Ct);
        return (phone, queued);
    }

    private static async Task<InboundLookup> LookUpAsync(HotlineApp hotline, ChannelAddress phone, string messageSid)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await hotline.Get<ConversationRepository>().ReadForInboundAsync(session, phone, messageSid, Ct);
    }
}
