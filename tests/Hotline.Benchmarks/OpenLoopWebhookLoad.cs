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
/// During the warm-up the rate climbs evenly from a tenth of the full rate to all of it, then holds. A fresh API
/// compiles its hot code in its first seconds (the JIT took most of a core for about 16 s at 2,000/s): at the full
/// rate from its first second it built a backlog there that it then drained through the whole measured window, so
/// the window measured the start's backlog, not the steady state it is for. People's messages never jump from none
/// to 2,000 a second at the instant a process starts; a restarted instance behind nginx does take its full share
/// at once, which is what the warm-up's own p99 (printed, not judged) shows.
/// </summary>
internal static class OpenLoopWebhookLoad
{
    /// <summary>More than the closed loop's, so that connections, not the server, are never the queue that hides.</summary>
    public const int MaxConnections = 256;

    /// <summary>Twilio gives up on a webhook after 15 s (error 11200); so does this generator.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The share of the full rate the warm-up starts at.</summary>
    public const double RampStartShare = 0.1;

    /// <param name="rampUp">The warm-up, over which the rate climbs to <paramref name="perSecond"/>.</param>
    /// <param name="duration">From the start to the end of the measured window.</param>
    public static async Task<OpenLoopRun> RunAsync(Uri target, IInboundTraffic traffic, int perSecond, TimeSpan rampUp, TimeSpan duration, int seed)
    {
        var schedule = new RampedSchedule(perSecond, rampUp.TotalSeconds);
        using var client = WebhookLoad.CreateClient(target, MaxConnections, RequestTimeout);
        var random = new Random(seed);
        var issued = new RepeatPool();
        var total = schedule.DueBy(duration.TotalSeconds);
        var posts = new Task<LoadSample>[total];
        var lag = new double[total];
        var started = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < total)
        {
            var due = Math.Min(total, schedule.DueBy(Stopwatch.GetElapsedTime(started).TotalSeconds) + 1);
            for (; next < due; next++)
            {
                var repeat = random.NextDouble() < WebhookLoad.RepeatShare ? issued.Pick(random) : null;
                var webhook = repeat ?? traffic.Next(random);
                if (repeat is null)
                {
                    issued.Add(webhook);
                }

                posts[next] = PostAsync(client, target, webhook, repeat is not null, TimeSpan.FromSeconds(schedule.IntendedStart(next)), started, lag, next);
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

    /// <summary>
    /// When each post is due: the rate climbs linearly from <see cref="RampStartShare"/> of <c>rate</c> to all of it over
    /// <c>ramp</c> seconds, then holds, so the number due by time t is the area under the rate up to t.
    /// </summary>
    private sealed record RampedSchedule(double Rate, double Ramp)
    {
        private double DuringRamp => Ramp <= 0 ? 0 : Rate * Ramp * (1 + RampStartShare) / 2;

        public int DueBy(double seconds) => seconds <= 0 ? 0
            : seconds >= Ramp ? (int)(DuringRamp + Rate * (seconds - Ramp))
            : (int)(Rate * (RampStartShare * seconds + (1 - RampStartShare) * seconds * seconds / (2 * Ramp)));

        public double IntendedStart(int index)
        {
            if (index >= DuringRamp)
            {
                return Ramp + (index - DuringRamp) / Rate;
            }

            // index = a t^2 + b t, solved for t.
            var a = Rate * (1 - RampStartShare) / (2 * Ramp);
            var b = Rate * RampStartShare;
            return (-b + Math.Sqrt(b * b + 4 * a * index)) / (2 * a);
        }
    }
}
