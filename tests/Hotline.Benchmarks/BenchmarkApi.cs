using System.Reflection;

namespace Hotline.Benchmarks;

/// <summary>
/// The API under benchmark, as it runs in production: its own process, thread pool, GC and Kestrel, started
/// the one way the tests start a real API (<see cref="ApiProcess"/>, linked from Hotline.Api.Tests), with a
/// fresh SQLite file in a temporary folder. Twilio is disabled (<c>Twilio:Enabled=false</c>, as <see cref="ApiProcess"/>
/// starts every API), so the outbox dispatcher still claims each reply and writes its outcome, but the outcome is
/// Failed, "Twilio is disabled", at once: nothing is sent, and no delivery callbacks come back. A benchmark that
/// stands in for Twilio enables it.
/// </summary>
internal sealed class BenchmarkApi : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://bench.example.org";

    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(60);

    private BenchmarkApi(ApiProcess process, string authToken)
    {
        Process = process;
        AuthToken = authToken;
    }

    public ApiProcess Process { get; }

    public Uri BaseAddress => Process.Address;

    public string Folder => Process.Folder;

    public string DatabasePath => Process.DatabaseFile;

    public string AuthToken { get; }

    /// <summary>CPU time the API has used so far, user and system; with two cores, CPU per message caps throughput before the disk does.</summary>
    public TimeSpan ProcessorTime => Process.ProcessorTime;

    /// <summary>Warnings and errors the API logged, by category, with the first message of each as an example.</summary>
    public IReadOnlyDictionary<string, (int Count, string Example)> Problems => Process.Problems;

    /// <summary>The Hotline.Api.dll built beside the benchmarks, when they are built in Release (figures from a Debug build mean nothing).</summary>
    public static string? FindBuild() =>
        ApiProcess.ApiAssembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration == "Release"
            ? ApiProcess.ApiAssembly.Location
            : null;

    /// <summary>
    /// The runtime settings the API's build carries for its thread pool, compiler and garbage collector (from its
    /// runtimeconfig.json), so that a figure is labelled with the configuration that produced it.
    /// </summary>
    public static string RuntimeSettings(string dll)
    {
        var file = Path.ChangeExtension(dll, ".runtimeconfig.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        var settings = document.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            ? properties.EnumerateObject()
                .Where(p => p.Name.StartsWith("System.Threading.", StringComparison.Ordinal) || p.Name.StartsWith("System.GC.", StringComparison.Ordinal)
                    || p.Name.StartsWith("System.Runtime.Tiered", StringComparison.Ordinal))
                .Select(p => $"{p.Name}={p.Value}")
                .ToList()
            : [];
        return settings.Count == 0 ? "runtime defaults" : string.Join(", ", settings);
    }

    /// <summary>Starts the API on a new temporary folder, or on <paramref name="folder"/> when a benchmark seeded its database there first.</summary>
    public static async Task<BenchmarkApi> StartAsync(string? folder = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        folder ??= Directory.CreateTempSubdirectory("hotline-bench-api-").FullName;
        var environment = new Dictionary<string, string>
        {
            // Absolute, so that operator commands run from another folder reach the same file.
            ["Hotline__Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "hotline.db")}",
            ["Hotline__PublicBaseUrl"] = PublicBaseUrl,
            ["Twilio__AuthToken"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["Hotline__Privacy__CurrentKeyId"] = "bench",
            ["Hotline__Privacy__Keys__bench"] = NewKey(),
            ["Hotline__Privacy__LookupKey"] = NewKey(),
            ["Hotline__Audit__Key"] = NewKey(),
            ["Logging__LogLevel__Default"] = "Warning",
            // Every simulated person signs in from 127.0.0.1 with a password only (twenty at once in the console benchmark):
            // the sign-in limits and the second factor would measure the sign-in page's defences, not the console or the
            // ingest under load. The sign-in flood puts the budget of password checks and their share of a core back (SignInFlood.Settings).
            ["Hotline__Auth__RequireTwoFactor"] = "false",
            ["Hotline__Auth__SignInsPerAddressPerMinute"] = "100000",
            ["Hotline__Auth__SignInsPerNamePerMinute"] = "100000",
            ["Hotline__Auth__PasswordChecksPerSecond"] = "1000",
            ["Hotline__Auth__PasswordCheckCoreShare"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        // A benchmark that stands in for Twilio gives the token its stand-in checks; the webhooks are signed with it either way.
        var authToken = environment["Twilio__AuthToken"];

        ApiProcess? process = null;
        try
        {
            process = await ApiProcess.StartAsync(environment, folder);
            await WaitUntilHealthyAsync(process.Address);
            return new BenchmarkApi(process, authToken);
        }
        catch
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private static async Task WaitUntilHealthyAsync(Uri address)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < HealthTimeout)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(address, "/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // A slow answer under a loaded machine: ask again.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"Hotline.Api did not answer GET /health with 200 within {HealthTimeout.TotalSeconds:F0} s.");
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
