using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// The built Hotline.Api in a process of its own, started as an operator starts it (Production, content
/// root and working folder a temporary folder, SQLite file <c>hotline.db</c> there, Twilio off unless the
/// environment says otherwise; anything else in this process's environment passes through).
/// <see cref="StartAsync"/> serves on a real port until the caller kills it; <see cref="RunAsync"/> runs it
/// to its exit (a start that must fail, an operator command) and collects what it printed. The tests and
/// the benchmarks (tests/Hotline.Benchmarks links this file) start a real API only through here.
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    /// <summary>Generous: on a machine shared with many builds, a start has been seen to take over a minute.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Hotline.Api.dll, built beside this assembly in the same configuration (named by a type of its own: the benchmarks have a Program too).</summary>
    public static readonly Assembly ApiAssembly = typeof(Hotline.Api.Hosting.HotlineStartup).Assembly;

    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ApiProcessLog _log = new();

    private ApiProcess(Process process, string folder)
    {
        _process = process;
        Folder = folder;
        // A run stopped with Ctrl+C or SIGTERM must not leave an API running behind it.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        Console.CancelKeyPress += KillOnExit;
    }

    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Where it listens; set before <see cref="StartAsync"/> returns.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The process's content root and working folder; the caller owns it.</summary>
    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "hotline.db");

    public int ProcessId => _process.Id;

    /// <summary>CPU time the API has used so far, user and system.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Warnings and errors the API logged, by category, with the first message of each as an example.</summary>
    public IReadOnlyDictionary<string, (int Count, string Example)> Problems => _log.Problems;

    /// <summary>Starts the API in <paramref name="folder"/> and returns once it listens on 127.0.0.1.</summary>
    public static async Task<ApiProcess> StartAsync(IDictionary<string, string> environment, string folder)
    {
        var process = Process.Start(StartInfo(environment, folder))!;
        var api = new ApiProcess(process, folder);
        process.OutputDataReceived += (_, line) => api.Record(line.Data);
        process.ErrorDataReceived += (_, line) => api.Record(line.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            process.WaitForExit(); // until what it printed has been read
            api._listening.TrySetException(new InvalidOperationException(
                $"Hotline.Api exited with {process.ExitCode} before it listened. Its output:{Environment.NewLine}{api._log.Tail()}"));
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            api.Address = await api._listening.Task.WaitAsync(StartTimeout);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
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
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Console.CancelKeyPress -= KillOnExit;
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Record(line);
        if (ListeningOn().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Value));
        }
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

    /// <summary>The API assembly built beside this assembly (same configuration), with the caller's environment over the defaults.</summary>
    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment, string folder)
    {
        var start = new ProcessStartInfo("dotnet", [ApiAssembly.Location])
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
        // The line StartAsync waits for, whatever level the caller logs at.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningOn();
}
