using System.Collections.Concurrent;

namespace Hotline.Benchmarks;

/// <summary>
/// Sign-in attempts at a steady 50 a second beside the ingest load, each a wrong password for a name nobody
/// has, as guesses from many addresses arrive. The benchmarks' API process runs with the per-address and
/// per-name limits lifted (<see cref="BenchmarkApi"/>), and the flood's with the product's own budget of password
/// checks a second (<see cref="Settings"/>): every attempt within it gets a password hash verified. Beside it, a real
/// caseworker signs in every few seconds (<see cref="CaseworkerSignIns"/>).
/// </summary>
internal sealed class SignInFlood : IAsyncDisposable
{
    public const string Flag = "--sign-in-flood";
    public const int PerSecond = 50;

    /// <summary>
    /// The product's default budget of password checks a second and their share of one core, which the benchmarks' API
    /// otherwise lifts for its simulated people; either is taken from the benchmark's own environment instead when set
    /// there, to measure another value (e.g. <c>Hotline__Auth__PasswordCheckCoreShare=0.1</c>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Hotline__Auth__PasswordChecksPerSecond"] = FromEnvironmentOr("Hotline__Auth__PasswordChecksPerSecond", new Hotline.Api.Auth.AuthOptions().PasswordChecksPerSecond),
        ["Hotline__Auth__PasswordCheckCoreShare"] = FromEnvironmentOr("Hotline__Auth__PasswordCheckCoreShare", new Hotline.Api.Auth.AuthOptions().PasswordCheckCoreShare),
    };

    private readonly HttpClient _client;
    private readonly string _antiforgeryToken;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<HttpStatusCode, int> _answers = new();
    private readonly ConcurrentBag<double> _milliseconds = [];
    private readonly int _apiProcessId;
    private readonly CaseworkerSignIns[] _caseworkers;
    private readonly Task _run;
    private readonly Task[] _caseworkerRuns;
    private int _failed;

    private SignInFlood(HttpClient client, string antiforgeryToken, int apiProcessId, CaseworkerSignIns[] caseworkers)
    {
        _apiProcessId = apiProcessId;
        _client = client;
        _antiforgeryToken = antiforgeryToken;
        _caseworkers = caseworkers;
        _run = RunAsync(_stop.Token);
        _caseworkerRuns = caseworkers.Select(signIns => signIns.RunAsync(_stop.Token)).ToArray();
    }

    /// <summary>
    /// Adds the caseworker, fetches the antiforgery token (and its cookie) once, as the sign-in page does, then posts the
    /// form 50 times a second, and the caseworker signs in beside it.
    /// </summary>
    public static async Task<SignInFlood> StartAsync(BenchmarkApi api, string dll)
    {
        var host = ConsoleBenchmarkOperator.Attach(dll);
        var (ownBrowser, newBrowsers) = await CaseworkerSignIns.AddAsync(host, api.BaseAddress);
        var client = SignInForm.NewBrowser(api.BaseAddress);
        return new SignInFlood(client, await SignInForm.AntiforgeryTokenAsync(client, CancellationToken.None), host.ProcessId, [ownBrowser, newBrowsers]);
    }

    public void Print(string label)
    {
        var answers = string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{(int)a.Key} x {a.Value:N0}"));
        var times = _milliseconds.IsEmpty ? "none answered" : Describe(LatencyStats.From(_milliseconds.ToArray()));
        Console.WriteLine($"{label} sign-in flood: {_milliseconds.Count + _failed:N0} attempts at {PerSecond}/s; answers {answers}; "
            + $"{_failed:N0} without an answer; answer time {times}");
        foreach (var signIns in _caseworkers)
        {
            signIns.Print(label);
        }

        Console.WriteLine($"{label} the API's password-check threads: {PasswordCheckThreads(_apiProcessId)}");
    }

    /// <summary>
    /// The nice value of each of the API's password-check threads ("password-low-1" and so on for strangers, "device-low-1"
    /// for known browsers), read from /proc, so the figure shows whether each lane's priority was lowered.
    /// </summary>
    private static string PasswordCheckThreads(int processId)
    {
        var nice = new List<string>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                if (name.StartsWith($"{Hotline.Api.Auth.PasswordChecks.LaneName}-low-", StringComparison.Ordinal)
                    || name.StartsWith($"{Hotline.Api.Auth.PasswordChecks.KnownDeviceLaneName}-low-", StringComparison.Ordinal))
                {
                    nice.Add($"{name} at nice {stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16]}");
                }
            }
            catch (IOException)
            {
                // A thread that ended while the list was read.
            }
        }

        return nice.Count == 0 ? "none found" : string.Join(", ", nice);
    }

    /// <summary>Starts no more attempts and waits for the answers of those under way.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll([_run, .. _caseworkerRuns]);
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
            using var response = await SignInForm.PostAsync(_client, _antiforgeryToken, $"guess{number}", "Summer2026!guess", CancellationToken.None);
            _milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _answers.AddOrUpdate(response.StatusCode, 1, (_, count) => count + 1);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failed);
        }
    }

    private static string FromEnvironmentOr(string key, IFormattable productDefault) =>
        Environment.GetEnvironmentVariable(key) ?? productDefault.ToString(null, CultureInfo.InvariantCulture);
}
