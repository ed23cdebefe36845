namespace Hotline.Api.Tests.BotConnector.Fakes;

/// <summary>
/// Bot Framework's login services on 127.0.0.1: the OpenID metadata and key set the Bot Connector's tokens
/// are checked against (with the "endorsements" member on each key), and an Entra ID token endpoint for the
/// client-credentials flow. Keys are RSA keys made here; <see cref="RollOver"/> replaces the published key.
/// </summary>
public sealed class FakeLoginServer : IAsyncDisposable
{
    public const string ConnectorScope = "https://api.botframework.com/.default";

    private readonly Lock _gate = new();
    private readonly HashSet<string> _issued = new(StringComparer.Ordinal);
    private readonly Queue<TokenFault> _tokenFaults = new();
    private readonly string[] _endorsements;
    private WebApplication? _app;
    private int _metadataRequests;
    private int _keySetRequests;
    private int _tokenRequests;

    private FakeLoginServer(string tenantId, string appId, string appPassword, string[] endorsements)
    {
        TenantId = tenantId;
        AppId = appId;
        AppPassword = appPassword;
        _endorsements = endorsements;
        CurrentKey = new SigningKey(NewKeyId(), RSA.Create(2048), endorsements);
    }

    public string TenantId { get; }

    public string AppId { get; }

    public string AppPassword { get; }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public string MetadataUrl => $"{BaseUrl}v1/.well-known/openidconfiguration";

    public string TokenEndpoint => $"{BaseUrl}{TenantId}/oauth2/v2.0/token";

    /// <summary>The key the Bot Connector signs with now, and the only one published.</summary>
    public SigningKey CurrentKey { get; private set; }

    /// <summary>The lifetime (expires_in) of the access tokens handed out.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeySetRequests => Volatile.Read(ref _keySetRequests);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public static async Task<FakeLoginServer> StartAsync(string tenantId, string appId, string appPassword, params string[] endorsements)
    {
        var server = new FakeLoginServer(tenantId, appId, appPassword, endorsements);
        (server._app, server.BaseUrl) = await LocalHttpServer.StartAsync(server.HandleAsync);
        return server;
    }

    /// <summary>Publishes a new key in place of the current one and signs with it from now on.</summary>
    public SigningKey RollOver()
    {
        lock (_gate)
        {
            CurrentKey = new SigningKey(NewKeyId(), RSA.Create(2048), _endorsements);
            return CurrentKey;
        }
    }

    /// <summary>Whether the token endpoint handed out this access token (and it was not revoked).</summary>
    public bool IsIssued(string accessToken)
    {
        lock (_gate)
        {
            return _issued.Contains(accessToken);
        }
    }

    /// <summary>Every access token handed out so far stops being accepted.</summary>
    public void RevokeAll()
    {
        lock (_gate)
        {
            _issued.Clear();
        }
    }

    /// <summary>The next <paramref name="count"/> token requests answer <paramref name="status"/>.</summary>
    public void FailNextTokenRequests(int count, int status) => ArrangeTokenFaults(count, new TokenFault.Fail(status));

    /// <summary>The next <paramref name="count"/> token requests are answered after <paramref name="delay"/> (or when the caller gives up).</summary>
    public void HangNextTokenRequests(int count, TimeSpan delay) => ArrangeTokenFaults(count, new TokenFault.Hang(delay));

