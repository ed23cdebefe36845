using System.Net;
using System.Net.Sockets;

namespace Hotline.Api.BotConnector;

/// <summary>
/// The one HTTP client for the login service, the OpenID metadata and the Bot Connector. Redirects are
/// never followed: a bearer token goes only to the address that was checked, never where a 3xx points.
/// <para>
/// A connection that is never made must read as "nothing was sent": the connector cannot be asked about a
/// reply afterwards, so <see cref="BotConnectorSender"/> posts again only after such proof. The handler's own
/// connect timeout surfaces as a cancellation, the same as a request that had been sent and went unanswered;
/// so the connection is made here, with its own deadline (half the request's, at most 10 s, so it always ends
/// first), and a connection not made in time fails as a socket timeout, which the handler reports as a
/// connection error.
/// </para>
/// </summary>
public sealed class BotHttp : IDisposable
{
    public BotHttp(IOptions<BotOptions> options)
    {
        var requestTimeout = TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds);
        var connectTimeout = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks, requestTimeout.Ticks / 2));
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, connectTimeout, cancellationToken),
        })
        {
            Timeout = requestTimeout,
        };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endPoint, deadline.Token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new SocketException((int)SocketError.TimedOut);
        }
        catch (OperationCanceledException)
        {
            // The handler's own cancellation, carried by its own token so that it reads as a cancellation, not a connection error.
            socket.Dispose();
            throw new OperationCanceledException(cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
