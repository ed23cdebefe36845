using Hotline.Bot.ActivityProtocol;
using Microsoft.IdentityModel.Protocols;

namespace Hotline.Api.BotConnector;

/// <summary>
/// Fetches the OpenID metadata and the key set it points to. Every address must be https, except on a
/// loopback address (the tests' local login service): the keys decide whom the hotline believes, so they
/// never come over a network in clear. The jwks_uri is checked too, not only the configured URL.
/// </summary>
public sealed class MetadataRetriever(HttpClient client) : IDocumentRetriever
{
    private readonly HttpDocumentRetriever _inner = new(client) { RequireHttps = false };

    public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
        ActivityRules.TryServiceUrl(address, out _, out _)
            ? _inner.GetDocumentAsync(address, cancel)
            : throw new InvalidOperationException("The OpenID metadata named a key address that is not https.");
}
