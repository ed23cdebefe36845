namespace Hotline.Api.Accountability;

/// <summary>
/// The audit key comes from configuration (environment, a mounted secret), never from the repository;
/// Development makes one once (<see cref="Hosting.DevelopmentSecrets"/>). Losing it leaves the chain
/// unverifiable; changing it breaks the chain at the first row written under the new key.
/// </summary>
public sealed class AuditOptions
{
    public const string Section = "Hotline:Audit";

    /// <summary>Base64 of the HMAC-SHA256 key the chain is computed under; at least 256 bits.</summary>
    public string Key { get; set; } = "";

    /// <summary>How often each instance walks the chain for the health endpoint.</summary>
    public int VerifyIntervalMinutes { get; set; } = 60;
}

internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Key))
        {
            return ValidateOptionsResult.Fail($"{AuditOptions.Section}:Key is required (base64 of at least 32 bytes).");
        }

        var buffer = new byte[options.Key.Length];
        if (!Convert.TryFromBase64String(options.Key, buffer, out var length) || length < 32)
        {
            return ValidateOptionsResult.Fail($"{AuditOptions.Section}:Key must be base64 of at least 32 bytes.");
        }

        return options.VerifyIntervalMinutes is < 1 or > 10_080
            ? ValidateOptionsResult.Fail($"{AuditOptions.Section}:VerifyIntervalMinutes must be between 1 and 10080.")
            : ValidateOptionsResult.Success;
    }
}
