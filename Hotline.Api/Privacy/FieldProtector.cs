using System.Collections.Frozen;

namespace Hotline.Api.Privacy;

/// <summary>
/// Encrypts personal data before it reaches the database: AES-256-GCM, a fresh nonce per value, and the value's
/// place as associated data (key id, table, column and the row's id), so a value copied into another column or
/// another row does not decrypt. Stored form: <c>hl2:{keyId}:{base64(nonce | tag | ciphertext)}</c>. The marked
/// prefix tells <c>keys rotate</c> which key a value is under; the key id lets keys rotate without a rewrite.
/// Values written before rows were bound (<c>hl1:</c>, table and column only) still read; rotation rewrites them.
/// </summary>
public sealed class FieldProtector : IDisposable
{
    public const string Marker = "hl2";
    public const string UnboundMarker = "hl1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly string _currentKeyId;
    private readonly FrozenDictionary<string, byte[]> _keys;
    private readonly ILogger<FieldProtector> _logger;

    // A cipher per key and thread, kept: making one sets up an OpenSSL context and expands the key, which costs about as much
    // as sealing a short field, and a webhook seals or opens several. An AesGcm serves one thread at a time; a fresh
    // nonce per value is what GCM needs, and each call below draws one.
    private readonly ThreadLocal<Dictionary<string, AesGcm>> _ciphers = new(() => new(StringComparer.Ordinal), trackAllValues: true);

    public FieldProtector(IOptions<PrivacyOptions> options, ILogger<FieldProtector> logger)
    {
        _currentKeyId = options.Value.CurrentKeyId;
        _keys = options.Value.Keys.ToFrozenDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        _logger = logger;
    }

    public string CurrentKeyId => _currentKeyId;

    /// <summary>How every value under the current key begins: a value that does not begin so needs rotating.</summary>
    public string CurrentPrefix => $"{Marker}:{_currentKeyId}:";

    public string Protect(string plaintext, ProtectedCell cell)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        NonSecretRandom.Fill(nonce);
        CipherFor(_currentKeyId).Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize),
            BoundData(_currentKeyId, cell));
        return $"{CurrentPrefix}{Convert.ToBase64String(sealedBytes)}";
    }

    public string? ProtectOrNull(string? plaintext, ProtectedCell cell) =>
        plaintext is null ? null : Protect(plaintext, cell);

    /// <summary>The plaintext of a value stored in <paramref name="cell"/>; a value from anywhere else is refused, and the refusal logged.</summary>
    public string Unprotect(string stored, ProtectedCell cell)
    {
        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || parts[0] is not (Marker or UnboundMarker))
        {
            throw Refused(cell, "the value is not in a protected form");
        }

        if (!_keys.TryGetValue(parts[1], out var key))
        {
            throw Refused(cell, $"the value is under key '{parts[1]}', which is not configured");
        }

        var sealedBytes = new byte[parts[2].Length];
        if (!Convert.TryFromBase64String(parts[2], sealedBytes, out var length) || length < NonceSize + TagSize)
        {
            throw Refused(cell, "the value is not in a protected form");
        }

        var plain = new byte[length - NonceSize - TagSize];
        var associatedData = parts[0] == Marker ? BoundData(parts[1], cell) : Encoding.UTF8.GetBytes(cell.Column.ToString());
        try
        {
            CipherFor(parts[1], key).Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize, plain.Length),
                sealedBytes.AsSpan(NonceSize, TagSize), plain, associatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw Refused(cell, $"the value does not decrypt under key '{parts[1]}': it was altered, or moved here from another row or column");
        }

        return Encoding.UTF8.GetString(plain);
    }

    public string? UnprotectOrNull(string? stored, ProtectedCell cell) =>
        stored is null ? null : Unprotect(stored, cell);

    /// <summary>The current key id and a key derived from it for one purpose (HKDF), for data too large for a column: media files.</summary>
    public (string KeyId, byte[] Key) DeriveCurrentKey(string purpose) => (_currentKeyId, DeriveKey(_currentKeyId, purpose));

    /// <summary>The key for <paramref name="purpose"/> under key <paramref name="keyId"/>; a key that is no longer configured cannot be derived.</summary>
    public byte[] DeriveKey(string keyId, string purpose)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"A {purpose} value is under key '{keyId}', which is not configured.");
        }

        return HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));
    }

    /// <summary>Whether a stored value is under a key other than the current one, or in the unbound form (rotation rewrites those).</summary>
    public bool NeedsRotation(string stored) => !stored.StartsWith(CurrentPrefix, StringComparison.Ordinal);

    /// <summary>The same plaintext sealed again under the current key, bound to its cell.</summary>
    public string Reprotect(string stored, ProtectedCell cell) => Protect(Unprotect(stored, cell), cell);

    public void Dispose()
    {
        foreach (var cipher in _ciphers.Values.SelectMany(ciphers => ciphers.Values))
        {
            cipher.Dispose();
        }

        _ciphers.Dispose();
    }

    private AesGcm CipherFor(string keyId) => CipherFor(keyId, _keys[keyId]);

    private AesGcm CipherFor(string keyId, byte[] key)
    {
        var ciphers = _ciphers.Value!;
        if (!ciphers.TryGetValue(keyId, out var cipher))
        {
            cipher = new AesGcm(key, TagSize);
            ciphers.Add(keyId, cipher);
        }

        return cipher;
    }

    // The key id cannot hold ':' (PrivacyOptionsValidator) and the row id comes last, so no two places share one encoding.
    private static byte[] BoundData(string keyId, ProtectedCell cell) =>
        Encoding.UTF8.GetBytes($"{Marker}:{keyId}:{cell.Column.Table}.{cell.Column.Name}:{cell.RowId}");

    private CryptographicException Refused(ProtectedCell cell, string problem)
    {
        _logger.LogError("A protected value was refused: {Table}.{Column} of row {RowId}: {Problem}.",
            cell.Column.Table, cell.Column.Name, cell.RowId, problem);
        return new CryptographicException($"{cell}: {problem}.");
    }
}
