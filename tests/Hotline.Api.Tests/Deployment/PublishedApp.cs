namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// The published Hotline.Api started as the image's ENTRYPOINT starts it: `dotnet Hotline.Api.dll` in a
/// given working directory, with nothing in its environment but what the test passes and a PATH holding
/// the runtime image's tools. Run by root, it runs as nobody, as the image's non-root user would.
/// </summary>
public sealed class PublishedApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PublishedApp(Process process, int port)
    {
        _process = process;
        Port = port;
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Who the app runs as: nobody when the test runs as root, else the test's own user.</summary>
    public static IReadOnlyList<string> AsUnprivilegedUser(IReadOnlyList<string> command) => System.Environment.UserName == "root"
        ? ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", .. command]
        : command;

    public static ProcessStartInfo StartInfo(PublishedImage image, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<string> command)
    {
        var line = AsUnprivilegedUser(command);
        var start = new ProcessStartInfo(line[0], line.Skip(1))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = image.Emulator.ToolFolderOf(image.Runtime);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Starts the app and waits until GET /health answers, or fails with what it printed.</summary>
    public static async Task<PublishedApp> StartAsync(PublishedImage image, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<string>? command = null)
    {
        var port = FreePort();
        var withUrl = new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" };
        var process = Process.Start(StartInfo(image, workingDirectory, withUrl, command ?? image.Runtime.Entrypoint))!;
        var app = new PublishedApp(process, port);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                await client.GetAsync("/health");
                return app;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        await app.DisposeAsync();
        throw new InvalidOperationException($"The published app did not answer on {app.Address}:{System.Environment.NewLine}{app.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
