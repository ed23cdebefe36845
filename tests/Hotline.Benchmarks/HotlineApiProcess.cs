using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Hotline.Benchmarks;

/// <summary>
/// The built Hotline.Api in a process of its own, as it runs in production: its own thread pool, GC and
/// Kestrel, configured through the environment, with a fresh SQLite file in a temp folder. No Twilio
/// account is configured, so replies go to the local sink, but the outbox dispatcher still runs.
/// </summary>
internal sealed class HotlineApiProcess : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://bench.example.org";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly Dictionary<string, (int Count, string Example)> _problems = [];
    private string? _problemAwaitingMessage;

    private HotlineApiProcess(Process process, Uri baseAddress, string folder, string authToken)
    {
        _process = process;
        BaseAddress = baseAddress;
        Folder = folder;
        AuthToken = authToken;
        // A benchmark stopped with Ctrl+C or SIGTERM must not leave an API running behind it.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        Console.CancelKeyPress += KillOnExit;
    }

    public Uri BaseAddress { get; }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "hotline.db");

    public string AuthToken { get; }

    /// <summary>CPU time the API has used so far, user and system; with two cores, CPU per message caps throughput before the disk does.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Warnings and errors the API logged, by category, with the first message of each as an example.</summary>
    public IReadOnlyDictionary<string, (int Count, string Example)> Problems
    {
        get
        {
            lock (_output)
            {
                return new Dictionary<string, (int Count, string Example)>(_problems);
            }
        }
    }

    /// <summary>The Release build beside the repository's Hotline.sln; `dotnet run` of the benchmarks builds it through the project reference.</summary>
    public static string? FindBuild()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Hotline.sln")))
        {
            root = root.Parent;
        }

        var dll = root is null ? null : Path.Combine(root.FullName, "Hotline.Api", "bin", "Release", "net10.0", "Hotline.Api.dll");
        return dll is not null && File.Exists(dll) ? dll : null;
    }

    /// <param name="folder">A folder with a database made beforehand (it becomes the process's, deleted on dispose); a fresh one when null.</param>
    /// <param name="settings">Environment variables set after the defaults (Hotline__Retention__BatchSize=...).</param>
    public static async Task<HotlineApiProcess> StartAsync(string dll, string? folder = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        folder ??= Directory.CreateTempSubdirectory("hotline-bench-api-").FullName;
        var authToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Anything else under Hotline__ in this process's environment (Hotline__Outbox__RunDispatcher=false) passes through.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["Hotline__Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "hotline.db")}";
        start.Environment["Hotline__PublicBaseUrl"] = PublicBaseUrl;
        start.Environment["Twilio__AuthToken"] = authToken;
        start.Environment["Twilio__Enabled"] = "false";
        start.Environment["Hotline__Privacy__CurrentKeyId"] = "bench";
        start.Environment["Hotline__Privacy__Keys__bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Hotline__Privacy__LookupKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Hotline__Audit__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Every simulated person signs in from 127.0.0.1 with a password only: the sign-in limits and the second
        // factor would measure the sign-in page's defences, not the console or the ingest under load.
        start.Environment["Hotline__Auth__RequireTwoFactor"] = "false";
        start.Environment["Hotline__Auth__SignInsPerAddressPerMinute"] = "100000";
        start.Environment["Hotline__Auth__SignInsPerNamePerMinute"] = "100000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var api = new HotlineApiProcess(process, baseAddress, folder, authToken);
        process.OutputDataReceived += (_, line) => api.Record(line.Data);
        process.ErrorDataReceived += (_, line) => api.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await api.WaitUntilHealthyAsync();
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Console.CancelKeyPress -= KillOnExit;
        await StopAsync();
        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        string tail;
        lock (_output)
        {
            tail = string.Join(Environment.NewLine, _output.TakeLast(20));
        }

        throw new InvalidOperationException($"Hotline.Api did not answer GET /health with 200 within {StartTimeout.TotalSeconds:F0} s. Its output:{Environment.NewLine}{tail}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200)
            {
                _output.RemoveAt(0);
            }

            // The console logger writes "warn: Category[id]" with the message on the next line.
            if (_problemAwaitingMessage is { } category)
            {
                _problemAwaitingMessage = null;
                var (count, example) = _problems.GetValueOrDefault(category, (0, ""));
                _problems[category] = (count + 1, count == 0 ? line.Trim() : example);
            }
            else if (line.StartsWith("warn: ", StringComparison.Ordinal) || line.StartsWith("fail: ", StringComparison.Ordinal)
                || line.StartsWith("crit: ", StringComparison.Ordinal))
            {
                _problemAwaitingMessage = line;
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
