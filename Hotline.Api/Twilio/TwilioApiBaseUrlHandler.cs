namespace Hotline.Api.Twilio;

/// <summary>
/// The Twilio SDK always builds https://api.twilio.com URLs; this moves each request onto
/// Twilio:ApiBaseUrl (a regional edge, a proxy, or a local stand-in in tests), keeping path and query.
/// </summary>
public sealed class TwilioApiBaseUrlHandler(Uri apiBaseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = apiBaseUrl.Scheme, Host = apiBaseUrl.Host, Port = apiBaseUrl.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
