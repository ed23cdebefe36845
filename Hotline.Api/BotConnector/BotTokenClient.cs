using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.BotConnector;

/// <summary>The login service refused or failed to give a token; nothing was sent to the Bot Connector.</summary>
public sealed class BotTokenException(string message) : Exception(message);

/// <summary>
/// Gets the bearer token for calling the Bot Connector with the OAuth 2.0 client-credentials flow (single
/// tenant: the bot's app id and password at the tenant's token endpoint, scope api.botframework.com) and
/// keeps it until five minutes before it expires, or half its life when it is shorter than ten minutes.
/// One request at a time goes to the login service, however many replies wait for a token, and all who wait while it
/// is out take its answer: a token, or its failure (each asking in turn, the replies to twenty people in one dispatch
/// pass waited twenty timeouts of a login service that hung). A failure is not kept: the next reply asks again.
/// </summary>
public sealed class BotTokenClient(BotHttp http, IOptions<BotOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly Lock _gate = new();
    private (string Token, DateTimeOffset RenewAt)? _cached;
    private Task<string>? _request;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<string>? mine = null;
        Task<string> request;
        lock (_gate)
        {
            if (_cached is { } hit && time.GetUtcNow() < hit.RenewAt)
            {
                return hit.Token;
            }

            if (_request is null)
            {
                mine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _request = mine.Task;
            }

            request = _request;
        }

        if (mine is not null)
        {
            // The request is everyone's: it does not run in the first caller's context (its trace, its log scope).
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => AskAsync(mine), CancellationToken.None);
            }
        }

        return await request.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The token kept now, or null when there is none to use (never had, refused, due for renewal); never asks the login
    /// service. A post takes it after the dispatcher's last check, which <see cref="GetAsync"/> came before.
    /// </summary>
    public string? Kept()
    {
        lock (_gate)
        {
            return _cached is { } hit && time.GetUtcNow() < hit.RenewAt ? hit.Token : null;
        }
    }

    /// <summary>Forgets a token the Bot Connector refused, so the next send asks for a new one.</summary>
    public void Invalidate(string token)
    {
        lock (_gate)
        {
            if (_cached is { } current && current.Token == token)
            {
                _cached = null;
            }
        }
    }

    /// <summary>
    /// One request for everyone waiting; no caller's cancellation ends it (the client's timeout does), so one who stops
    /// waiting does not fail the others. Whatever it throws goes to every waiter.
    /// </summary>
    private async Task AskAsync(TaskCompletionSource<string> answer)
    {
        try
        {
            var (token, lifetime) = await RequestAsync(CancellationToken.None);
            lock (_gate)
            {
                _cached = (token, time.GetUtcNow() + (lifetime > 2 * Margin ? lifetime - Margin : lifetime / 2));
                _request = null;
            }

            answer.SetResult(token);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _request = null;
            }

            answer.SetException(ex);
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
        // JSON is UTF-8 (RFC 8259) whatever charset the answer is labelled with: a label .NET does not know would otherwise throw.
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        JsonElement json;
        try
        {
            json = await JsonSerializer.DeserializeAsync<JsonElement>(body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw new BotTokenException($"The token endpoint answered {(int)response.StatusCode} without JSON.");
        }

        if (!response.IsSuccessStatusCode)
        {
            // The OAuth error code (invalid_client, unauthorized_client, ...) says what to fix; the description may echo ids, so it is not kept.
            var code = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? error.GetString()
                : null;
            throw new BotTokenException($"The token endpoint answered {(int)response.StatusCode}{(code is null ? "" : $" ({code})")}.");
        }

        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("access_token", out var accessToken) || accessToken.ValueKind != JsonValueKind.String
            || accessToken.GetString() is not { Length: > 0 } token
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
