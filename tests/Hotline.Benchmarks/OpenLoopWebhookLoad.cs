namespace Hotline.Benchmarks;

/// <summary>What an open-loop run sent, and how late the generator itself was in sending it.</summary>
internal sealed record OpenLoopRun(IReadOnlyList<LoadSample> Samples, LatencyStats GeneratorLag);

/// <summary>
/// An open-loop load generator: the i-th webhook is due at i / rate from the start whatever the answers'
/// pace, as people do not wait for each other, and each sample's <see cref="LoadSample.SentAt"/> is that
/// intended start, not the moment it left. A closed loop slows down when the server does, so the time a
/// request would have waited in a queue never shows in its latency; here it does, whether the request
/// waited in the server, for a connection, or behind a late generator. A share of the posts repeat an
/// earlier MessageSid byte for byte, as in the closed loop.
/// </summary>
internal static class OpenLoopWebhookLoad
{
    /// <summary>More than the closed loop's, so that connections, not the server, are never the queue that hides.</summary>
    public const int MaxConnections = 256;

    /// <summary>Twilio gives up on a webhook after 15 s (error 11200); so does this generator.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    public static async Task<OpenLoopRun> RunAsync(Uri target, SignedSmsWebhooks webhooks, int perSecond, TimeSpan duration, int seed)
    {
        using var client = WebhookLoad.CreateClient(target, MaxConnections, RequestTimeout);
        var random = new Random(seed);
        var issued = new RepeatPool();
        var total = (int)(perSecond * duration.TotalSeconds);
        var posts = new Task<LoadSample>[total];
        var lag = new double[total];
        var started = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < total)
        {
            var due = Math.Min(total, (int)(Stopwatch.GetElapsedTime(started).TotalSeconds * perSecond) + 1);
            for (; next < due; next++)
            {
                var repeat = random.NextDouble() < WebhookLoad.RepeatShare ? issued.Pick(random) : null;
                var webhook = repeat ?? webhooks.Next(random);
                if (repeat is null)
                {
                    issued.Add(webhook);
                }

                posts[next] = PostAsync(client, target, webhook, repeat is not null, TimeSpan.FromSeconds(next / (double)perSecond), started, lag, next);
            }

            if (next < total)
            {
                await Task.Delay(1);
            }
        }

        return new OpenLoopRun(await Task.WhenAll(posts), LatencyStats.From(lag));
    }

    private static async Task<LoadSample> PostAsync(HttpClient client, Uri target, SignedSmsWebhook webhook, bool repeat, TimeSpan intendedAt,
        long started, double[] lag, int index)
    {
        // Leave the generator's loop at once, so that one slow post never delays the next one's start.
        await Task.Yield();
        lag[index] = (Stopwatch.GetElapsedTime(started) - intendedAt).TotalMilliseconds;
        var status = await WebhookLoad.PostAsync(client, target, webhook);
        return new LoadSample(webhook.MessageSid, repeat, status, intendedAt, Stopwatch.GetElapsedTime(started));
    }
}
