using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Hotline.Api.Tests.Twilio.Fakes;

namespace Hotline.Api.Tests.Chaos;

/// <summary>
/// Inbound SMS as Twilio delivers them: each message is first accepted into the account (so it shows in the
/// message list the hotline reconciles from), then posted once as a signed webhook through the proxy with
/// Twilio's 15-second timeout. A webhook that fails or times out is not posted again: Twilio does not retry
/// an SMS webhook. Messages leave at a steady rate (open loop), one new person each.
/// </summary>
public sealed class TwilioLikeSender(FakeTwilioServer twilio, Uri proxy, string authToken, string publicBaseUrl, string hotlineNumber)
{
    /// <summary>Every third person's first words carry an urgent word, so the engine queues a case at once.</summary>
    public const string UrgentText = "my boss beat me, please help";

    public const string OrdinaryText = "hello, I have a question about my wages";

    private const string WebhookPath = "/twilio/sms";

    private readonly ConcurrentBag<Posted> _posted = [];

    /// <summary>One webhook: who, the MessageSid Twilio gave it, when it was answered (since the run began) and how.</summary>
    public sealed record Posted(string From, string MessageSid, TimeSpan AnsweredAt, HttpStatusCode? Status, string? Failure);

    public IReadOnlyCollection<Posted> Results => _posted;

    public static string Person(int index) => $"+97798{index:D8}";

    /// <summary>Sends <paramref name="messages"/> evenly over <paramref name="duration"/>, measured on <paramref name="clock"/>, and waits for every answer.</summary>
    public async Task SendAsync(int messages, TimeSpan duration, Stopwatch clock, CancellationToken cancellationToken)
    {
        // Short-lived connections spread the webhooks over the processes behind the proxy, as Twilio's many senders do.
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(1), MaxConnectionsPerServer = 64 })
        {
            Timeout = ChaosPlan.WebhookTimeout,
        };
        var started = clock.Elapsed;
        var inFlight = new List<Task>(messages);
        for (var i = 0; i < messages; i++)
        {
            var due = started + duration * i / messages;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            inFlight.Add(PostAsync(client, i, clock, cancellationToken));
        }

        await Task.WhenAll(inFlight);
    }

    private async Task PostAsync(HttpClient client, int index, Stopwatch clock, CancellationToken cancellationToken)
    {
        var from = Person(index);
        var body = index % 3 == 0 ? UrgentText : OrdinaryText;
        var sid = twilio.AddInbound(from, hotlineNumber, body);
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["AccountSid"] = twilio.AccountSid,
            ["From"] = from,
            ["To"] = hotlineNumber,
            ["Body"] = body,
            ["NumMedia"] = "0",
            ["NumSegments"] = "1",
            ["ApiVersion"] = "2010-04-01",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(proxy, WebhookPath)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", TwilioWebhookSignature.Sign(authToken, publicBaseUrl + WebhookPath, fields));
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            _posted.Add(new Posted(from, sid, clock.Elapsed, response.StatusCode, null));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _posted.Add(new Posted(from, sid, clock.Elapsed, null, ex.GetType().Name));
        }
    }
}
