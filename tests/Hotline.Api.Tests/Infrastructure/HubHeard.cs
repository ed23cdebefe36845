using System.Threading.Channels;
using Channel = System.Threading.Channels.Channel;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>What a real SignalR client of the case hub hears, as channels a test reads in order, each read with a deadline.</summary>
internal static class HubHeard
{
    /// <summary>Longer than any push takes on a loaded machine: a read that waits this long has found a bug.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Every case change pushed to the client, one by one (the hub sends them in batches).</summary>
    public static Channel<CaseChange> Changes(HubConnection hub)
    {
        var heard = Channel.CreateUnbounded<CaseChange>();
        hub.On<IReadOnlyList<CaseChange>>(nameof(ICaseClient.CasesChanged), changes =>
        {
            foreach (var change in changes)
            {
                heard.Writer.TryWrite(change);
            }
        });
        return heard;
    }

    /// <summary>
    /// Every message pushed to the client, as its case and what the client learnt of it: the words (MessageReceived, to a
    /// console showing the case) or only that one came (MessageHeard, "a message came: Inbound").
    /// </summary>
    public static Channel<(Guid CaseId, string Body)> Messages(HubConnection hub)
    {
        var heard = Channel.CreateUnbounded<(Guid, string)>();
        hub.On<MessageNotice>(nameof(ICaseClient.MessageReceived), notice => heard.Writer.TryWrite((notice.CaseId, notice.Message.Body)));
        hub.On<MessageHeardNotice>(nameof(ICaseClient.MessageHeard), notice => heard.Writer.TryWrite((notice.CaseId, $"a message came: {notice.Direction}")));
        return heard;
    }

    /// <summary>Every set of the whole hotline's figures pushed to the client.</summary>
    public static Channel<QueueStatistics> Figures(HubConnection hub)
    {
        var heard = Channel.CreateUnbounded<QueueStatistics>();
        hub.On<QueueStatistics>(nameof(ICaseClient.QueueStatisticsChanged), statistics => heard.Writer.TryWrite(statistics));
        return heard;
    }

    /// <summary>The next item heard that matches (any, without <paramref name="match"/>); fails the test after <see cref="Patience"/>.</summary>
    public static async Task<T> NextAsync<T>(Channel<T> channel, Func<T, bool>? match = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        while (true)
        {
            var item = await channel.Reader.ReadAsync(timeout.Token);
            if (match is null || match(item))
            {
                return item;
            }
        }
    }
}