    /// <summary>The next token request is answered <paramref name="status"/> with <paramref name="body"/>, whatever it is.</summary>
    public void AnswerNextTokenRequest(int status, string body, string contentType = "application/json; charset=utf-8") =>
        ArrangeTokenFaults(1, new TokenFault.Answer(status, body, contentType));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await LocalHttpServer.StopAsync(_app);
        }
    }

    private static string NewKeyId() => ActivityTokens.Base64Url(RandomNumberGenerator.GetBytes(12));

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var ct = context.RequestAborted;
        switch (context.Request.Method, path)
        {
            case ("GET", "/v1/.well-known/openidconfiguration"):
                Interlocked.Increment(ref _metadataRequests);
                await Json(context, 200, new JsonObject
                {
                    ["issuer"] = ActivityTokens.Issuer,
                    ["authorization_endpoint"] = "https://invalid.botframework.com",
                    ["jwks_uri"] = $"{BaseUrl}v1/.well-known/keys",
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
                }, ct);
                break;
            case ("GET", "/v1/.well-known/keys"):
                Interlocked.Increment(ref _keySetRequests);
                SigningKey key;
                lock (_gate)
                {
                    key = CurrentKey;
                }

                await Json(context, 200, new JsonObject { ["keys"] = new JsonArray(key.ToJwk()) }, ct);
                break;
            case ("POST", _) when path == $"/{TenantId}/oauth2/v2.0/token":
                await TokenAsync(context, ct);
                break;
            default:
                await Json(context, 404, new JsonObject { ["error"] = "not_found" }, ct);
                break;
        }
    }

    private async Task TokenAsync(HttpContext context, CancellationToken ct)
    {
        Interlocked.Increment(ref _tokenRequests);
        TokenFault? fault;
        lock (_gate)
        {
            _tokenFaults.TryDequeue(out fault);
        }

        switch (fault)
        {
            case TokenFault.Fail failure:
                await Json(context, failure.Status, new JsonObject { ["error"] = "temporarily_unavailable" }, ct);
                return;
            case TokenFault.Hang hang:
                await Task.Delay(hang.Delay, ct);
                break;
            case TokenFault.Answer answer:
                context.Response.StatusCode = answer.Status;
                context.Response.ContentType = answer.ContentType;
                await context.Response.WriteAsync(answer.Body, ct);
                return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(ct) : FormCollection.Empty;
        if (form["grant_type"] != "client_credentials" || form["scope"] != ConnectorScope)
        {
            await Json(context, 400, new JsonObject { ["error"] = "invalid_request" }, ct);
            return;
        }

        if (form["client_id"] != AppId || form["client_secret"] != AppPassword)
        {
            await Json(context, 401, new JsonObject { ["error"] = "invalid_client" }, ct);
            return;
        }

        var token = ActivityTokens.Base64Url(RandomNumberGenerator.GetBytes(32));
        lock (_gate)
        {
            _issued.Add(token);
        }

        await Json(context, 200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = TokenLifetimeSeconds,
            ["ext_expires_in"] = TokenLifetimeSeconds,
            ["access_token"] = token,
        }, ct);
    }

    private void ArrangeTokenFaults(int count, TokenFault fault)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _tokenFaults.Enqueue(fault);
            }
        }
    }

    private static async Task Json(HttpContext context, int status, JsonNode json, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json.ToJsonString(), ct);
    }

    private abstract record TokenFault
    {
        public sealed record Fail(int Status) : TokenFault;

        public sealed record Hang(TimeSpan Delay) : TokenFault;

        public sealed record Answer(int Status, string Body, string ContentType) : TokenFault;
    }

    /// <summary>One signing key: its id, the RSA key, and the channels it is endorsed for.</summary>
    public sealed class SigningKey(string keyId, RSA rsa, string[] endorsements)
    {
        public string KeyId { get; } = keyId;

        public RSA Rsa { get; } = rsa;

        public JsonObject ToJwk()
        {
            var parameters = Rsa.ExportParameters(includePrivateParameters: false);
            return new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["x5t"] = KeyId,
                ["n"] = ActivityTokens.Base64Url(parameters.Modulus!),
                ["e"] = ActivityTokens.Base64Url(parameters.Exponent!),
                ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode?)e).ToArray()),
            };
        }

        public string Sign(ActivityTokens.Claims claims) => ActivityTokens.Rs256(Rsa, KeyId, claims);
    }
}
