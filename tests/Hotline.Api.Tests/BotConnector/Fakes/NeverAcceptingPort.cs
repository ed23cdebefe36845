using System.Net;
using System.Net.Sockets;

namespace Hotline.Api.Tests.BotConnector.Fakes;

/// <summary>
/// A port on 127.0.0.1 where a connection is never made: it listens with a backlog of one and never accepts, and
/// its queue is filled at the start, so Linux drops every further SYN and a connect hangs until its caller gives up,
/// as it does when a service's host is unreachable behind a firewall.
/// </summary>
internal sealed class NeverAcceptingPort : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _queued = [];

    private NeverAcceptingPort() { }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/");

    public static async Task<NeverAcceptingPort> StartAsync()
    {
        var port = new NeverAcceptingPort();
        port._listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        port._listener.Listen(1);
        // Linux queues backlog + 1 connections: a connect that hangs only counts as "full" once those are in.
        var accepted = 0;
        try
        {
            for (var i = 0; i < 16; i++)
            {
                var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                port._queued.Add(client);
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                try
                {
                    await client.ConnectAsync(port._listener.LocalEndPoint!, wait.Token);
                    accepted++;
                }
                catch (OperationCanceledException) when (wait.IsCancellationRequested && accepted >= 2)
                {
                    return port;
                }
            }
        }
        catch
        {
            port.Dispose();
            throw;
        }

        port.Dispose();
        throw new InvalidOperationException($"The listener's queue never filled: {accepted} connections were accepted by the kernel.");
    }

    public void Dispose()
    {
        foreach (var socket in _queued)
        {
            socket.Dispose();
        }

        _listener.Dispose();
    }
}
