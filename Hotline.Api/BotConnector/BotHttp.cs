namespace Hotline.Api.BotConnector;

/// <summary>
/// The one HTTP client for the login service, the OpenID metadata and the Bot Connector. Redirects are
/// never followed: a bearer token goes only to the address that was checked, never where a 3xx points.
/// </summary>
public sealed class BotHttp : IDisposable
{
    public BotHttp(IOptions<BotOptions> options)
    {
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, options.Value.RequestTimeoutSeconds)),
        })
        {
            Timeout = TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds),
        };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
