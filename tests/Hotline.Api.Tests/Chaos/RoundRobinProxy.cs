using System.Net;
using System.Net.Sockets;

namespace Hotline.Api.Tests.Chaos;

/// <summary>
/// A load balancer in front of the API processes, as small as one can be: each TCP connection it accepts goes
/// to the next backend in turn, skipping one that refuses (a killed process), and bytes are copied both ways
/// until either side closes. An HTTP client's kept-alive connection, or a console's WebSocket, stays on one
/// process while that process lives, as nginx keeps it.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<int> _backends;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _next;

    public RoundRobinProxy(IReadOnlyList<int> backendPorts)
    {
        _backends = backendPorts;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        using (client)
        {
            using var backend = await ConnectToNextAsync();
            if (backend is null)
            {
                return;
            }

            using var bothDone = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            await Task.WhenAny(CopyAsync(client, backend, bothDone.Token), CopyAsync(backend, client, bothDone.Token));
            await bothDone.CancelAsync();
        }
    }

    /// <summary>The next backend that accepts, trying each once; none when every process is down.</summary>
    private async Task<Socket?> ConnectToNextAsync()
    {
        for (var tried = 0; tried < _backends.Count; tried++)
        {
            var port = _backends[(int)((uint)Interlocked.Increment(ref _next) % _backends.Count)];
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, _stopping.Token);
                return socket;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                socket.Dispose();
            }
        }

        return null;
    }

    /// <summary>Copies until the source closes or fails, then closes the destination's sending side, as a proxy passes a close on.</summary>
    private static async Task CopyAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A side went away (a killed process, a client that gave up): the connection ends, as through a real proxy.
        }
    }
}
