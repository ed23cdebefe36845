using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// Several <see cref="ApiProcess"/>es on one SQLite file, as a rolling restart overlaps them: each process has
/// a folder and a port of its own (kept across a restart, so a proxy in front keeps its list), and all share
/// the database file, and the privacy and audit keys (the session keys are in the database). A slot can be killed (SIGKILL) and
/// started again.
/// </summary>
public sealed class ApiFleet : IAsyncDisposable
{
    private readonly ApiProcess?[] _processes;
    private readonly Dictionary<string, string> _environment;

    private ApiFleet(string folder, int[] ports, Dictionary<string, string> environment)
    {
        Folder = folder;
        Ports = ports;
        _processes = new ApiProcess?[ports.Length];
        _environment = environment;
    }

    /// <summary>The fleet's folder: the database file and one folder per process; the fleet deletes it.</summary>
    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "hotline.db");

    public IReadOnlyList<int> Ports { get; }

    public IReadOnlyList<Uri> Addresses => [.. Ports.Select(p => new Uri($"http://127.0.0.1:{p}/"))];

    /// <summary>Starts <paramref name="count"/> processes at once on one new database file, with <paramref name="environment"/> over the fleet's own settings.</summary>
    public static async Task<ApiFleet> StartAsync(int count, IDictionary<string, string> environment)
    {
        var folder = Directory.CreateTempSubdirectory("hotline-fleet-").FullName;
        var all = new Dictionary<string, string>
        {
            ["Hotline__Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "hotline.db")}",
            ["Hotline__Privacy__CurrentKeyId"] = "fleet",
            ["Hotline__Privacy__Keys__fleet"] = NewKey(),
            ["Hotline__Privacy__LookupKey"] = NewKey(),
            ["Hotline__Audit__Key"] = NewKey(),
        };
        foreach (var (key, value) in environment)
        {
            all[key] = value;
        }

        var fleet = new ApiFleet(folder, [.. Enumerable.Range(0, count).Select(_ => FreePort())], all);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(fleet.StartAsync));
            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process of <paramref name="slot"/> (again) on its port; returns once it listens.</summary>
    public async Task StartAsync(int slot)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Folder, $"api-{slot}")).FullName;
        var environment = new Dictionary<string, string>(_environment) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Ports[slot]}" };
        _processes[slot] = await ApiProcess.StartAsync(environment, folder);
    }

    /// <summary>An operator command (<c>users add ...</c>) against the fleet's database, with <paramref name="standardInput"/> (a password).</summary>
    public async Task<ApiProcess.Outcome> RunCommandAsync(IReadOnlyList<string> arguments, string? standardInput) =>
        await ApiProcess.RunAsync(_environment, TimeSpan.FromMinutes(1), arguments, standardInput);

    /// <summary>SIGKILL to the process of <paramref name="slot"/>: no shutdown, no flush.</summary>
    public async Task KillAsync(int slot)
    {
        if (_processes[slot] is { } process)
        {
            _processes[slot] = null;
            await process.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var slot = 0; slot < _processes.Length; slot++)
        {
            await KillAsync(slot);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>The settings of processes that take Twilio's webhooks for <paramref name="phoneNumber"/> and send through the REST API at <paramref name="apiBaseUrl"/>.</summary>
    public static Dictionary<string, string> TwilioEnvironment(Uri apiBaseUrl, string accountSid, string authToken, string publicBaseUrl, string phoneNumber) => new()
    {
        ["Hotline__PublicBaseUrl"] = publicBaseUrl,
        ["Twilio__Enabled"] = "true",
        ["Twilio__AccountSid"] = accountSid,
        ["Twilio__AuthToken"] = authToken,
        ["Twilio__PhoneNumber"] = phoneNumber,
        ["Twilio__ApiBaseUrl"] = apiBaseUrl.ToString(),
        ["Twilio__SegmentsPerSecond"] = "1000",
        ["Hotline__Outbox__PollMilliseconds"] = "100",
        ["Hotline__Outbox__RetryBaseMilliseconds"] = "100",
        ["Hotline__Outbox__RetryMaxSeconds"] = "2",
        ["Hotline__Outbox__MaxAttempts"] = "50",
    };

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
