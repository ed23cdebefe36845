using Hotline.Bot.ActivityProtocol;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Api.BotConnector;

/// <summary>Who may call /api/messages: the audience (the bot's app id) and the keys its tokens are signed with.</summary>
public sealed record BotIssuer(string Audience, SigningKeys Keys);

/// <summary>The verdict on a request's credentials: a verified token, or the status and reason to refuse with.</summary>
public abstract record TokenCheck
{
    public sealed record Verified(string? ServiceUrl, IReadOnlyList<string> Endorsements) : TokenCheck;

    public sealed record Refused(int Status, string Reason) : TokenCheck;
}

/// <summary>
/// Checks a request from the Bot Connector exactly as its authentication specification asks: a Bearer JWT,
/// RS256 only, signed by a key from the published key set, issuer https://api.botframework.com, audience
/// this bot's app id, within its lifetime give or take five minutes; then, against the activity, the
/// token's serviceUrl claim and the signing key's endorsement for the activity's channel. No check can be
/// turned off. A failed check answers 401 (not authenticated) or 403 (authenticated, not for this activity).
/// </summary>
public sealed class BotTokenValidator(BotIssuer? issuer, TimeProvider time, ILogger<BotTokenValidator> logger)
{
    public const string NotConfigured = "Chat is not configured: set Bot:AppId, Bot:AppPassword and Bot:TenantId.";
    private const int MaxTokenLength = 16 * 1024;
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<TokenCheck> ValidateAsync(StringValues authorization, CancellationToken cancellationToken)
    {
        if (issuer is null)
        {
            return new TokenCheck.Refused(StatusCodes.Status503ServiceUnavailable, NotConfigured);
        }

        if (authorization.Count != 1 || authorization[0] is not { } header
            || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > MaxTokenLength)
        {
            return Unauthenticated("The Authorization header must carry one Bearer token.");
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(header["Bearer ".Length..].Trim());
        }
        catch (ArgumentException)
        {
            return Unauthenticated("The bearer token is not a JSON Web Token.");
        }

        // Checked before any key is looked at: "none" and HS256 (keyed with the public key) are the classic forgeries.
        if (token.IsEncrypted || !string.Equals(token.Alg, BotAuthentication.Algorithm, StringComparison.Ordinal))
        {
            return Unauthenticated($"The token must be signed with {BotAuthentication.Algorithm}.");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return Unauthenticated("The token does not name its signing key (kid).");
        }

        JsonWebKey? key;
        try
        {
            key = await issuer.Keys.FindAsync(token.Kid, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            logger.LogWarning("The Bot Framework signing keys could not be fetched ({Error}).", ex.Message);
            return new TokenCheck.Refused(StatusCodes.Status503ServiceUnavailable, "The signing keys could not be fetched; try again later.");
        }

        if (key is null)
        {
            return Unauthenticated("The token's signing key is not among the published keys.");
        }

        var result = await Handler.ValidateTokenAsync(token, Parameters(issuer.Audience, key));
        if (!result.IsValid)
        {
            return Unauthenticated(Reason(result.Exception));
        }

        var serviceUrl = BotAuthentication.ServiceUrlClaims
            .Select(claim => token.TryGetPayloadValue<string>(claim, out var value) ? value : null)
            .FirstOrDefault(value => value is not null);
        var endorsements = key.AdditionalData.TryGetValue("endorsements", out var raw) ? BotAuthentication.ReadEndorsements(raw) : [];
        return new TokenCheck.Verified(serviceUrl, endorsements);
    }

    /// <summary>The checks that need the activity: null when the token vouches for it, else the 403 to answer.</summary>
    public static TokenCheck.Refused? Authorize(TokenCheck.Verified token, ReceivedActivity activity)
    {
        if (!BotAuthentication.ServiceUrlMatches(token.ServiceUrl, activity.ServiceUrl))
        {
            return new TokenCheck.Refused(StatusCodes.Status403Forbidden, "The token's serviceUrl claim does not match the activity's serviceUrl.");
        }

        return BotAuthentication.IsEndorsed(token.Endorsements, activity.ChannelId)
            ? null
            : new TokenCheck.Refused(StatusCodes.Status403Forbidden, $"The signing key is not endorsed for channel '{activity.ChannelId}'.");
    }

    private TokenValidationParameters Parameters(string audience, JsonWebKey key) => new()
    {
        ValidIssuer = BotAuthentication.Issuer,
        ValidateIssuer = true,
        ValidAudience = audience,
        ValidateAudience = true,
        RequireAudience = true,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = [BotAuthentication.Algorithm],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = BotAuthentication.ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) => CheckLifetime(notBefore, expires),
    };

    /// <summary>The lifetime rule on the host's clock (the library's own check reads the system clock): exp is required, nbf and exp hold within the skew.</summary>
    private bool CheckLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return (notBefore, expires) switch
        {
            (_, null) => throw new SecurityTokenNoExpirationException("The token has no expiry."),
            ({ } from, _) when from > now + BotAuthentication.ClockSkew => throw new SecurityTokenNotYetValidException("The token is not valid yet."),
            (_, { } to) when to < now - BotAuthentication.ClockSkew => throw new SecurityTokenExpiredException("The token has expired."),
            _ => true,
        };
    }

    private static TokenCheck.Refused Unauthenticated(string reason) => new(StatusCodes.Status401Unauthorized, reason);

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The token's signature does not verify.",
        SecurityTokenInvalidIssuerException => $"The token's issuer is not {BotAuthentication.Issuer}.",
        SecurityTokenInvalidAudienceException => "The token was not issued for this bot (audience).",
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenInvalidAlgorithmException => $"The token must be signed with {BotAuthentication.Algorithm}.",
        _ => "The token is not valid.",
    };
}
