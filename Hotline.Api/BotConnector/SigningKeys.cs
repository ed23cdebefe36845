using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Api.BotConnector;

/// <summary>
/// The Bot Framework's published signing keys, read through its OpenID metadata and cached by the
/// configuration manager (refreshed every 12 hours). A token signed with a key id that is not in the cache
/// makes one refresh happen at once, since that is how a key rollover first shows; a flood of made-up key
/// ids causes at most one refresh per five minutes, never one per request.
/// </summary>
public sealed class SigningKeys
{
    /// <summary>How long a request waits for a forced refresh to land before its token is refused.</summary>
    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(10);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public SigningKeys(string metadataUrl, IDocumentRetriever retriever, TimeProvider time)
    {
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
        _time = time;
    }

    /// <summary>The published key with this id, or null when there is none even after a refresh.</summary>
    /// <exception cref="InvalidOperationException">The metadata could not be fetched and nothing is cached.</exception>
    public async Task<JsonWebKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var current = await _manager.GetConfigurationAsync(cancellationToken);
        var key = Find(current, keyId);
        if (key is not null || !TryStartForcedRefresh())
        {
            return key;
        }

        // The manager refreshes in the background and hands out a new configuration object when done.
        _manager.RequestRefresh();
        var deadline = _time.GetUtcNow() + RefreshWait;
        while (_time.GetUtcNow() < deadline)
        {
            var refreshed = await _manager.GetConfigurationAsync(cancellationToken);
            if (!ReferenceEquals(refreshed, current))
            {
                return Find(refreshed, keyId);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), _time, cancellationToken);
        }

        return null;
    }

    private bool TryStartForcedRefresh()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_lastForcedRefresh != DateTimeOffset.MinValue && now - _lastForcedRefresh < _manager.RefreshInterval)
            {
                return false;
            }

            _lastForcedRefresh = now;
            return true;
        }
    }

    private static JsonWebKey? Find(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
}
