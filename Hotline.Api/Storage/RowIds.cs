using System.Buffers.Binary;

namespace Hotline.Api.Storage;

/// <summary>
/// New rows' ids: version 7 UUIDs (RFC 9562), the time they were made in their first 48 bits, then 74 random bits. Stored as
/// text, as SQLite stores them, they sort by that time, so rows written together sit together in the indexes (SQL Server's
/// <c>uniqueidentifier</c> order compares the random last bytes first). <see cref="Guid.CreateVersion7(DateTimeOffset)"/>
/// makes the same ids, but on Linux it reads its random bits from <c>/dev/urandom</c>, a system call each, about three times
/// a message at the webhook; these take theirs from <see cref="NonSecretRandom"/>, without leaving the process.
/// </summary>
public static class RowIds
{
    public static Guid Version7(DateTimeOffset madeAt)
    {
        var milliseconds = madeAt.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(madeAt));
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        NonSecretRandom.Fill(bytes[6..]);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
