using System.Net;

namespace Hotline.Api.BotConnector;

/// <summary>
/// A request body that knows whether the HTTP client began to write it: the proof that a failed post sent nothing.
/// Over HTTP/1.1 the client keeps a request's line and headers in its buffer until it writes the body (no
/// <c>Expect: 100-continue</c> is asked for), so a body never begun means not a byte of the request left this
/// process. Whatever held the request up before that (a name not resolved, a connection or a TLS handshake never
/// completed, no free connection in the pool) held it up before anything was sent, and the post may be made again.
/// </summary>
internal sealed class UnsentProofContent(byte[] body) : ByteArrayContent(body)
{
    private int _begun;

    /// <summary>Whether the client began to write the body, in any attempt; from then on the post may have arrived.</summary>
    public bool Begun => Volatile.Read(ref _begun) == 1;

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _begun, 1);
        base.SerializeToStream(stream, context, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        Volatile.Write(ref _begun, 1);
        return base.SerializeToStreamAsync(stream, context);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _begun, 1);
        return base.SerializeToStreamAsync(stream, context, cancellationToken);
    }
}
