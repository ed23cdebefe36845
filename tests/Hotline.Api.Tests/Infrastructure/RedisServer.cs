using System.Diagnostics;
using System.Net.Sockets;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>A real redis-server of the test's own on 127.0.0.1, with nothing saved to disk; stopped on dispose.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly int _port;
    private Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        _port = port;
        ConnectionString = $"127.0.0.1:{port},abortConnect=false";
    }

    public string ConnectionString { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreePort();
        var server = new RedisServer(Launch(port), port);
        await server.WaitUntilItListensAsync();
        return server;
    }

    /// <summary>Kills the server, as a crash or a lost host would: clients see their connection drop.</summary>
    public async Task StopAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts an empty server again on the same port, as a restarted Redis comes back.</summary>
    public async Task RestartAsync()
    {
        _process.Dispose();
        _process = Launch(_port);
        await WaitUntilItListensAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Process Launch(int port) =>
        Process.Start(new ProcessStartInfo("redis-server", ["--bind", "127.0.0.1", "--port", $"{port}", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start: test.sh installs it (apt-get install redis-server).");

    /// <summary>redis-server answers commands once it listens; until then a connection is refused.</summary>
    private async Task WaitUntilItListensAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, _port, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(10, timeout.Token);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
