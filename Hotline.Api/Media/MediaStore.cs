using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Hotline.Api.Privacy;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Media;

/// <summary>The two copies a kept file can have: the bytes as they came, and the stripped copy that is shown.</summary>
public enum MediaCopy
{
    Original,
    View,
}

/// <summary>
/// The media store: one folder per conversation, one file per copy, each encrypted at rest with AES-256-GCM
/// in 64 KiB chunks under a key derived from the privacy key ring. Each chunk's associated data names the
/// item, the copy, the chunk's index and whether it is the last, so chunks cannot be swapped, reordered,
/// moved to another item or cut off without the read failing. A file is written beside its place and
/// renamed into it, so a crash never leaves half a file under the real name.
/// </summary>
public sealed class MediaStore(FieldProtector protector, IOptions<MediaOptions> options, IHostEnvironment environment)
{
    private const string Purpose = "Media.Files";
    private const int ChunkSize = 64 * 1024;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Magic = "HLM1"u8.ToArray();

    private readonly string _root = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);

    public async Task WriteAsync(Guid conversationId, Guid mediaId, MediaCopy copy, ReadOnlyMemory<byte> plain, CancellationToken cancellationToken)
    {
        var path = PathOf(conversationId, mediaId, copy);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        var (keyId, key) = protector.DeriveCurrentKey(Purpose);
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
        {
            var keyIdBytes = Encoding.UTF8.GetBytes(keyId);
            var header = new byte[Magic.Length + 1 + keyIdBytes.Length];
            Magic.CopyTo(header, 0);
            header[Magic.Length] = (byte)keyIdBytes.Length;
            keyIdBytes.CopyTo(header, Magic.Length + 1);
            await file.WriteAsync(header, cancellationToken);

            using var aes = new AesGcm(key, TagSize);
            var sealedChunk = new byte[4 + NonceSize + TagSize + ChunkSize];
            var index = 0;
            var offset = 0;
            do
            {
                var length = Math.Min(ChunkSize, plain.Length - offset);
                var last = offset + length == plain.Length;
                BinaryPrimitives.WriteInt32LittleEndian(sealedChunk, length);
                var nonce = sealedChunk.AsSpan(4, NonceSize);
                RandomNumberGenerator.Fill(nonce);
                aes.Encrypt(nonce, plain.Span.Slice(offset, length), sealedChunk.AsSpan(4 + NonceSize + TagSize, length),
                    sealedChunk.AsSpan(4 + NonceSize, TagSize), AssociatedData(mediaId, copy, index, last));
                await file.WriteAsync(sealedChunk.AsMemory(0, 4 + NonceSize + TagSize + length), cancellationToken);
                offset += length;
                index++;
            }
            while (offset < plain.Length);

            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(partial, path, overwrite: true);
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

    /// <summary>
    /// Removes every file of a conversation's media, for erasure and retention; the rows go with
    /// <see cref="MediaItemRepository.DeleteConversationAsync"/>. Nothing to remove is not an error.
    /// </summary>
    public void DeleteConversation(Guid conversationId)
    {
        var folder = System.IO.Path.Combine(_root, conversationId.ToString("N"));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string PathOf(Guid conversationId, Guid mediaId, MediaCopy copy) =>
        System.IO.Path.Combine(_root, conversationId.ToString("N"), $"{mediaId:N}.{copy.ToString().ToLowerInvariant()}");

    private static byte[] AssociatedData(Guid mediaId, MediaCopy copy, int index, bool last) =>
        Encoding.UTF8.GetBytes($"{mediaId:N}|{copy}|{index}|{(last ? "last" : "more")}");
}
