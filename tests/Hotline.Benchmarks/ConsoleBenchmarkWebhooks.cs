namespace Hotline.Benchmarks;

/// <summary>
/// An open-loop stream of first messages, "talk to a person", each from its own registered number, posted
/// at a fixed rate whatever the answers' pace (people do not wait for each other), and signed as Twilio
/// signs them. <see cref="SignedSmsWebhooks"/> picks senders and texts at random; here each message's sender
/// and text are given, so the signing (a few lines) is done here, to the same rule.
/// </summary>
internal static class ConsoleBenchmarkWebhooks
{
    public const string Text = "talk to a person";
    public const int MaxConnections = 64;

    /// <summary>Twilio gives up on a webhook after 15 s (error 11200); so does this sender.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private const string To = "+15005550006";

    /// <summary>
    /// Posts one webhook from each number in <paramref name="from"/>, the i-th due at i / perSecond after the
    /// start. Times are measured from <paramref name="origin"/> (a Stopwatch timestamp), the clock the consoles use too.
    /// </summary>
    public static async Task<LoadSample[]> SendAsync(Uri target, string authToken, IReadOnlyList<string> from, double perSecond,
        long origin, int seed)
    {
        using var client = WebhookLoad.CreateClient(target, MaxConnections, Timeout);

        var random = new Random(seed);
        var key = Encoding.UTF8.GetBytes(authToken);
        var url = BenchmarkApi.PublicBaseUrl + SignedSmsWebhooks.Path;
        var accountSid = "AC" + RandomHex(random);
        var webhooks = from.Select(number => Sign(key, url, accountSid, number, "SM" + RandomHex(random))).ToArray();

        var posts = new Task<LoadSample>[webhooks.Length];
        var begin = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < posts.Length)
        {
            var due = Math.Min(posts.Length, (int)(Stopwatch.GetElapsedTime(begin).TotalSeconds * perSecond) + 1);
            for (; next < due; next++)
            {
                posts[next] = PostAsync(client, target, webhooks[next], origin);
            }

            if (next < posts.Length)
            {
                await Task.Delay(1);
            }
        }

        return await Task.WhenAll(posts);
    }

    private static SignedSmsWebhook Sign(byte[] key, string url, string accountSid, string from, string messageSid)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = accountSid,
            ["Body"] = Text,
            ["From"] = from,
            ["MessageSid"] = messageSid,
            ["NumMedia"] = "0",
            ["To"] = To,
        };
        var signed = new StringBuilder(url);
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            signed.Append(name).Append(value);
            body.Append(body.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        var signature = Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(signed.ToString())));
        return new SignedSmsWebhook(messageSid, Encoding.ASCII.GetBytes(body.ToString()), signature);
    }

    private static async Task<LoadSample> PostAsync(HttpClient client, Uri target, SignedSmsWebhook webhook, long origin)
    {
        await Task.Yield();
        var sentAt = Stopwatch.GetElapsedTime(origin);
        var status = await WebhookLoad.PostAsync(client, target, webhook);
        return new LoadSample(webhook.MessageSid, false, status, sentAt, Stopwatch.GetElapsedTime(origin));
    }

    private static string RandomHex(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
