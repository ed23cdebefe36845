using Hotline.Api.Cases;
using Hotline.Api.Conversations;
using Hotline.Api.Privacy;
using Hotline.Api.Storage;
using Hotline.Api.Tests.Infrastructure;
using Hotline.Bot.Channels;
using Hotline.Bot.Triage;
using Microsoft.Extensions.DependencyInjection;

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
        var conversations = app.Services.GetRequiredService<ConversationRepository>();
        await using var session = await database.BeginWriteAsync(ct);
        var address = new ChannelAddress(Channel.Sms, $"+9779811{Interlocked.Increment(ref _phone):D6}");
        var conversation = await conversations.CreateAsync(session, address, language, ct);
        if (status != ConversationStatus.Active)
        {
            await conversations.UpdateAsync(session, conversation with { Status = status, StatusReason = "The person sent STOP." }, ct);
        }

        var queued = await app.Services.GetRequiredService<CaseQueue>().EnqueueAsync(session,
            new NewCase(conversation.Id, language, priority, 40, ["documents_retained"]), ct);
        await session.CommitAsync(ct);
        return queued;
    }
}
