namespace Hotline.Api.Tests.BotConnector.Fakes;

/// <summary>
/// Builds the JWTs the Bot Connector sends, byte by byte (base64url header and payload, RSASSA-PKCS1-v1_5
/// SHA-256 signature), independently of the product's token library, plus the forgeries it must refuse.
/// </summary>
public static class ActivityTokens
{
    public const string Issuer = "https://api.botframework.com";

    public sealed record Claims(string Audience, string? ServiceUrl, string Issuer = Issuer, DateTimeOffset? NotBefore = null, DateTimeOffset? Expires = null)
    {
        public JsonObject ToJson()
        {
            var now = DateTimeOffset.UtcNow;
            var payload = new JsonObject
            {
                ["iss"] = Issuer,
                ["aud"] = Audience,
                ["nbf"] = (NotBefore ?? now.AddMinutes(-1)).ToUnixTimeSeconds(),
                ["exp"] = (Expires ?? now.AddMinutes(30)).ToUnixTimeSeconds(),
                ["appid"] = "d6d49420-f39b-4df7-a1dc-d59a935871db",
            };
            if (ServiceUrl is not null)
            {
                payload["serviceurl"] = ServiceUrl;
            }

            return payload;
        }
    }

    public static string Rs256(RSA key, string keyId, Claims claims) => Rs256(key, keyId, claims.ToJson());

    public static string Rs256(RSA key, string keyId, JsonObject payload) =>
        Signed(new JsonObject { ["alg"] = "RS256", ["kid"] = keyId, ["typ"] = "JWT", ["x5t"] = keyId }, payload,
            input => key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>Any header and payload, signed over the JWS signing input by <paramref name="sign"/>.</summary>
    public static string Signed(JsonObject header, JsonObject payload, Func<byte[], byte[]> sign)
    {
        var signingInput = $"{Part(header)}.{Part(payload)}";
        return $"{signingInput}.{Base64Url(sign(Encoding.ASCII.GetBytes(signingInput)))}";
    }

    /// <summary>An unsigned token ("alg": "none"), with an empty signature part.</summary>
    public static string Unsigned(Claims claims) =>
        $"{Part(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" })}.{Part(claims.ToJson())}.";

    /// <summary>The key-confusion forgery: HS256 with the RSA public key (as published) used as the HMAC secret.</summary>
    public static string Hs256WithPublicKey(RSA publicKey, string keyId, Claims claims)
    {
        var signingInput = $"{Part(new JsonObject { ["alg"] = "HS256", ["kid"] = keyId, ["typ"] = "JWT" })}.{Part(claims.ToJson())}";
        var secret = publicKey.ExportSubjectPublicKeyInfo();
        return $"{signingInput}.{Base64Url(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)))}";
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Part(JsonObject json) => Base64Url(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
