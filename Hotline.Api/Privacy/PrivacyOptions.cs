namespace Hotline.Api.Privacy;

/// <summary>
/// Keys for data at rest. They come from configuration (environment, a secret store mounted as
/// configuration) and never from the repository. Old keys stay listed so old values still decrypt.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Hotline:Privacy";

    /// <summary>The key id new values are encrypted under.</summary>
    public string CurrentKeyId { get; set; } = "";

    /// <summary>Key id -> base64 of a 256-bit AES key.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>Base64 of the HMAC key for looking up addresses; at least 256 bits.</summary>
    public string LookupKey { get; set; } = "";
}

internal sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CurrentKeyId))
        {
            return ValidateOptionsResult.Fail($"{PrivacyOptions.Section}:CurrentKeyId is required.");
        }

        if (options.CurrentKeyId.Contains(':', StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail($"{PrivacyOptions.Section}:CurrentKeyId must not contain ':'.");
        }

        if (!options.Keys.ContainsKey(options.CurrentKeyId))
        {
            return ValidateOptionsResult.Fail(
                $"{PrivacyOptions.Section}:Keys:{options.CurrentKeyId} is required (the current key id has no key).");
        }

        foreach (var (id, key) in options.Keys)
        {
            if (DecodedLength(key) != 32)
            {
                return ValidateOptionsResult.Fail($"{PrivacyOptions.Section}:Keys:{id} must be base64 of 32 bytes.");
            }
        }

        return DecodedLength(options.LookupKey) >= 32
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PrivacyOptions.Section}:LookupKey must be base64 of at least 32 bytes.");
    }

    private static int DecodedLength(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? written : -1;
    }
}
