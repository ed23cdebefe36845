using System.Collections.Concurrent;

namespace Hotline.Benchmarks;

/// <summary>
/// A real caseworker signing in every few seconds while <see cref="SignInFlood"/> runs, as a person would: the
/// antiforgery token, the form; on 429 she waits the Retry-After she was given and posts again, until the console
/// opens; then she signs out. From her own browser, which signed in before the flood began (it keeps the cookie that
/// remembers it), or from a new browser every time. The time from her first post to the console, and the posts it
/// took, say what the flood costs a legitimate sign-in.
/// </summary>
internal sealed class CaseworkerSignIns
{
    public const string UserName = "bench-caseworker-on-shift";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Uri _baseAddress;
    private readonly string _password;
    private readonly HttpClient? _ownBrowser;
    private readonly ConcurrentQueue<(double Milliseconds, int Posts)> _succeeded = new();
    private readonly ConcurrentQueue<string> _failed = new();
    private int _unfinished;

    private CaseworkerSignIns(Uri baseAddress, string password, HttpClient? ownBrowser)
    {
        _baseAddress = baseAddress;
        _password = password;
        _ownBrowser = ownBrowser;
    }

    /// <summary>
    /// Adds the caseworker with the operator's command line and signs her in and out once in her own browser, before
    /// any load, so that neither costs the load anything; then the same person from that browser and from new ones.
    /// </summary>
    public static async Task<(CaseworkerSignIns OwnBrowser, CaseworkerSignIns NewBrowsers)> AddAsync(ConsoleBenchmarkOperator host, Uri baseAddress)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        await host.AddUserAsync(UserName, "caseworker", "en", password);
        var own = new CaseworkerSignIns(baseAddress, password, SignInForm.NewBrowser(baseAddress));
        await own.SignInOnceAsync(CancellationToken.None);
        if (own._succeeded.IsEmpty)
        {
            throw new InvalidOperationException($"The caseworker's first sign-in, before any load, failed: {string.Join(", ", own._failed)}.");
        }

        own._succeeded.Clear();
        return (own, new CaseworkerSignIns(baseAddress, password, ownBrowser: null));
    }

    /// <summary>Signs in every <see cref="Interval"/> (or at once after a sign-in that took longer) until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var next = Task.Delay(Interval, stop);
                await SignInOnceAsync(stop);
                await next;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load it runs beside has ended.
        }
        finally
        {
            _ownBrowser?.Dispose();
        }
    }

    public void Print(string label)
    {
        var times = "none";
        var posts = "";
        if (!_succeeded.IsEmpty)
        {
            var stats = LatencyStats.From(_succeeded.Select(s => s.Milliseconds).ToArray());
            times = $"p50 {stats.P50:F0} ms, max {stats.Max:F0} ms";
            posts = $"; posts per sign-in: at most {_succeeded.Max(s => s.Posts)}, {_succeeded.Sum(s => s.Posts)} in all";
        }

        var failed = _failed.IsEmpty ? "" : $"; failed: {string.Join(", ", _failed.GroupBy(f => f).Select(g => $"{g.Count()} x {g.Key}"))}";
        var browser = _ownBrowser is null ? "from a new browser each time" : "from her own browser (signed in before the flood)";
        Console.WriteLine($"{label} caseworker signing in every {Interval.TotalSeconds:F0} s {browser}: {_succeeded.Count} reached the console, "
            + $"{_failed.Count} failed, {_unfinished} still trying at the end; time from first post to the console {times}{posts}{failed}");
    }

    private async Task SignInOnceAsync(CancellationToken stop)
    {
        var browser = _ownBrowser ?? SignInForm.NewBrowser(_baseAddress);
        try
        {
            await PostUntilAnsweredAsync(browser, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Interlocked.Increment(ref _unfinished);
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            _failed.Enqueue($"no answer ({ex.GetType().Name})");
        }
        finally
        {
            if (_ownBrowser is null)
            {
                browser.Dispose();
            }
        }
    }

    private async Task PostUntilAnsweredAsync(HttpClient browser, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        var token = await SignInForm.AntiforgeryTokenAsync(browser, stop);
        for (var posts = 1; ; posts++)
        {
            using var response = await SignInForm.PostAsync(browser, token, UserName, _password, stop);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/console/")
            {
                _succeeded.Enqueue((Stopwatch.GetElapsedTime(started).TotalMilliseconds, posts));
                await SignInForm.SignOutAsync(browser, stop);
                return;
            }

            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                _failed.Enqueue($"{(int)response.StatusCode} to {response.Headers.Location}");
                return;
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), stop);
        }
    }
}
