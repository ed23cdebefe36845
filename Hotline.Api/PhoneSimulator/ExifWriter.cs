using System.Buffers.Binary;

namespace Hotline.Api.PhoneSimulator;

/// <summary>
/// Writes a little-endian TIFF block as EXIF holds one (TIFF 6.0: an 8-byte header, then IFDs of 12-byte entries):
/// enough for the tags a phone writes (the simulator's sample photo, the tests' photos). A value of four bytes or fewer
/// sits in its entry; a longer one is written to the data area and its entry holds its offset. IFD0 comes last in the
/// data and the header points to it.
/// </summary>
public sealed class ExifWriter
{
    public const ushort Byte = 1;
    public const ushort Ascii = 2;
    public const ushort Short = 3;
    public const ushort Long = 4;
    public const ushort Rational = 5;

    private const int HeaderLength = 8;
    private readonly List<byte> _data = [];

    /// <summary>One tag: its type and count as TIFF names them, and the four bytes of its entry (the value, or where it is).</summary>
    public readonly record struct Entry(ushort Tag, ushort Type, uint Count, byte[] ValueOrOffset);

    /// <summary>The JPEG with an APP1 "Exif" segment holding <paramref name="tiff"/> right after its start marker, where a camera puts it.</summary>
    public static byte[] InsertInto(byte[] jpeg, byte[] tiff)
    {
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment.AsSpan(10));
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    public byte[] Text(string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value + "\0");
        return bytes.Length <= 4 ? Inline(bytes) : Offset(bytes);
    }

    public byte[] Rationals(params (uint Numerator, uint Denominator)[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 8), values[i].Numerator);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 8 + 4), values[i].Denominator);
        }

        return Offset(bytes);
    }

    public byte[] Inline(ReadOnlySpan<byte> value)
    {
        var entry = new byte[4];
        value.CopyTo(entry);
        return entry;
    }

    /// <summary>Writes an IFD (entries in ascending tag order, as TIFF requires) and gives its offset, for a pointer tag.</summary>
    public byte[] Ifd(IReadOnlyList<Entry> entries) => Offset(IfdBytes(entries));

    /// <summary>The whole block: header, data, IFD0.</summary>
    public byte[] Finish(IReadOnlyList<Entry> ifd0)
    {
        var ifd0Offset = HeaderLength + _data.Count;
        var header = new byte[HeaderLength];
        "II"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)ifd0Offset);
        return [.. header, .. _data, .. IfdBytes(ifd0)];
    }

    private byte[] Offset(byte[] value)
    {
        var offset = HeaderLength + _data.Count;
        _data.AddRange(value);
        if (_data.Count % 2 == 1)
        {
            _data.Add(0); // TIFF values start on a word boundary.
        }

        var entry = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)offset);
        return entry;
    }

    private static byte[] IfdBytes(IReadOnlyList<Entry> entries)
    {
        var bytes = new byte[2 + entries.Count * 12 + 4];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = bytes.AsSpan(2 + i * 12);
            BinaryPrimitives.WriteUInt16LittleEndian(entry, entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], entries[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], entries[i].Count);
            entries[i].ValueOrOffset.CopyTo(entry[8..]);
        }

        return bytes;
    }
}
