namespace Hotline.Api.BotConnector;

/// <summary>
/// The one HTTP client for the login service, the OpenID metadata and the Bot Connector. Redirects are
/// never followed: a bearer token goes only to the address that was checked, never where a 3xx points.
/// Whether a failed post sent anything is told by its body (<see cref="UnsentProofContent"/>), not by the kind of
/// failure: a connection never made and a post never answered both surface as a cancellation.
/// </summary>
public sealed class BotHttp : IDisposable
{
    public BotHttp(IOptions<BotOptions> options)
    {
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds),
        };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
