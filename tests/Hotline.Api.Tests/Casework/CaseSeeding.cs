namespace Hotline.Api.Tests.Casework;

/// <summary>Puts cases in a running host's queue through its own services, as the intake would.</summary>
public static class CaseSeeding
{
    private static int _phone;

    public static async Task<CaseRecord> QueueCaseAsync(HotlineApp app, string language, PriorityBand priority = PriorityBand.High,
        ConversationStatus status = ConversationStatus.Active)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = app.Services.GetRequiredService<Database>();
        await using var session = await database.BeginWriteAsync(ct);
        var queued = await QueueInSessionAsync(app, session, language, priority, status);
        await session.CommitAsync(ct);
        return queued;
    }

    /// <summary>Queues a WhatsApp case whose person last wrote <paramref name="lastWroteAgo"/> before the host's clock.</summary>
    public static async Task<CaseRecord> QueueWhatsAppCaseAsync(HotlineApp app, string language, PriorityBand priority, TimeSpan lastWroteAgo)
    {
        var ct = TestContext.Current.CancellationToken;
        var conversations = app.Services.GetRequiredService<ConversationRepository>();
        var lastWrote = app.Services.GetRequiredService<TimeProvider>().GetUtcNow() - lastWroteAgo;
        await using var session = await app.Services.GetRequiredService<Database>().BeginWriteAsync(ct);
        var address = new ChannelAddress(Channel.WhatsApp, $"whatsapp:+9779811{Interlocked.Increment(ref _phone):D6}");
        var conversation = await conversations.CreateAsync(session, address, language, ct);
        await conversations.UpdateAsync(session, conversation with { LastInboundAt = lastWrote }, ct);
        var queued = await app.Services.GetRequiredService<CaseQueue>().EnqueueAsync(session,
            new NewCase(conversation.Id, language, priority, 40, ["documents_retained"]), ct);
        await session.CommitAsync(ct);
        return queued;
    }

    /// <summary>Queues <paramref name="count"/> cases in one commit, so the case event stream reads them in one batch.</summary>
    public static async Task<IReadOnlyList<CaseRecord>> QueueCasesAtOnceAsync(HotlineApp app, string language, int count)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = app.Services.GetRequiredService<Database>();
        await using var session = await database.BeginWriteAsync(ct);
        var queued = new List<CaseRecord>();
        for (var i = 0; i < count; i++)
        {
            queued.Add(await QueueInSessionAsync(app, session, language, PriorityBand.High, ConversationStatus.Active));
        }

        await session.CommitAsync(ct);
        return queued;
    }

    private static async Task<CaseRecord> QueueInSessionAsync(HotlineApp app, DbSession session, string language, PriorityBand priority,
        ConversationStatus status)
    {
        var ct = TestContext.Current.CancellationToken;
        var conversations = app.Services.GetRequiredService<ConversationRepository>();
        var address = new ChannelAddress(Channel.Sms, $"+9779811{Interlocked.Increment(ref _phone):D6}");
        var conversation = await conversations.CreateAsync(session, address, language, ct);
        if (status != ConversationStatus.Active)
        {
            await conversations.UpdateAsync(session, conversation with { Status = status, StatusReason = "The person sent STOP." }, ct);
        }

        return await app.Services.GetRequiredService<CaseQueue>().EnqueueAsync(session,
            new NewCase(conversation.Id, language, priority, 40, ["documents_retained"]), ct);
    }
}
