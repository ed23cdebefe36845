using System.Net;
using System.Net.Sockets;

namespace Hotline.Api.Tests.BotConnector.Fakes;

/// <summary>
/// A port on 127.0.0.1 that accepts every connection and never says a word: a TLS client's hello waits for a server
/// hello that never comes, as behind a middlebox that stalls handshakes. The connections are held until disposal.
/// </summary>
internal sealed class SilentPort : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private Task _accepting = Task.CompletedTask;

    private SilentPort() { }

    public Uri HttpsUrl => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public static SilentPort Start()
    {
        var port = new SilentPort();
        port._listener.Start();
        port._accepting = port.AcceptAsync();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var client in _held)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                _held.Add(await _listener.AcceptTcpClientAsync(_stop.Token));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: stop accepting.
        }
    }
}
