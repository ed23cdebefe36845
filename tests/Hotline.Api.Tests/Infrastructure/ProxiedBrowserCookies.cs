namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// The cookies a browser keeps when it reaches a production host through the TLS-terminating proxy. Outside
/// Development every cookie is Secure, so a client talking plain http to the process itself (a published app, a
/// benchmark's process) would never send one back; this keeps each cookie's value and sends them all, as the
/// browser does over https. Only for tests and benchmarks.
/// </summary>
public sealed class ProxiedBrowserCookies(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>The value of a cookie the host set, or null.</summary>
    public string? this[string name] => _cookies.GetValueOrDefault(name);

    /// <summary>Every cookie kept, as a Cookie header (for a SignalR client, say).</summary>
    public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", CookieHeader);
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = setCookie.Split(';')[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            _cookies[pair[..equals]] = pair[(equals + 1)..];
        }

        return response;
    }
}
