using Hotline.Bot.ActivityProtocol;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Api.BotConnector;

/// <summary>
/// Development only, when no Bot:AppId is configured: a local stand-in for the Bot Connector's issuer, so a
/// person can chat with the hotline from the simulator without Azure. It holds an RSA key made at start,
/// publishes it through OpenID metadata of the same shape as Bot Framework's (endorsed for the "simulator"
/// channel), and signs activities as the Bot Connector would. /api/messages checks those tokens with the
/// very same code as real ones; only the metadata address differs. The documents are served to the
/// validator in process (a test host has no network address to fetch from) and also on the simulator's
/// routes, for anyone to inspect.
/// </summary>
public sealed class DevelopmentBotIssuer : IDocumentRetriever, IDisposable
{
    public const string AppId = "hotline-development-bot";
    public const string ChannelId = "simulator";
    public const string MetadataPath = "/simulator/chat/.well-known/openidconfiguration";
    public const string KeysPath = "/simulator/chat/.well-known/keys";
    public const string ServicePath = "/simulator/chat/connector";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly HotlineOptions _hotline;
    private readonly TimeProvider _time;

    public DevelopmentBotIssuer(IOptions<HotlineOptions> hotline, TimeProvider time)
    {
        _hotline = hotline.Value;
        _time = time;
        _key = new RsaSecurityKey(_rsa) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
    }

    public string MetadataUrl => _hotline.PublicUrl(MetadataPath);

    public string KeysUrl => _hotline.PublicUrl(KeysPath);

    /// <summary>The service URL of simulated activities; the local chat sink takes the replies, nothing is posted to it.</summary>
    public string ServiceUrl => _hotline.PublicUrl(ServicePath);

    public string MetadataDocument() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["issuer"] = BotAuthentication.Issuer,
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = KeysUrl,
        ["id_token_signing_alg_values_supported"] = new[] { BotAuthentication.Algorithm },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    });

    public string KeysDocument()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = _key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    ["endorsements"] = new[] { ChannelId },
                },
            },
        });
    }

    /// <summary>A token as the Bot Connector would send with an activity for <see cref="ServiceUrl"/>.</summary>
    public string SignToken()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotAuthentication.Issuer,
            Audience = AppId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + TokenLifetime,
            Claims = new Dictionary<string, object> { [BotAuthentication.ServiceUrlClaims[0]] = ServiceUrl },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public Task<string> GetDocumentAsync(string address, CancellationToken cancel) => address switch
    {
        _ when address == MetadataUrl => Task.FromResult(MetadataDocument()),
        _ when address == KeysUrl => Task.FromResult(KeysDocument()),
        _ => Task.FromException<string>(new InvalidOperationException("The development issuer publishes only its metadata and keys.")),
    };

    public void Dispose() => _rsa.Dispose();
}
