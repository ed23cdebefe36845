using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// The built Hotline.Api in a process of its own, started as an operator starts it (Production, content
/// root and working folder a temporary folder, SQLite file <c>hotline.db</c> there, Twilio off unless the
/// environment says otherwise). <see cref="StartAsync"/> serves on a real port until the test kills it;
/// <see cref="RunAsync"/> runs it to its exit (a start that must fail, an operator command) and collects
/// what it printed.
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    /// <summary>Generous: on a machine shared with many builds, a start has been seen to take over a minute.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;

    private ApiProcess(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        Folder = folder;
    }

    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    public Uri Address { get; }

    /// <summary>The process's content root and working folder; the caller owns it.</summary>
    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "hotline.db");

    /// <summary>Starts the API in <paramref name="folder"/> and returns once it listens on 127.0.0.1.</summary>
    public static async Task<ApiProcess> StartAsync(IDictionary<string, string> environment, string folder)
    {
        var process = Process.Start(StartInfo(environment, folder))!;
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (ListeningOn().Match(line) is { Success: true } match)
                {
                    _ = process.StandardOutput.ReadToEndAsync();
                    return new ApiProcess(process, new Uri(match.Value), folder);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // A process that never said where it listens must not outlive the test that started it.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Hotline.Api did not listen within {StartTimeout}.");
        }

        throw new InvalidOperationException($"Hotline.Api exited with {process.ExitCode} before it listened.");
    }

    /// <summary>
    /// Runs the API in a temporary folder of its own until it exits, and collects what it printed; with
    /// <paramref name="arguments"/>, an operator command, given <paramref name="standardInput"/> (a password).
    /// </summary>
    public static async Task<Outcome> RunAsync(IDictionary<string, string> environment, TimeSpan timeout,
        IReadOnlyList<string>? arguments = null, string? standardInput = null)
    {
        var folder = Directory.CreateTempSubdirectory("hotline-process-").FullName;
        try
        {
            var start = StartInfo(environment, folder);
            foreach (var argument in arguments ?? [])
            {
                start.ArgumentList.Add(argument);
            }

            start.RedirectStandardInput = standardInput is not null;
            using var process = Process.Start(start)!;
            if (standardInput is not null)
            {
                await process.StandardInput.WriteLineAsync(standardInput);
                process.StandardInput.Close();
            }

            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Hotline.Api did not stop within {timeout}.");
            }

            return new Outcome(process.ExitCode, await output, await error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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

    /// <summary>The API assembly built beside this test assembly (same configuration), with the test's environment over the defaults.</summary>
    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment, string folder)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Hotline.Api.Storage.Database).Assembly.Location])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_CONTENTROOT"] = folder;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Hotline__Database__ConnectionString"] = "Data Source=hotline.db";
        start.Environment["Twilio__Enabled"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningOn();
}
