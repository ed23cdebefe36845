using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.BotConnector;

/// <summary>The bot's identity (single tenant) and where its tokens come from.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The bot's Microsoft App ID: the audience of every token the Bot Connector sends. Absent: chat is off (Development: the simulator's local issuer).</summary>
    public string? AppId { get; set; }

    public string? AppPassword { get; set; }

    public string? TenantId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Where the client-credentials token for calling the Bot Connector is requested; by default the tenant's Entra ID endpoint.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>How long a call to the login service or the Bot Connector may take before its outcome counts as unknown.</summary>
    public int RequestTimeoutSeconds { get; set; } = 15;

    public bool Configured => !string.IsNullOrWhiteSpace(AppId);

    public Uri TokenEndpointUri => new(string.IsNullOrWhiteSpace(TokenEndpoint)
        ? $"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId ?? "")}/oauth2/v2.0/token"
        : TokenEndpoint);
}

internal sealed partial class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        var s = BotOptions.Section;
        if (!options.Configured)
        {
            if (!string.IsNullOrWhiteSpace(options.AppPassword) || !string.IsNullOrWhiteSpace(options.TenantId))
            {
                failures.Add($"{s}:AppId is required when {s}:AppPassword or {s}:TenantId is set.");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.AppPassword))
            {
                failures.Add($"{s}:AppPassword is required with {s}:AppId (replies are sent with a token it obtains).");
            }

            if (string.IsNullOrWhiteSpace(options.TenantId) || !TenantPattern().IsMatch(options.TenantId))
            {
                failures.Add($"{s}:TenantId is required with {s}:AppId and must be the tenant's id (a GUID) or domain name.");
            }
        }

        if (!IsAllowedUrl(options.OpenIdMetadataUrl))
        {
            failures.Add($"{s}:OpenIdMetadataUrl must be an absolute https URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.TokenEndpoint) && !IsAllowedUrl(options.TokenEndpoint))
        {
            failures.Add($"{s}:TokenEndpoint must be an absolute https URL.");
        }

        if (options.RequestTimeoutSeconds is < 1 or > 120)
        {
            failures.Add($"{s}:RequestTimeoutSeconds must be between 1 and 120.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The same rule as a service URL: https, or http on a loopback address (local stand-ins in tests).</summary>
    private static bool IsAllowedUrl(string? url) => ActivityRules.TryServiceUrl(url, out _, out _);

    [GeneratedRegex("^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9][A-Za-z0-9.-]{0,252})$")]
    private static partial Regex TenantPattern();
}
