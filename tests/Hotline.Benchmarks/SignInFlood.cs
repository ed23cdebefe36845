using System.Collections.Concurrent;

namespace Hotline.Benchmarks;

/// <summary>
/// Sign-in attempts at a steady 50 a second beside the ingest load, each a wrong password for a name nobody
/// has, as guesses from many addresses arrive. The benchmarks' API process runs with the per-address and
/// per-name limits lifted (<see cref="BenchmarkApi"/>), so every attempt gets its password hash verified:
/// the most CPU a flood can cost, and the case that used to hold the single SQLite writer while it hashed.
/// </summary>
internal sealed class SignInFlood : IAsyncDisposable
{
    public const string Flag = "--sign-in-flood";
    public const int PerSecond = 50;

    private readonly HttpClient _client;
    private readonly string _antiforgeryToken;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<HttpStatusCode, int> _answers = new();
    private readonly ConcurrentBag<double> _milliseconds = [];
    private readonly Task _run;
    private int _failed;

    private SignInFlood(HttpClient client, string antiforgeryToken)
    {
        _client = client;
        _antiforgeryToken = antiforgeryToken;
        _run = RunAsync(_stop.Token);
    }

    /// <summary>Fetches the antiforgery token (and its cookie) once, as the sign-in page does, then posts the form 50 times a second.</summary>
    public static async Task<SignInFlood> StartAsync(Uri baseAddress)
    {
        var client = new HttpClient(new ProxiedBrowserCookies(new SocketsHttpHandler { UseCookies = false, UseProxy = false, AllowAutoRedirect = false }))
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var antiforgery = JsonDocument.Parse(await client.GetStringAsync("/api/antiforgery"));
        return new SignInFlood(client, antiforgery.RootElement.GetProperty("token").GetString()!);
    }

    public void Print(string label)
    {
        var answers = string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{(int)a.Key} x {a.Value:N0}"));
        var times = _milliseconds.IsEmpty ? "none answered" : Describe(LatencyStats.From(_milliseconds.ToArray()));
        Console.WriteLine($"{label} sign-in flood: {_milliseconds.Count + _failed:N0} attempts at {PerSecond}/s; answers {answers}; "
            + $"{_failed:N0} without an answer; answer time {times}");
    }

    /// <summary>Starts no more attempts and waits for the answers of those under way.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _run;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _client.Dispose();
        _stop.Dispose();
    }

    private static string Describe(LatencyStats stats) => $"p50 {stats.P50:F1} ms, p99 {stats.P99:F1} ms, max {stats.Max:F1} ms";

    private async Task RunAsync(CancellationToken stop)
    {
        var attempts = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / PerSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                attempts.Add(AttemptAsync(attempts.Count));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load it runs beside has ended.
        }

        await Task.WhenAll(attempts);
    }

    private async Task AttemptAsync(int number)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = $"guess{number}",
                ["password"] = "Summer2026!guess",
                ["__RequestVerificationToken"] = _antiforgeryToken,
            }));
            _milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _answers.AddOrUpdate(response.StatusCode, 1, (_, count) => count + 1);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
