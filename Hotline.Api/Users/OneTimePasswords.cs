namespace Hotline.Api.Users;

/// <summary>
/// The one-time password an admin's reset (or a new account) gets, derived from the request's id with a server key
/// rather than drawn at random: a repeat of the same request (a double click, a retry after a lost answer) then
/// finds the same password already set and answers it again without changing anything, and nothing is stored
/// to make that possible. Without the key, the request id tells nothing of the password.
/// </summary>
public sealed class OneTimePasswords(IOptions<PrivacyOptions> options)
{
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(options.Value.LookupKey), 32,
        info: Encoding.UTF8.GetBytes("hotline:one-time-passwords"));

    /// <summary>Twenty hexadecimal digits (80 bits), as the command line prints them.</summary>
    public string For(Guid requestId, Guid userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{requestId:N}:{userId:N}")))[..20];
}
