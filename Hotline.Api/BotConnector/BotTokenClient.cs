using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.BotConnector;

/// <summary>The login service refused or failed to give a token; nothing was sent to the Bot Connector.</summary>
public sealed class BotTokenException(string message) : Exception(message);

/// <summary>
/// Gets the bearer token for calling the Bot Connector with the OAuth 2.0 client-credentials flow (single
/// tenant: the bot's app id and password at the tenant's token endpoint, scope api.botframework.com) and
/// keeps it until five minutes before it expires, or half its life when it is shorter than ten minutes.
/// One request at a time goes to the login service, however many replies wait for a token.
/// </summary>
public sealed class BotTokenClient(BotHttp http, IOptions<BotOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } hit && time.GetUtcNow() < hit.RenewAt)
        {
            return hit.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } fresh && time.GetUtcNow() < fresh.RenewAt)
            {
                return fresh.Token;
            }

            var (token, lifetime) = await RequestAsync(cancellationToken);
            _cached = (token, time.GetUtcNow() + (lifetime > 2 * Margin ? lifetime - Margin : lifetime / 2));
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets a token the Bot Connector refused, so the next send asks for a new one.</summary>
    public void Invalidate(string token)
    {
        if (_cached is { } current && current.Token == token)
        {
            _cached = null;
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.TokenEndpointUri)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = bot.AppId!,
                ["client_secret"] = bot.AppPassword!,
                ["scope"] = BotAuthentication.ConnectorScope,
            }),
        };
        using var response = await http.Client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement json;
        try
        {
            json = JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            throw new BotTokenException($"The token endpoint answered {(int)response.StatusCode} without JSON.");
        }

        if (!response.IsSuccessStatusCode)
        {
            // The OAuth error code (invalid_client, unauthorized_client, ...) says what to fix; the description may echo ids, so it is not kept.
            var code = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var error) ? error.GetString() : null;
            throw new BotTokenException($"The token endpoint answered {(int)response.StatusCode}{(code is null ? "" : $" ({code})")}.");
        }

        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 } token
            || !json.TryGetProperty("expires_in", out var expiresIn) || Seconds(expiresIn) is not { } seconds)
        {
            throw new BotTokenException("The token endpoint's answer has no access_token or expires_in.");
        }

        return (token, TimeSpan.FromSeconds(seconds));
    }

    /// <summary>expires_in is a number of seconds; some endpoints send it as a string.</summary>
    private static int? Seconds(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) && n > 0 => n,
        JsonValueKind.String when int.TryParse(value.GetString(), out var n) && n > 0 => n,
        _ => null,
    };
}
