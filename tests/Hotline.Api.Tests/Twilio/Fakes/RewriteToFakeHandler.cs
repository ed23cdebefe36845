namespace Hotline.Api.Tests.Twilio.Fakes;

/// <summary>
/// Sends what the Twilio SDK addresses to https://api.twilio.com to the fake instead: the SDK has no
/// base-URL option, so the scheme, host and port of each request are rewritten; path and query stay.
/// </summary>
public sealed class RewriteToFakeHandler(Uri baseUrl) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri)
            {
                Scheme = baseUrl.Scheme,
                Host = baseUrl.Host,
                Port = baseUrl.Port,
            }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
