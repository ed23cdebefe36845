using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Privacy;

/// <summary>
/// Encrypts personal data before it reaches the database: AES-256-GCM, a fresh nonce per value, and the
/// column it belongs to as associated data, so a value copied into another column does not decrypt.
/// Stored form: <c>hl1:{keyId}:{base64(nonce | tag | ciphertext)}</c>. The marked prefix tells a
/// re-encryption job which key a value is under; the key id lets keys rotate without a rewrite.
/// </summary>
public sealed class FieldProtector
{
    public const string Marker = "hl1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly string _currentKeyId;
    private readonly FrozenDictionary<string, byte[]> _keys;

    public FieldProtector(IOptions<PrivacyOptions> options)
    {
        _currentKeyId = options.Value.CurrentKeyId;
        _keys = options.Value.Keys.ToFrozenDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
    }

    public string Protect(string plaintext, string purpose)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentKeyId], TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize),
            Encoding.UTF8.GetBytes(purpose));
        return $"{Marker}:{_currentKeyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    public string? ProtectOrNull(string? plaintext, string purpose) =>
        plaintext is null ? null : Protect(plaintext, purpose);

    public string Unprotect(string stored, string purpose)
    {
        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Marker)
        {
            throw new CryptographicException($"A {purpose} value is not in the protected form.");
        }

        if (!_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException($"A {purpose} value is under key '{parts[1]}', which is not configured.");
        }

        // A value cut short or not base64 is as unreadable as one under a wrong key: the same exception says so.
        var sealedBytes = new byte[parts[2].Length];
        if (!Convert.TryFromBase64String(parts[2], sealedBytes, out var length) || length < NonceSize + TagSize)
        {
            throw new CryptographicException($"A {purpose} value is not in the protected form.");
        }

        sealedBytes = sealedBytes[..length];
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize),
            plain, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plain);
    }

    public string? UnprotectOrNull(string? stored, string purpose) =>
        stored is null ? null : Unprotect(stored, purpose);

    /// <summary>Whether a stored value is under a key other than the current one (a rotation job re-encrypts those).</summary>
    public bool NeedsRotation(string stored) =>
        !stored.StartsWith($"{Marker}:{_currentKeyId}:", StringComparison.Ordinal);
}
