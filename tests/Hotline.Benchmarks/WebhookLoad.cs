using System.Net.Http.Headers;

namespace Hotline.Benchmarks;

/// <summary>One webhook post: which message, whether it was a repeat, the status (0: no answer) and when it was sent and answered.</summary>
internal readonly record struct LoadSample(string MessageSid, bool Repeat, int Status, TimeSpan SentAt, TimeSpan AnsweredAt);

/// <summary>
/// A closed-loop load generator: a fixed number of senders each post one signed webhook, wait for the
/// answer, and post the next, until the deadline or the request cap. A share of the posts repeat an
/// earlier MessageSid byte for byte, as Twilio's retries do, so the idempotency path carries load too.
/// </summary>
internal static class WebhookLoad
{
    public const double RepeatShare = 0.10;
    public const int MaxConnections = 64;

    // Longer than any acknowledgement should take, short enough that the run always ends.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<LoadSample>> RunAsync(Uri target, IInboundTraffic traffic, int senders, TimeSpan duration,
        int maxRequests)
    {
        using var client = CreateClient(target, MaxConnections, RequestTimeout);
        var issued = new RepeatPool();
        var requests = 0;
        var started = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, senders).Select(index => Task.Run(async () =>
        {
            var random = new Random(1_000 + index);
            var samples = new List<LoadSample>();
            while (Stopwatch.GetElapsedTime(started) < duration && Interlocked.Increment(ref requests) <= maxRequests)
            {
                var repeat = random.NextDouble() < RepeatShare ? issued.Pick(random) : null;
                var webhook = repeat ?? traffic.Next(random);
                if (repeat is null)
                {
                    issued.Add(webhook);
                }

                var sentAt = Stopwatch.GetElapsedTime(started);
                var status = await PostAsync(client, target, webhook);
                samples.Add(new LoadSample(webhook.MessageSid, repeat is not null, status, sentAt, Stopwatch.GetElapsedTime(started)));
            }

            return samples;
        })).ToArray();

        return [.. (await Task.WhenAll(loops)).SelectMany(s => s)];
    }

    /// <summary>A client for loopback targets only: the load goes to this machine and nowhere else.</summary>
    public static HttpClient CreateClient(Uri target, int maxConnections, TimeSpan requestTimeout)
    {
        if (!IPAddress.TryParse(target.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The load generator posts to loopback addresses only, not {target.Host}.", nameof(target));
        }

        return new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            Timeout = requestTimeout,
        };
    }

    /// <summary>Posts one webhook; its HTTP status, or 0 when no answer came.</summary>
    public static async Task<int> PostAsync(HttpClient client, Uri target, SignedSmsWebhook webhook)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(webhook.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SignedSmsWebhooks.SignatureHeader, webhook.Signature);
        try
        {
            using var response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

}

/// <summary>Every original posted so far, for repeats to pick from; a repeat may race its original, as retries do.</summary>
internal sealed class RepeatPool
{
    private readonly List<SignedSmsWebhook> _issued = [];

    public void Add(SignedSmsWebhook webhook)
    {
        lock (_issued)
        {
            _issued.Add(webhook);
        }
    }

    public SignedSmsWebhook? Pick(Random random)
    {
        lock (_issued)
        {
            return _issued.Count == 0 ? null : _issued[random.Next(_issued.Count)];
        }
    }
}
