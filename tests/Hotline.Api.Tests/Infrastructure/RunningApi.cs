using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>The built Hotline.Api serving on a real port in its own process, which a test can kill outright.</summary>
public sealed partial class RunningApi : IAsyncDisposable
{
    private readonly Process _process;

    private RunningApi(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        Folder = folder;
    }

    public Uri Address { get; }

    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "hotline.db");

    public static async Task<RunningApi> StartAsync(IDictionary<string, string> environment, string folder)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_CONTENTROOT"] = folder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Hotline__Database__ConnectionString"] = "Data Source=hotline.db";
        start.Environment["Twilio__Enabled"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new RunningApi(process, new Uri(match.Value), folder);
            }
        }

        throw new InvalidOperationException($"Hotline.Api exited with {process.ExitCode} before it listened.");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no disposal; only what reached the disk survives.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningOn();
}
