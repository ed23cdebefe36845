namespace Hotline.Benchmarks;

/// <summary>
/// The operator's command line (<c>users add</c>, <c>sims import</c>) run against a running
/// <see cref="BenchmarkApi"/>'s database with that process's own configuration. The API was given
/// its keys through its environment, so the commands read them from /proc/{pid}/environ: the SIM import
/// must hash numbers with the same lookup key the API uses to find them.
/// </summary>
internal sealed class ConsoleBenchmarkOperator
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;

    private ConsoleBenchmarkOperator(string dll, int processId, IReadOnlyDictionary<string, string> environment)
    {
        _dll = dll;
        ProcessId = processId;
        _environment = environment;
    }

    /// <summary>The API's process id (the `dotnet Hotline.Api.dll` this process started), for its memory figures.</summary>
    public int ProcessId { get; }

    /// <summary>Finds the API among this process's children by its command line (Linux only: it reads /proc).</summary>
    public static ConsoleBenchmarkOperator Attach(string dll)
    {
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after its closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var parent = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
                if (parent != self || !File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0').Contains(dll))
                {
                    continue;
                }

                var environment = File.ReadAllText(Path.Combine(folder, "environ"))
                    .Split('\0', StringSplitOptions.RemoveEmptyEntries)
                    .Select(entry => entry.Split('=', 2))
                    .Where(pair => pair.Length == 2)
                    .GroupBy(pair => pair[0], StringComparer.Ordinal)
                    .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.Ordinal);
                return new ConsoleBenchmarkOperator(dll, pid, environment);
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        throw new InvalidOperationException($"No child process of {self} runs {dll}.");
    }

    public Task<string> AddUserAsync(string name, string role, string languages, string password) =>
        RunAsync(["users", "add", name, "--role", role, "--languages", languages], password);

    public Task<string> ImportSimsAsync(string file) => RunAsync(["sims", "import", file], null);

    private async Task<string> RunAsync(string[] args, string? input)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"`{string.Join(' ', args.Take(2))}` did not finish within 120 s.");
        }

        var text = new StringBuilder((await output).Trim()).Append(' ').Append((await error).Trim()).ToString().Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', args.Take(2))}` exited with {process.ExitCode}: {text}");
        }

        return text;
    }
}
