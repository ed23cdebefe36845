using System.Buffers;
using System.Collections.Frozen;
using System.Text.Unicode;

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

    /// <summary>Room for a value's associated data on the stack: a key id, a table and column name and a row id fit many times over.</summary>
    private const int BoundDataOnStack = 256;

    private readonly string _currentKeyId;
    private readonly string _currentPrefix;
    private readonly FrozenDictionary<string, byte[]> _keys;
    // The same keys with their ids, looked up by a slice of the stored text: the id is then the configured string, not a copy.
    private readonly FrozenDictionary<string, (string Id, byte[] Key)>.AlternateLookup<ReadOnlySpan<char>> _keysBySpan;
    private readonly ILogger<FieldProtector> _logger;

    // A cipher per key and thread, kept: making one sets up an OpenSSL context and expands the key, which costs about as much
    // as sealing a short field, and a webhook seals or opens several. An AesGcm serves one thread at a time; a fresh
    // nonce per value is what GCM needs, and each call below draws one.
    private readonly ThreadLocal<Dictionary<string, AesGcm>> _ciphers = new(() => new(StringComparer.Ordinal), trackAllValues: true);

    public FieldProtector(IOptions<PrivacyOptions> options, ILogger<FieldProtector> logger)
    {
        _currentKeyId = options.Value.CurrentKeyId;
        _currentPrefix = $"{Marker}:{_currentKeyId}:";
        _keys = options.Value.Keys.ToFrozenDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        _keysBySpan = _keys.ToFrozenDictionary(k => k.Key, k => (k.Key, k.Value), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _logger = logger;
    }

    public string CurrentKeyId => _currentKeyId;

    /// <summary>How every value under the current key begins: a value that does not begin so needs rotating.</summary>
    public string CurrentPrefix => _currentPrefix;

    /// <summary>
    /// Sealed in one pooled buffer (the sealed form, then the plaintext's bytes), its associated data on the stack, and written
    /// straight into the stored string: a webhook seals several fields, and the bytes, the prefix and the base64 text made apart
    /// for each were a tenth of what a message allocated. The buffer held plaintext, so it is cleared when given back.
    /// </summary>
    public string Protect(string plaintext, ProtectedCell cell)
    {
        var plainLength = Encoding.UTF8.GetByteCount(plaintext);
        var sealedLength = NonceSize + TagSize + plainLength;
        var rented = ArrayPool<byte>.Shared.Rent(sealedLength + plainLength);
        try
        {
            var sealedBytes = rented.AsSpan(0, sealedLength);
            var plain = rented.AsSpan(sealedLength, plainLength);
            Encoding.UTF8.GetBytes(plaintext, plain);
            var nonce = sealedBytes[..NonceSize];
            NonSecretRandom.Fill(nonce);
            Span<byte> onStack = stackalloc byte[BoundDataOnStack];
            CipherFor(_currentKeyId).Encrypt(nonce, plain, sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize),
                BoundData(_currentKeyId, cell, onStack));
            return string.Create(_currentPrefix.Length + Base64LengthOf(sealedLength), (Prefix: _currentPrefix, Sealed: rented, Length: sealedLength),
                static (text, state) =>
                {
                    state.Prefix.CopyTo(text);
                    Convert.TryToBase64Chars(state.Sealed.AsSpan(0, state.Length), text[state.Prefix.Length..], out _);
                });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    public string? ProtectOrNull(string? plaintext, ProtectedCell cell) =>
        plaintext is null ? null : Protect(plaintext, cell);

    /// <summary>
    /// The plaintext of a value stored in <paramref name="cell"/>; a value from anywhere else is refused, and the refusal logged.
    /// Read where it lies (its marker, key id and sealed bytes are slices of the stored text) into one pooled buffer, cleared
    /// when given back since it held the plaintext: the plaintext's string is the one allocation a value needs.
    /// </summary>
    public string Unprotect(string stored, ProtectedCell cell)
    {
        var text = stored.AsSpan();
        var afterMarker = text.IndexOf(':');
        var afterKeyId = afterMarker < 0 ? -1 : text[(afterMarker + 1)..].IndexOf(':');
        if (afterKeyId < 0 || text[..afterMarker] is not (Marker or UnboundMarker))
        {
            throw Refused(cell, "the value is not in a protected form");
        }

        var bound = text[..afterMarker] is Marker;
        var keyIdText = text.Slice(afterMarker + 1, afterKeyId);
        var encoded = text[(afterMarker + 1 + afterKeyId + 1)..];
        if (!_keysBySpan.TryGetValue(keyIdText, out var known))
        {
            throw Refused(cell, $"the value is under key '{keyIdText}', which is not configured");
        }

        var (keyId, key) = known;

        var rented = ArrayPool<byte>.Shared.Rent(encoded.Length * 2);
        try
        {
            var sealedBytes = rented.AsSpan(0, encoded.Length);
            if (!Convert.TryFromBase64Chars(encoded, sealedBytes, out var length) || length < NonceSize + TagSize)
            {
                throw Refused(cell, "the value is not in a protected form");
            }

            var plain = rented.AsSpan(encoded.Length, length - NonceSize - TagSize);
            Span<byte> onStack = stackalloc byte[BoundDataOnStack];
            var associatedData = bound ? BoundData(keyId, cell, onStack) : Encoding.UTF8.GetBytes(cell.Column.ToString());
            try
            {
                CipherFor(keyId, key).Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize + TagSize, plain.Length),
                    sealedBytes.Slice(NonceSize, TagSize), plain, associatedData);
            }
            catch (AuthenticationTagMismatchException)
            {
                throw Refused(cell, $"the value does not decrypt under key '{keyId}': it was altered, or moved here from another row or column");
            }

            return Encoding.UTF8.GetString(plain);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
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
    // Written into the caller's stack space; only a place too long for it (none the hotline has) is made on the heap.
    private static ReadOnlySpan<byte> BoundData(string keyId, ProtectedCell cell, Span<byte> onStack) =>
        Utf8.TryWrite(onStack, $"{Marker}:{keyId}:{cell.Column.Table}.{cell.Column.Name}:{cell.RowId}", out var written)
            ? onStack[..written]
            : Encoding.UTF8.GetBytes($"{Marker}:{keyId}:{cell.Column.Table}.{cell.Column.Name}:{cell.RowId}");

    private static int Base64LengthOf(int bytes) => (bytes + 2) / 3 * 4;

    private CryptographicException Refused(ProtectedCell cell, string problem)
    {
        _logger.LogError("A protected value was refused: {Table}.{Column} of row {RowId}: {Problem}.",
            cell.Column.Table, cell.Column.Name, cell.RowId, problem);
        return new CryptographicException($"{cell}: {problem}.");
    }
}
