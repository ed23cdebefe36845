using System.Buffers;
using System.Buffers.Binary;
using Hotline.Api.Tracing;

namespace Hotline.Api.Media;

/// <summary>The two copies a kept file can have: the bytes as they came, and the stripped copy that is shown.</summary>
public enum MediaCopy
{
    Original,
    View,
}

/// <summary>What <see cref="MediaStore.RotateAsync"/> found: already under the current key, sealed again, or erased meanwhile.</summary>
public enum MediaRotation
{
    Current,
    Rewritten,
    Gone,
}

/// <summary>
/// The media store: one folder per conversation, one file per copy, each encrypted at rest with AES-256-GCM
/// in 64 KiB chunks under a key derived from the privacy key ring. Each chunk's associated data names the
/// item, the copy, the chunk's index and whether it is the last, so chunks cannot be swapped, reordered,
/// moved to another item or cut off without the read failing. A file is written beside its place and
/// renamed into it, so a crash never leaves half a file under the real name. <c>keys rotate</c> seals each file again
/// under the current key the same way (<see cref="RotateAsync"/>).
/// </summary>
public sealed class MediaStore(FieldProtector protector, IOptions<MediaOptions> options, IHostEnvironment environment)
{
    private const string Purpose = "Media.Files";
    private const int ChunkSize = 64 * 1024;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>A sealed chunk's length prefix, nonce and tag.</summary>
    private const int Overhead = 4 + NonceSize + TagSize;
    private static readonly byte[] Magic = "HLM1"u8.ToArray();

    private readonly string _root = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);

    /// <summary>
    /// Seals <paramref name="plain"/> (read from where it stands to its end) into the store, a chunk at a time: never the
    /// whole file in one array. Synchronous on purpose: it runs on the media lane (<see cref="MediaKeeper"/>), whose thread
    /// may wait on the disk, where an await would hand the rest of the encryption to the thread pool the webhooks need.
    /// </summary>
    public void Write(Guid conversationId, Guid mediaId, MediaCopy copy, Stream plain)
    {
        using var span = HotlineActivities.Source.StartActivity(HotlineActivities.MediaSeal);
        var path = PathOf(conversationId, mediaId, copy);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        var (keyId, key) = protector.DeriveCurrentKey(Purpose);
        var pool = ArrayPool<byte>.Shared;
        var (current, next, sealedChunk) = (pool.Rent(ChunkSize), pool.Rent(ChunkSize), pool.Rent(Overhead + ChunkSize));
        try
        {
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1))
            {
                file.Write(Header(keyId));
                using var aes = new AesGcm(key, TagSize);
                // One chunk read ahead: a chunk is the last when nothing follows it (an empty file is one empty last chunk).
                var length = plain.ReadAtLeast(current.AsSpan(0, ChunkSize), ChunkSize, throwOnEndOfStream: false);
                for (var index = 0; ; index++)
                {
                    var nextLength = length == ChunkSize ? plain.ReadAtLeast(next.AsSpan(0, ChunkSize), ChunkSize, throwOnEndOfStream: false) : 0;
                    var last = nextLength == 0;
                    Seal(aes, current.AsSpan(0, length), sealedChunk, AssociatedData(mediaId, copy, index, last));
                    file.Write(sealedChunk, 0, Overhead + length);
                    if (last)
                    {
                        break;
                    }

                    (current, next, length) = (next, current, nextLength);
                }

                file.Flush(flushToDisk: true);
            }

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            pool.Return(current);
            pool.Return(next);
            pool.Return(sealedChunk);
        }
    }

    /// <summary>Every copy in the store, by its conversation, item and copy, for <c>keys rotate</c>; files of no such form are not listed.</summary>
    public IEnumerable<(Guid ConversationId, Guid MediaId, MediaCopy Copy)> ListFiles()
    {
        foreach (var conversationId in ListConversations())
        {
            // Listed before any is rotated: a rotation renames its new file over the old one in this folder.
            foreach (var file in FilesOf(conversationId))
            {
                var name = System.IO.Path.GetFileName(file).Split('.');
                if (name.Length == 2 && ItemOf(file) is { } mediaId && Enum.TryParse<MediaCopy>(name[1], ignoreCase: true, out var copy)
                    && name[1] == copy.ToString().ToLowerInvariant())
                {
                    yield return (conversationId, mediaId, copy);
                }
            }
        }
    }

    /// <summary>The conversations that have a folder in the store.</summary>
    public IEnumerable<Guid> ListConversations() =>
        Directory.Exists(_root)
            ? Directory.EnumerateDirectories(_root).Select(folder => Guid.TryParseExact(System.IO.Path.GetFileName(folder), "N", out var id) ? id : (Guid?)null)
                .OfType<Guid>()
            : [];

    /// <summary>
    /// The items a conversation's folder holds any file of: a copy, or one being written (<c>.partial</c>) or rotated
    /// (<c>.rotating</c>), which holds the photo just the same.
    /// </summary>
    public IReadOnlySet<Guid> ListItems(Guid conversationId) => FilesOf(conversationId).Select(ItemOf).OfType<Guid>().ToHashSet();

    /// <summary>
    /// Removes every file of <paramref name="mediaIds"/> in a conversation's folder, and the folder once it is empty; for
    /// erasure and retention, once the items' rows are gone (<see cref="StrandedMediaFiles"/>). Nothing to remove is not an error.
    /// </summary>
    public void Delete(Guid conversationId, IReadOnlySet<Guid> mediaIds)
    {
        foreach (var file in FilesOf(conversationId).Where(file => ItemOf(file) is { } mediaId && mediaIds.Contains(mediaId)))
        {
            File.Delete(file);
        }

        try
        {
            Directory.Delete(FolderOf(conversationId), recursive: false);
        }
        catch (IOException)
        {
            // The folder still holds other items' files, or another instance removed it first: either way it is not ours to remove.
        }
    }

    /// <summary>
    /// Seals a copy again under the current key, chunk by chunk (never the whole file in memory) into a file beside it
    /// that is then renamed over it: an interrupted rotation leaves the old file whole, readable under its old key, and
    /// a run again finishes it. A copy erased meanwhile is <see cref="MediaRotation.Gone"/>; one that does not decrypt
    /// throws <see cref="CryptographicException"/> and is left as it is.
    /// </summary>
    public async Task<MediaRotation> RotateAsync(Guid conversationId, Guid mediaId, MediaCopy copy, CancellationToken cancellationToken)
    {
        var path = PathOf(conversationId, mediaId, copy);
        var rotating = path + ".rotating";
        try
        {
            await using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous))
            {
                var keyId = await ReadHeaderAsync(source, cancellationToken);
                if (keyId == protector.CurrentKeyId)
                {
                    return MediaRotation.Current;
                }

                await using var target = new FileStream(rotating, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
                await ResealAsync(source, keyId, target, mediaId, copy, cancellationToken);
            }

            File.Move(rotating, path, overwrite: true);
            return MediaRotation.Rewritten;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            File.Delete(rotating);
            return MediaRotation.Gone;
        }
    }

    private async Task ResealAsync(FileStream source, string keyId, FileStream target, Guid mediaId, MediaCopy copy, CancellationToken cancellationToken)
    {
        var (currentKeyId, currentKey) = protector.DeriveCurrentKey(Purpose);
        using var opener = new AesGcm(protector.DeriveKey(keyId, Purpose), TagSize);
        using var sealer = new AesGcm(currentKey, TagSize);
        await target.WriteAsync(Header(currentKeyId), cancellationToken);
        var sealedChunk = new byte[Overhead + ChunkSize];
        var plain = new byte[ChunkSize];
        for (var index = 0; source.Position < source.Length; index++)
        {
            await ReadExactlyAsync(source, sealedChunk.AsMemory(0, 4), cancellationToken);
            var length = BinaryPrimitives.ReadInt32LittleEndian(sealedChunk);
            if (length is < 0 or > ChunkSize)
            {
                throw new CryptographicException("A media file is cut short or damaged.");
            }

            await ReadExactlyAsync(source, sealedChunk.AsMemory(4, NonceSize + TagSize + length), cancellationToken);
            var last = source.Position == source.Length;
            opener.Decrypt(sealedChunk.AsSpan(4, NonceSize), sealedChunk.AsSpan(Overhead, length), sealedChunk.AsSpan(4 + NonceSize, TagSize),
                plain.AsSpan(0, length), AssociatedData(mediaId, copy, index, last));
            Seal(sealer, plain.AsSpan(0, length), sealedChunk, AssociatedData(mediaId, copy, index, last));
            await target.WriteAsync(sealedChunk.AsMemory(0, Overhead + length), cancellationToken);
        }

        await target.FlushAsync(cancellationToken);
        target.Flush(flushToDisk: true);
    }

    /// <summary>The copy's bytes in the clear; null when there is no such copy. A file that was altered fails to decrypt.</summary>
    public async Task<byte[]?> ReadAsync(Guid conversationId, Guid mediaId, MediaCopy copy, CancellationToken cancellationToken)
    {
        var path = PathOf(conversationId, mediaId, copy);
        if (!File.Exists(path))
        {
            return null;
        }

        var sealedFile = await File.ReadAllBytesAsync(path, cancellationToken);
        if (sealedFile.Length < Magic.Length + 1 || !sealedFile.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new CryptographicException("A media file is not in the media store's form.");
        }

        var keyIdLength = sealedFile[Magic.Length];
        var keyId = Encoding.UTF8.GetString(sealedFile, Magic.Length + 1, keyIdLength);
        using var aes = new AesGcm(protector.DeriveKey(keyId, Purpose), TagSize);
        using var plain = new MemoryStream();
        var offset = Magic.Length + 1 + keyIdLength;
        var chunk = new byte[ChunkSize];
        for (var index = 0; offset < sealedFile.Length; index++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(sealedFile.AsSpan(offset));
            if (length is < 0 or > ChunkSize || offset + 4 + NonceSize + TagSize + length > sealedFile.Length)
            {
                throw new CryptographicException("A media file is cut short or damaged.");
            }

            var last = offset + 4 + NonceSize + TagSize + length == sealedFile.Length;
            aes.Decrypt(sealedFile.AsSpan(offset + 4, NonceSize), sealedFile.AsSpan(offset + 4 + NonceSize + TagSize, length),
                sealedFile.AsSpan(offset + 4 + NonceSize, TagSize), chunk.AsSpan(0, length), AssociatedData(mediaId, copy, index, last));
            plain.Write(chunk, 0, length);
            offset += 4 + NonceSize + TagSize + length;
        }

        return plain.ToArray();
    }

    private static byte[] Header(string keyId)
    {
        var keyIdBytes = Encoding.UTF8.GetBytes(keyId);
        var header = new byte[Magic.Length + 1 + keyIdBytes.Length];
        Magic.CopyTo(header, 0);
        header[Magic.Length] = (byte)keyIdBytes.Length;
        keyIdBytes.CopyTo(header, Magic.Length + 1);
        return header;
    }

    /// <summary>The key id a file names, the stream left at its first chunk.</summary>
    private static async Task<string> ReadHeaderAsync(FileStream source, CancellationToken cancellationToken)
    {
        var start = new byte[Magic.Length + 1];
        await ReadExactlyAsync(source, start, cancellationToken);
        if (!start.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new CryptographicException("A media file is not in the media store's form.");
        }

        var keyId = new byte[start[Magic.Length]];
        await ReadExactlyAsync(source, keyId, cancellationToken);
        return Encoding.UTF8.GetString(keyId);
    }

    private static async Task ReadExactlyAsync(FileStream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await source.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException ex)
        {
            throw new CryptographicException("A media file is cut short or damaged.", ex);
        }
    }

    /// <summary>Writes the chunk's length, a fresh nonce, the tag and the ciphertext of <paramref name="plain"/> into <paramref name="sealedChunk"/>.</summary>
    private static void Seal(AesGcm aes, ReadOnlySpan<byte> plain, byte[] sealedChunk, byte[] associatedData)
    {
        BinaryPrimitives.WriteInt32LittleEndian(sealedChunk, plain.Length);
        var nonce = sealedChunk.AsSpan(4, NonceSize);
        NonSecretRandom.Fill(nonce);
        aes.Encrypt(nonce, plain, sealedChunk.AsSpan(Overhead, plain.Length), sealedChunk.AsSpan(4 + NonceSize, TagSize), associatedData);
    }

    private string FolderOf(Guid conversationId) => System.IO.Path.Combine(_root, conversationId.ToString("N"));

    private string PathOf(Guid conversationId, Guid mediaId, MediaCopy copy) =>
        System.IO.Path.Combine(FolderOf(conversationId), $"{mediaId:N}.{copy.ToString().ToLowerInvariant()}");

    /// <summary>The files in a conversation's folder as it is now (none when it has no folder, or another instance just removed it).</summary>
    private string[] FilesOf(Guid conversationId)
    {
        try
        {
            return Directory.GetFiles(FolderOf(conversationId));
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>The item a file in the store belongs to, by the id its name starts with.</summary>
    private static Guid? ItemOf(string file) =>
        Guid.TryParseExact(System.IO.Path.GetFileName(file).Split('.')[0], "N", out var mediaId) ? mediaId : null;

    private static byte[] AssociatedData(Guid mediaId, MediaCopy copy, int index, bool last) =>
        Encoding.UTF8.GetBytes($"{mediaId:N}|{copy}|{index}|{(last ? "last" : "more")}");
}
